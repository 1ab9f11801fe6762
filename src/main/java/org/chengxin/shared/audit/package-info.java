/** The event every module publishes for the audit trail; only the audit module hears it. */
package org.chengxin.shared.audit;
