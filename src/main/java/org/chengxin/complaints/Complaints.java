package org.chengxin.complaints;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

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

    /** The cases routed to a department, open ones first, the nearest reply deadline first (the department's queue). */
    List<Complaint> ofDepartment(DepartmentCode department);

    /**
     * The department's reviewer takes up a case routed to their department. A case of another department, or none,
     * is refused with {@code COMPLAINT_NOT_OF_DEPARTMENT} and nothing of it is told.
     */
    Complaint acknowledge(DepartmentCode department, long id);

    /** The department's reviewer answers a case routed to their department, with reasons; refused as {@link #acknowledge(DepartmentCode, long)}. */
    Complaint answer(DepartmentCode department, long id, String reasons);

    /**
     * The administrator puts the query-log entry a query or misuse complaint names before the auditor (the review of
     * the query log, rule 当事人投诉); asking again returns the same finding.
     */
    Finding referToAuditor(long id);

    /** The auditor's finding on the entry the complaint names, pending or recorded; empty when none was asked for. */
    Optional<Finding> findingOf(Complaint complaint);

    /** Closes the case with the auditor's recorded finding as the answer (the outcome, the note, the blacklisting). */
    Complaint answerWithFinding(long id);

    /** Per department: received, answered and late (answered late or still open after the reply deadline). */
    List<Figures> figures();

    /**
     * Per department and month of filing (Beijing time), for cases filed from {@code from} up to the day before
     * {@code to}: the assessment of departments (policy 十六). Cases in the administrator's own queue are not among them.
     */
    List<MonthFigures> figuresPerMonth(LocalDate from, LocalDate to);

    /** One department's cases filed in a month: received, answered, and late (answered late or open past the reply deadline). */
    record MonthFigures(DepartmentCode departmentCode, YearMonth month, int received, int answered, int late) {
    }

    /**
     * One department's figures.
     *
     * @param departmentCode null for the platform administrator's own queue
     */
    record Figures(DepartmentCode departmentCode, int received, int answered, int open, int late) {
    }

    /**
     * The auditor's finding on a query-log entry (查询记录审查).
     *
     * @param status      OPEN (pending), MISUSE (违规使用) or JUSTIFIED (正当使用)
     * @param blacklistId the credit-agency blacklist entry the finding placed, or null
     */
    record Finding(long flagId, long queryId, String status, String note, Long blacklistId) {

        public boolean recorded() {
            return !"OPEN".equals(status);
        }

        public boolean misuse() {
            return "MISUSE".equals(status);
        }

        /** The outcome in words. */
        public String outcome() {
            return switch (status) {
                case "MISUSE" -> "违规使用";
                case "JUSTIFIED" -> "正当使用";
                default -> "待审计员认定";
            };
        }

        /** Whether the finding placed the agency (or its member of staff) on the credit-agency blacklist. */
        public boolean blacklisted() {
            return blacklistId != null;
        }
    }
}
