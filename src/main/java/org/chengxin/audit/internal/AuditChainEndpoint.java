package org.chengxin.audit.internal;

import java.time.Clock;
import java.time.Instant;

import org.chengxin.audit.AuditTrail;
import org.chengxin.audit.AuditVerification;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/** {@code GET /actuator/auditchain}: verifies the chain and reports the first broken link. */
@Component
@Endpoint(id = "auditchain")
class AuditChainEndpoint {

    private final AuditTrail trail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuditChainEndpoint(AuditTrail trail, ApplicationEventPublisher events, Clock clock) {
        this.trail = trail;
        this.events = events;
        this.clock = clock;
    }

    @ReadOperation
    AuditVerification verify() {
        AuditVerification result = trail.verify();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "audit.verify", null, "审计链校验（接口）",
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
                result.intact() ? "审计链完整，校验 " + result.entriesChecked() + " 条" : "审计链在第 " + result.firstBrokenSeq() + " 条断裂"));
        return result;
    }
}
