package org.chengxin.records;

/** What happened to records, for the modules downstream (evaluation, lists, measures). */
public final class RecordEvents {

    private RecordEvents() {
    }

    /** A new record was accepted. */
    public record RecordAccepted(long recordId, String subjectIndex, String itemCode, String departmentCode) {
    }

    /**
     * A record was pushed again with different content: a new version. A correction may fix the
     * person a record was pushed about: then {@code previousSubjectIndex} differs and both people
     * are concerned.
     */
    public record RecordCorrected(long recordId, String subjectIndex, String previousSubjectIndex, String itemCode, int version) {
    }

    /** A department revoked a record; it no longer counts. */
    public record RecordRevoked(long recordId, String subjectIndex, String itemCode, String reason) {
    }

    /** A record passed its maximum disclosure period; it is neither shown nor used any more. */
    public record RecordExpired(long recordId, String subjectIndex, String itemCode) {
    }

    /** A person's objection put the record under objection: it still counts, shown as disputed. */
    public record RecordObjected(long recordId, String subjectIndex, String itemCode) {
    }

    /** The objection ended with the record standing as it was: no longer disputed. */
    public record RecordObjectionResolved(long recordId, String subjectIndex, String itemCode) {
    }

    /** The record was repaired (信用修复): it is neither shown nor used any more. */
    public record RecordRepaired(long recordId, String subjectIndex, String itemCode) {
    }
}
