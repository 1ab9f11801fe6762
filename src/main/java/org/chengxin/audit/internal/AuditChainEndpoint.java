package org.chengxin.audit.internal;

import java.time.Clock;
import java.time.Instant;

import org.chengxin.audit.AuditVerification;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/auditchain}: verifies the chain (from the last archive's anchor) and reports the first broken
 * link; the result is also the alert's ({@code /actuator/health/audit}). {@code GET /actuator/auditchain/{file}}
 * verifies one archive file against its manifest and anchor.
 */
@Component
@Endpoint(id = "auditchain")
class AuditChainEndpoint {

    private final AuditChainWatch watch;
    private final ArchiveVerifier archives;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuditChainEndpoint(AuditChainWatch watch, ArchiveVerifier archives, ApplicationEventPublisher events, Clock clock) {
        this.watch = watch;
        this.archives = archives;
        this.events = events;
        this.clock = clock;
    }

    @ReadOperation
    AuditVerification verify() {
        AuditVerification result = watch.verifyNow();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "audit.verify", null, "审计链校验（接口）",
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
                result.intact() ? "审计链完整，校验 " + result.entriesChecked() + " 条" : "审计链在第 " + result.firstBrokenSeq() + " 条断裂"));
        return result;
    }

    @ReadOperation
    AuditVerification verifyArchive(@Selector String file) {
        AuditVerification result = archives.verify(file);
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "audit.verify", null, "审计日志归档校验（接口）",
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
                (result.intact() ? "归档完整，校验 " + result.entriesChecked() + " 条：" : "归档校验失败：") + file));
        return result;
    }
}
