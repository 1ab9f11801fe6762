package org.chengxin.ingestion;

import java.time.YearMonth;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * What a department pushed in a month (by the day the batch was submitted, Beijing time), for the assessment of
 * departments (policy 十六): batches, rows read and rows rejected.
 */
public record PushMonth(DepartmentCode departmentCode, YearMonth month, long batches, long rows, long rejected) {
}
