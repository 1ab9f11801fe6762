package org.chengxin.lists;

/** What happened to list entries, for the modules downstream (measures, disclosure). */
public final class ListEvents {

    private ListEvents() {
    }

    /** A reviewer put a person on a list. */
    public record ListEntryAdded(long entryId, String listKind, String subjectIndex, String departmentCode) {
    }

    /** An entry ended: its end date, its records revoked or repaired, or a reviewer's removal. */
    public record ListEntryEnded(long entryId, String listKind, String subjectIndex, String reason) {
    }
}
