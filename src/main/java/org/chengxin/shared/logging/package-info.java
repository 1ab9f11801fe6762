/** The logging safety net: anything shaped like an ID number is masked before it is written. */
package org.chengxin.shared.logging;
