package org.chengxin.lists;

import java.time.LocalDate;
import java.util.List;

import org.chengxin.shared.subject.SubjectKey;

/**
 * What narrows a department's list entries, all of it applied in SQL: in force or ended ({@code ended}: false for
 * the entries decided and in force (有效), true for those ended or dropped), the people (blind indexes; null for
 * anyone), a catalog item one of the entry's records has, and ranges of the start and the end date. Null leaves a part
 * out.
 */
public record EntryFilter(boolean ended, List<SubjectKey> subjects, String itemCode, LocalDate startFrom, LocalDate startTo,
        LocalDate endFrom, LocalDate endTo) {

    public EntryFilter {
        subjects = subjects == null ? null : List.copyOf(subjects);
    }

    public static EntryFilter inForce() {
        return new EntryFilter(false, null, null, null, null, null, null);
    }

    public static EntryFilter endedOrDropped() {
        return new EntryFilter(true, null, null, null, null, null, null);
    }
}
