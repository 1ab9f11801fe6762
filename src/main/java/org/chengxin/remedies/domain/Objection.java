package org.chengxin.remedies.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.text.UnicodeText;

/**
 * A person's objection to one record (or one field of it), from filing to answer. Every step is a
 * named method that refuses the steps the status does not allow, each with its own code:
 *
 * <pre>
 * SCREENING ──accept──▶ WITH_DEPARTMENT ──uphold──▶ UPHELD
 *     │                      ├──correct──▶ CORRECTED
 *     └──dismiss──▶ DISMISSED ├──revoke───▶ REVOKED
 * SCREENING / WITH_DEPARTMENT ──withdraw──▶ WITHDRAWN
 * </pre>
 *
 * The answer is due {@code dueOn} (calendar days from filing, {@code WorkingCalendar.plusCalendarDays});
 * an answer after it is kept as late, and an open objection past it is escalated once.
 *
 * @param field          the field disputed, or null for the record as a whole
 * @param requestedValue what the person says the field should read (optional)
 * @param late           answered after {@code dueOn}
 */
public record Objection(Long id, long recordId, int recordVersion, SubjectKey subject, DepartmentCode departmentCode, String itemCode,
        String field, String grounds, String requestedValue, Channel channel, String filedBy, Instant filedAt, LocalDate dueOn,
        ObjectionStatus status, String screenedBy, Instant screenedAt, String decidedBy, Instant decidedAt,
        String decisionReason, String correctedValue, Instant escalatedAt, boolean late) {

    public static final int GROUNDS_MAX = 2000;
    public static final int VALUE_MAX = 500;
    public static final int REASON_MAX = 400;

    /** What a person files, checked; the record it disputes is given by the caller, who has read it. */
    public static Objection file(DisputedRecord record, String field, String grounds, String requestedValue, Channel channel,
            String filedBy, Instant at, LocalDate dueOn) {
        String why = required(grounds, GROUNDS_MAX, "OBJECTION_GROUNDS_REQUIRED", "请说明异议理由（不超过" + GROUNDS_MAX + "字）");
        String value = optional(requestedValue, VALUE_MAX, "OBJECTION_VALUE_TOO_LONG", "更正后的内容不超过" + VALUE_MAX + "字");
        String disputed = field == null || field.isBlank() ? null : field.strip();
        if (disputed != null && !record.fields().contains(disputed)) {
            throw ChengxinException.badRequest("OBJECTION_FIELD_UNKNOWN", "该记录没有所选的信息字段");
        }
        return new Objection(null, record.recordId(), record.version(), record.subject(), record.departmentCode(),
                record.itemCode(), disputed, why, value, channel, filedBy, at, dueOn, ObjectionStatus.SCREENING,
                null, null, null, null, null, null, null, false);
    }

    /** The record as the objection sees it when filed: its identity, version and the fields it has. */
    public record DisputedRecord(long recordId, int version, SubjectKey subject, DepartmentCode departmentCode, String itemCode,
            Set<String> fields) {
    }

    /** The platform's staff pass it on to the department that formed the record. */
    public Objection accept(String screener, Instant at) {
        require(ObjectionStatus.SCREENING, "OBJECTION_NOT_SCREENING", "该异议已完成初审");
        return new Objection(id, recordId, recordVersion, subject, departmentCode, itemCode, field, grounds, requestedValue,
                channel, filedBy, filedAt, dueOn, ObjectionStatus.WITH_DEPARTMENT, screener, at, null, null, null, null,
                escalatedAt, false);
    }

    /** The platform's staff do not pass it on, for one of the grounds the rules name, explained. */
    public Objection dismiss(DismissalGround ground, String explanation, String screener, Instant at, LocalDate today) {
        require(ObjectionStatus.SCREENING, "OBJECTION_NOT_SCREENING", "该异议已完成初审");
        if (ground == null) {
            throw ChengxinException.badRequest("OBJECTION_DISMISSAL_GROUND_REQUIRED", "请选择不予受理的理由");
        }
        String more = optional(explanation, REASON_MAX, "DECISION_REASON_TOO_LONG", "说明不超过" + REASON_MAX + "字");
        String reason = ground.label() + (more == null ? "" : "。" + more);
        return answered(ObjectionStatus.DISMISSED, screener, at, today, reason, null, screener, at);
    }

    /** The department checked the record and it stands as it is; the reasons are given to the person. */
    public Objection uphold(String reviewer, String reasons, Instant at, LocalDate today) {
        requireWithDepartment();
        return answered(ObjectionStatus.UPHELD, reviewer, at, today, reasons(reasons), null, screenedBy, screenedAt);
    }

    /** The department corrects the record: a new version, the old one kept. */
    public Objection correct(String reviewer, String reasons, String newValue, Instant at, LocalDate today) {
        requireWithDepartment();
        String value = required(newValue, VALUE_MAX, "OBJECTION_CORRECTED_VALUE_REQUIRED",
                "更正记录须填写更正后的内容（不超过" + VALUE_MAX + "字）");
        if (field == null) {
            throw ChengxinException.badRequest("OBJECTION_CORRECTION_NEEDS_FIELD",
                    "该异议针对整条记录，无法更正某一字段：请维持或撤销记录，或由部门重新报送更正后的记录");
        }
        return answered(ObjectionStatus.CORRECTED, reviewer, at, today, reasons(reasons), value, screenedBy, screenedAt);
    }

    /** The department withdraws the record: it cannot be upheld (for example, it was about someone else). */
    public Objection revoke(String reviewer, String reasons, Instant at, LocalDate today) {
        requireWithDepartment();
        return answered(ObjectionStatus.REVOKED, reviewer, at, today, reasons(reasons), null, screenedBy, screenedAt);
    }

    /** The person takes the objection back while it is open. */
    public Objection withdraw(Instant at, LocalDate today) {
        if (!status.isOpen()) {
            throw ChengxinException.conflict("OBJECTION_ALREADY_ANSWERED", "该异议已处理完毕，不能撤回");
        }
        return new Objection(id, recordId, recordVersion, subject, departmentCode, itemCode, field, grounds, requestedValue,
                channel, filedBy, filedAt, dueOn, ObjectionStatus.WITHDRAWN, screenedBy, screenedAt, null, at, "本人撤回异议",
                null, escalatedAt, false);
    }

    /** Open and past its day, not yet escalated: the administrator is told once. */
    public boolean dueForEscalation(LocalDate today) {
        return status.isOpen() && today.isAfter(dueOn) && escalatedAt == null;
    }

    public Objection escalate(Instant at, LocalDate today) {
        if (!dueForEscalation(today)) {
            throw ChengxinException.conflict("OBJECTION_NOT_OVERDUE", "该异议未超过处理期限或已处理");
        }
        return new Objection(id, recordId, recordVersion, subject, departmentCode, itemCode, field, grounds, requestedValue,
                channel, filedBy, filedAt, dueOn, status, screenedBy, screenedAt, decidedBy, decidedAt, decisionReason,
                correctedValue, at, late);
    }

    /** Open and past its day. */
    public boolean overdue(LocalDate today) {
        return status.isOpen() && today.isAfter(dueOn);
    }

    public Objection withId(long newId) {
        return new Objection(newId, recordId, recordVersion, subject, departmentCode, itemCode, field, grounds, requestedValue,
                channel, filedBy, filedAt, dueOn, status, screenedBy, screenedAt, decidedBy, decidedAt, decisionReason,
                correctedValue, escalatedAt, late);
    }

    private Objection answered(ObjectionStatus to, String by, Instant at, LocalDate today, String reason, String value,
            String screener, Instant screened) {
        return new Objection(id, recordId, recordVersion, subject, departmentCode, itemCode, field, grounds, requestedValue,
                channel, filedBy, filedAt, dueOn, to, screener, screened, by, at, reason, value, escalatedAt, today.isAfter(dueOn));
    }

    private void requireWithDepartment() {
        if (status == ObjectionStatus.SCREENING) {
            throw ChengxinException.conflict("OBJECTION_NOT_SCREENED", "该异议尚未通过平台初审，部门暂不能处理");
        }
        require(ObjectionStatus.WITH_DEPARTMENT, "OBJECTION_ALREADY_ANSWERED", "该异议已处理完毕");
    }

    private void require(ObjectionStatus expected, String code, String message) {
        if (status != expected) {
            throw ChengxinException.conflict(code, message);
        }
    }

    private static String reasons(String raw) {
        return required(raw, REASON_MAX, "DECISION_REASON_REQUIRED", "请说明处理理由（不超过" + REASON_MAX + "字）");
    }

    /** Kept text is written for good: an ID number typed into it is masked. */
    static String required(String raw, int max, String code, String message) {
        if (raw == null || raw.isBlank() || UnicodeText.longerThan(raw, max)) {
            throw ChengxinException.badRequest(code, message);
        }
        return Masking.maskIdShaped(raw).strip();
    }

    static String optional(String raw, int max, String code, String message) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (UnicodeText.longerThan(raw, max)) {
            throw ChengxinException.badRequest(code, message);
        }
        return Masking.maskIdShaped(raw).strip();
    }
}
