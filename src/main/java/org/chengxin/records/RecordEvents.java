package org.chengxin.records;

import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/** What happened to records, for the modules downstream (evaluation, lists, measures). */
public final class RecordEvents {

    private RecordEvents() {
    }

    /** A new record was accepted. */
    public record RecordAccepted(long recordId, SubjectKey subject, String itemCode, DepartmentCode departmentCode) {
    }

    /**
     * A record was pushed again with different content: a new version. A correction may fix the
     * person a record was pushed about: then {@code previousSubject} differs and both people
     * are concerned.
     */
    public record RecordCorrected(long recordId, SubjectKey subject, SubjectKey previousSubject, String itemCode, int version) {
    }

    /** A department revoked a record; it no longer counts. */
    public record RecordRevoked(long recordId, SubjectKey subject, String itemCode, String reason) {
    }

    /** A record passed its maximum disclosure period; it is neither shown nor used any more. */
    public record RecordExpired(long recordId, SubjectKey subject, String itemCode) {
    }

    /** A person's objection put the record under objection: it still counts, shown as disputed. */
    public record RecordObjected(long recordId, SubjectKey subject, String itemCode) {
    }

    /**
     * The objection to the record was not verified in time and the configured rule suspends it: it is
     * used for neither points, lists nor measures until the objection is decided.
     */
    public record RecordSuspended(long recordId, SubjectKey subject, String itemCode) {
    }

    /** The objection ended with the record standing as it was: no longer disputed (nor suspended). */
    public record RecordObjectionResolved(long recordId, SubjectKey subject, String itemCode) {
    }

    /** The record was repaired (信用修复): it is neither shown nor used any more. */
    public record RecordRepaired(long recordId, SubjectKey subject, String itemCode) {
    }
}
