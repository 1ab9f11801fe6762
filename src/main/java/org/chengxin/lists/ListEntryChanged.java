package org.chengxin.lists;

import java.time.Instant;
import java.time.LocalDate;

import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/**
 * A person was put on the serious-dishonesty list, or their entry ended (removed by the reviewer, its
 * period over, or its records all revoked, repaired or expired). Published in the changing transaction;
 * the person is told from it.
 *
 * @param reason why the entry ended; null when it was added
 */
public record ListEntryChanged(Change change, long entryId, SubjectKey subject, DepartmentCode departmentCode, String documentNumber,
        String legalBasis, LocalDate startDate, LocalDate endDate, String reason, Instant at) {

    /** What happened to the entry. */
    public enum Change {
        ADDED, ENDED
    }
}
