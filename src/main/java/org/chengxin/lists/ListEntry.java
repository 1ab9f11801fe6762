package org.chengxin.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/** An entry of the serious-dishonesty list, as decided by a reviewer. */
public record ListEntry(long id, String listKind, SubjectKey subject, DepartmentCode departmentCode, String documentNumber,
        String legalBasis, String criteria, LocalDate startDate, LocalDate endDate, String status, String decidedBy,
        Instant decidedAt, String endReason, List<Long> recordIds) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
