package org.chengxin.lists.domain;

import java.time.LocalDate;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * What the list rules need of a record: plain facts.
 *
 * @param departmentCode the department that pushed the record
 * @param usable         active or under objection, and inside its disclosure period
 * @param category       the item's category of policy (十四), or null
 */
public record ListRecord(long recordId, DepartmentCode departmentCode, String itemCode, String itemName, String severity, String category, LocalDate decisionDate,
        boolean usable) {
}
