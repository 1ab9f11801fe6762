package org.chengxin.audit.internal;

import org.chengxin.audit.AuditTrail;
import org.chengxin.audit.AuditVerification;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/** {@code GET /actuator/auditchain}: verifies the chain and reports the first broken link. */
@Component
@Endpoint(id = "auditchain")
class AuditChainEndpoint {

    private final AuditTrail trail;

    AuditChainEndpoint(AuditTrail trail) {
        this.trail = trail;
    }

    @ReadOperation
    AuditVerification verify() {
        return trail.verify();
    }
}
