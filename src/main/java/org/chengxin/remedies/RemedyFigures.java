package org.chengxin.remedies;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * How each department answers objections and repair applications (policy 十六: the assessment of
 * departments): received, how answered, and answered or still open past the deadline.
 */
public interface RemedyFigures {

    List<DepartmentRemedies> byDepartment();

    /**
     * Per department and month of filing (Beijing time), for objections and applications filed from {@code from} up to
     * the day before {@code to}; as {@link #byDepartment()}, objections dismissed at screening (or still there) are not
     * the department's.
     */
    List<RemediesMonth> byDepartmentAndMonth(LocalDate from, LocalDate to);

    /** One department's objections and repair applications filed in a month, and those decided late or open past the deadline. */
    record RemediesMonth(DepartmentCode departmentCode, YearMonth month, long objectionsReceived, long objectionsLate,
            long repairsReceived, long repairsLate) {
    }

    /**
     * One department's figures, over all time.
     *
     * @param objectionsLate    answered after the deadline, or still open past it
     * @param repairsLate       decided after the deadline, or still open past it
     */
    record DepartmentRemedies(DepartmentCode departmentCode, long objectionsReceived, long objectionsOpen, long objectionsUpheld,
            long objectionsCorrected, long objectionsRevoked, long objectionsLate, long repairsReceived, long repairsOpen,
            long repairsGranted, long repairsRefused, long repairsLate) {
    }
}
