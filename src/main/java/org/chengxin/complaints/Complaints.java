package org.chengxin.complaints;

import java.util.List;

import org.chengxin.complaints.domain.Complaint;
import org.chengxin.complaints.domain.ComplaintKind;
import org.chengxin.identity.CitizenRef;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * Filing and handling complaints and reports. Every step is audited without the complaint's text and without an
 * unmasked ID number; a person reads only their own cases.
 */
public interface Complaints {

    /** The person files online; for a query or misuse complaint they may name an entry of their own query log. */
    Complaint file(CitizenRef person, ComplaintKind kind, String text, Long queryId);

    /** A window clerk files for the person, who must be present with their identity checked. */
    Complaint fileAtWindow(CitizenRef person, boolean personPresent, ComplaintKind kind, String text, Long queryId);

    /** The person's own cases, newest first. */
    List<Complaint> ofPerson(CitizenRef person);

    /** Every case, open ones first, then newest first (the administrator's queue). */
    List<Complaint> queue();

    /** One case for the administrator, or the refusal a missing one gets. */
    Complaint get(long id);

    Complaint acknowledge(long id);

    /** Routes the case to a department (null: the platform administrator's queue). */
    Complaint assign(long id, DepartmentCode department);

    /** Closes the case with the answer and its reasons; the person is told ({@link ComplaintAnswered}). */
    Complaint answer(long id, String reasons);

    /** Per department: received, answered and late (answered late or still open after the reply deadline). */
    List<Figures> figures();

    /**
     * One department's figures.
     *
     * @param departmentCode null for the platform administrator's own queue
     */
    record Figures(DepartmentCode departmentCode, int received, int answered, int open, int late) {
    }
}
