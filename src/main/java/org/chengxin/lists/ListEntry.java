package org.chengxin.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/**
 * An entry of the serious-dishonesty list: first a notice to the person (NOTICED, with the proposed period
 * and the deadline for their statement), then the reviewer's decision (ACTIVE until it ENDED), or dropped
 * (DROPPED) after the person was heard.
 *
 * @param decidedBy  the reviewer who decided; null while the entry is only noticed or was dropped
 * @param noticeDue  the last day on which the person may state their case (陈述申辩)
 * @param statement  the person's statement, or null
 */
public record ListEntry(long id, String listKind, SubjectKey subject, DepartmentCode departmentCode, String documentNumber,
        String legalBasis, String criteria, LocalDate startDate, LocalDate endDate, String status, String decidedBy,
        Instant decidedAt, String endReason, List<Long> recordIds, Instant noticedAt, LocalDate noticeDue, String statement,
        Instant statedAt) {

    /** An entry decided at once, as the tests of other modules build one. */
    public ListEntry(long id, String listKind, SubjectKey subject, DepartmentCode departmentCode, String documentNumber,
            String legalBasis, String criteria, LocalDate startDate, LocalDate endDate, String status, String decidedBy,
            Instant decidedAt, String endReason, List<Long> recordIds) {
        this(id, listKind, subject, departmentCode, documentNumber, legalBasis, criteria, startDate, endDate, status, decidedBy,
                decidedAt, endReason, recordIds, decidedAt, startDate, null, null);
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** Noticed to the person, not yet decided. */
    public boolean noticed() {
        return "NOTICED".equals(status);
    }

    /** The status as a reviewer and the person read it. */
    public String statusLabel() {
        return switch (status) {
            case "NOTICED" -> "已告知，待认定";
            case "ACTIVE" -> "有效";
            case "DROPPED" -> "不予列入";
            default -> "已结束";
        };
    }
}
