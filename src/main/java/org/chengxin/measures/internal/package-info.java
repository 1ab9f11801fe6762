/** Storage of the measure lists and the checks. */
package org.chengxin.measures.internal;
