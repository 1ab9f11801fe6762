package org.chengxin.evaluation.domain;

import java.time.LocalDate;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * What the evaluation needs of a record: plain facts, so the rules need neither the database nor
 * the records module's types.
 *
 * @param status      the record's status name (ACTIVE, OBJECTED, REPAIRED, EXPIRED, REVOKED)
 * @param kind        the item's kind name (BASIC, GOOD_CREDIT, DISHONESTY, OTHER)
 * @param severity    the severity name of a dishonesty item, or null
 * @param expiresOn   the first day on which the record no longer counts
 */
public record CountedRecord(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, LocalDate decisionDate,
        String kind, String severity, String status, LocalDate expiresOn, String legalBasis) {
}
