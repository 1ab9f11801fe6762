package org.chengxin.shared.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    SUCCESS, DENIED, FAILED
}
