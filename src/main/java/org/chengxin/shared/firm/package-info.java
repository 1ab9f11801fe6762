/** Firms (legal persons and other organizations) as the platform names them: the unified social credit code. */
package org.chengxin.shared.firm;
