package org.chengxin.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/**
 * Which people a department's serious records put forward (the serious-dishonesty list asks, with its own rules as
 * parameters; the records module knows nothing of lists). A record counts when it is the department's, serious, shown
 * and used today (active or under objection, not expired). A person is put forward on the records that are of one of
 * {@code categoryItems}, and on all those decided after {@code escalationSince} when they are at least
 * {@code escalationRecords}: these are the person's basis records.
 *
 * @param subjects  the people to look at; null for anyone, empty for no one
 * @param excluded  people never put forward (for example those already told or listed); null or empty for none
 * @param itemCode  keep a person only when a basis record is of this item, and a counting record of it lies within the
 *                  dates; null for any
 * @param from      keep a person only when a basis record was decided on or after this day (and a counting record of
 *                  the item within the dates); null for any
 * @param to        likewise, on or before this day
 */
public record SeriousSubjectsQuery(DepartmentCode departmentCode, Set<String> categoryItems, int escalationRecords,
        LocalDate escalationSince, List<SubjectKey> subjects, List<SubjectKey> excluded, String itemCode, LocalDate from, LocalDate to) {

    public SeriousSubjectsQuery {
        categoryItems = Set.copyOf(categoryItems);
        subjects = subjects == null ? null : List.copyOf(subjects);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }

    /** A person put forward: who, the person's subject id, and the figures the list sorts by. */
    public record SeriousSubject(SubjectKey subject, long subjectId, long firstRecordId, long lastRecordId, LocalDate earliest,
            int basisRecords) {
    }
}
