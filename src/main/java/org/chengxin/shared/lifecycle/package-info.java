/**
 * Taking part in the platform's stop: components that finish or hand back their work within the shutdown phase.
 */
package org.chengxin.shared.lifecycle;
