package org.chengxin.records;

import java.time.LocalDate;
import java.util.Set;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * What the public 双公示 list asks for: the items that may be published (the caller's choice from the catalog),
 * and optionally a decision number (part of it), a department and a range of decision dates.
 *
 * @param itemCodes      the items to look in; none gives nothing
 * @param documentNumber part of the decision number, or null
 * @param departmentCodes the deciding departments; none for every department
 * @param decidedFrom    the first decision date, or null
 * @param decidedTo      the last decision date, or null
 */
public record PublicDecisionQuery(Set<String> itemCodes, String documentNumber, Set<DepartmentCode> departmentCodes,
        LocalDate decidedFrom, LocalDate decidedTo) {

    public PublicDecisionQuery {
        itemCodes = Set.copyOf(itemCodes);
        departmentCodes = Set.copyOf(departmentCodes);
        documentNumber = documentNumber == null || documentNumber.isBlank() ? null : documentNumber.strip();
    }
}
