package org.chengxin.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.chengxin.evaluation.GradeChanged;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.security.Actor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts every change of a person's grade into the tamper-evident trail, so that an auditor (and later the
 * person's objection) can prove when a grade moved and why, independently of the evaluation's own
 * history table. Heard after the evaluation's commit through the event publication registry: a crash
 * before this ran leaves the publication incomplete, and it is delivered again on restart.
 */
@Component
class GradeChangeAuditing {

    static final String ACTION = "evaluation.grade-change";

    private final AuditEventListener audit;

    GradeChangeAuditing(AuditEventListener audit) {
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(GradeChanged e) {
        audit.record(entryOf(e));
    }

    /** The entry's id follows from the change, so a second delivery of the same event adds nothing. */
    static AuditEvent entryOf(GradeChanged e) {
        String key = String.join("|", ACTION, e.subject().hex(), e.changedAt().toString(), e.oldGrade(), e.newGrade());
        UUID id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
        String cause = e.recordId() == null ? "重新计算" : "记录 " + e.recordId() + " 的变化";
        String detail = "信用等级由 " + e.oldGrade() + " 变为 " + e.newGrade() + "，积分 " + e.oldPoints() + " → " + e.newPoints()
                + "，起因：" + cause;
        return new AuditEvent(id, e.changedAt(), Actor.SYSTEM.name(), Actor.SYSTEM.role(), null, ACTION,
                e.subject(), "信用等级变化", AuditOutcome.SUCCESS, detail);
    }
}
