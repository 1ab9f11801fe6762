/** The platform's clock: every rule that depends on dates takes it, so tests can move time. */
package org.chengxin.shared.time;
