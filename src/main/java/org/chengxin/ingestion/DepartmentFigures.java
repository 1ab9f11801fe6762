package org.chengxin.ingestion;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * What a department pushed, for the assessment of departments' work (policy 十六): batches, rows,
 * how many were rejected, and how timely they came (working days from decision to push, against
 * the 7 working days of 双公示).
 */
public record DepartmentFigures(DepartmentCode departmentCode, long batches, long rows, long accepted, long corrected,
        long rejected, double rejectionRate, double averageDaysToPush, long lateRows) {
}
