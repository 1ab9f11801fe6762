/** Storage, the recomputation queue and its worker. */
package org.chengxin.evaluation.internal;
