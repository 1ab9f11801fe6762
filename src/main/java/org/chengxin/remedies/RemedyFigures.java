package org.chengxin.remedies;

import java.util.List;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * How each department answers objections and repair applications (policy 十六: the assessment of
 * departments): received, how answered, and answered or still open past the deadline.
 */
public interface RemedyFigures {

    List<DepartmentRemedies> byDepartment();

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
