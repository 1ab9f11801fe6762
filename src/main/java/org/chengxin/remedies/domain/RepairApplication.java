package org.chengxin.remedies.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/**
 * A person's application to repair one dishonesty record, decided by the department that formed it
 * (谁认定谁修复) within a number of working days:
 *
 * <pre>
 * OPEN ──grant──▶ GRANTED      OPEN ──refuse──▶ REFUSED      OPEN ──withdraw──▶ WITHDRAWN
 * </pre>
 *
 * An application for a record the law excludes from repair is refused at once, with the law's reason.
 */
public record RepairApplication(Long id, long recordId, SubjectKey subject, DepartmentCode departmentCode, String itemCode,
        String fulfilment, String localWays, Commitment commitment, Channel channel, String filedBy, Instant filedAt,
        LocalDate dueOn, RepairStatus status, String decidedBy, Instant decidedAt, String decisionReason, boolean late,
        Instant escalatedAt) {

    public static final int TEXT_MAX = 2000;
    public static final String BY_LAW = "平台（依法自动办理）";

    /** A new application; refused at once, with the law's reason, when the law excludes the record. */
    public static RepairApplication file(long recordId, SubjectKey subject, DepartmentCode departmentCode, String itemCode,
            RepairEligibility.Answer eligibility, String fulfilment, String localWays, Commitment commitment, Channel channel,
            String filedBy, Instant at, LocalDate today, LocalDate dueOn) {
        String how = Objection.required(fulfilment, TEXT_MAX, "REPAIR_FULFILMENT_REQUIRED",
                "请说明已履行法定义务、纠正失信行为的情况（不超过" + TEXT_MAX + "字）");
        String ways = Objection.optional(localWays, TEXT_MAX, "REPAIR_TEXT_TOO_LONG", "说明不超过" + TEXT_MAX + "字");
        if (commitment == null) {
            throw ChengxinException.badRequest("REPAIR_COMMITMENT_REQUIRED", "申请信用修复须作出信用承诺（网上确认或签署承诺书）");
        }
        RepairApplication filed = new RepairApplication(null, recordId, subject, departmentCode, itemCode, how, ways, commitment,
                channel, filedBy, at, dueOn, RepairStatus.OPEN, null, null, null, false, null);
        if (eligibility.excludedByLaw()) {
            return filed.decided(RepairStatus.REFUSED, BY_LAW, at, today, "依法不予修复：" + eligibility.lawReason());
        }
        return filed;
    }

    /** The department grants the repair: the record is neither shown nor used from now on. */
    public RepairApplication grant(String reviewer, String reasons, Instant at, LocalDate today) {
        requireOpen();
        return decided(RepairStatus.GRANTED, reviewer, at, today,
                Objection.required(reasons, Objection.REASON_MAX, "DECISION_REASON_REQUIRED", "请说明处理理由（不超过" + Objection.REASON_MAX + "字）"));
    }

    /** The department refuses, with reasons the person can act on. */
    public RepairApplication refuse(String reviewer, String reasons, Instant at, LocalDate today) {
        requireOpen();
        return decided(RepairStatus.REFUSED, reviewer, at, today,
                Objection.required(reasons, Objection.REASON_MAX, "DECISION_REASON_REQUIRED", "请说明处理理由（不超过" + Objection.REASON_MAX + "字）"));
    }

    public RepairApplication withdraw(Instant at) {
        requireOpen();
        return new RepairApplication(id, recordId, subject, departmentCode, itemCode, fulfilment, localWays, commitment,
                channel, filedBy, filedAt, dueOn, RepairStatus.WITHDRAWN, null, at, "本人撤回申请", false, escalatedAt);
    }

    public boolean dueForEscalation(LocalDate today) {
        return status.isOpen() && today.isAfter(dueOn) && escalatedAt == null;
    }

    public RepairApplication escalate(Instant at, LocalDate today) {
        if (!dueForEscalation(today)) {
            throw ChengxinException.conflict("REPAIR_NOT_OVERDUE", "该修复申请未超过办理期限或已办结");
        }
        return new RepairApplication(id, recordId, subject, departmentCode, itemCode, fulfilment, localWays, commitment,
                channel, filedBy, filedAt, dueOn, status, decidedBy, decidedAt, decisionReason, late, at);
    }

    public boolean overdue(LocalDate today) {
        return status.isOpen() && today.isAfter(dueOn);
    }

    public RepairApplication withId(long newId) {
        return new RepairApplication(newId, recordId, subject, departmentCode, itemCode, fulfilment, localWays, commitment,
                channel, filedBy, filedAt, dueOn, status, decidedBy, decidedAt, decisionReason, late, escalatedAt);
    }

    private RepairApplication decided(RepairStatus to, String by, Instant at, LocalDate today, String reason) {
        return new RepairApplication(id, recordId, subject, departmentCode, itemCode, fulfilment, localWays, commitment,
                channel, filedBy, filedAt, dueOn, to, by, at, reason, today.isAfter(dueOn), escalatedAt);
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw ChengxinException.conflict("REPAIR_ALREADY_DECIDED", "该修复申请已办结");
        }
    }
}
