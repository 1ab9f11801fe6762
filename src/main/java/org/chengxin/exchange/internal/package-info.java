/** The exchange's tables, its event listeners, the sequencer and the file export. */
package org.chengxin.exchange.internal;
