package org.chengxin.lists;

import java.time.Instant;
import java.time.LocalDate;

import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/**
 * A department told a person it intends to list them on the serious-dishonesty list (with the last day to
 * state their case in {@code noticeDue}), listed them, dropped the notice, or the entry ended (removed by
 * the reviewer, its period over, or its records all revoked, repaired or expired). Published in the changing transaction;
 * the person is told from it.
 *
 * @param reason    why the entry ended or the notice was dropped; null otherwise
 * @param noticeDue the last day of the person's statement, for a notice; null otherwise
 */
public record ListEntryChanged(Change change, long entryId, SubjectKey subject, DepartmentCode departmentCode, String documentNumber,
        String legalBasis, LocalDate startDate, LocalDate endDate, String reason, LocalDate noticeDue, Instant at) {

    /** What happened to the entry. */
    public enum Change {
        NOTICED, ADDED, DROPPED, ENDED
    }
}
