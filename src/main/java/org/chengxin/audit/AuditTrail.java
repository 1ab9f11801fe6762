package org.chengxin.audit;

/** Verification of the audit trail, for the actuator endpoint and the auditor's page. */
public interface AuditTrail {

    AuditVerification verify();

    long size();
}
