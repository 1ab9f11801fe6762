/** Errors as RFC 9457 problem details with a stable code and a Chinese message. */
package org.chengxin.shared.error;
