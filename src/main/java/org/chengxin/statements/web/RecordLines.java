package org.chengxin.statements.web;

import java.time.LocalDate;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.statements.domain.StatementHistory;
import org.springframework.stereotype.Component;

/** A record as the statement pages show it beside the statement: item, department, decision, status. */
@Component
class RecordLines {

    private final Catalog catalog;
    private final Departments departments;

    RecordLines(Catalog catalog, Departments departments) {
        this.catalog = catalog;
        this.departments = departments;
    }

    RecordLine of(CreditRecord r, StatementHistory history) {
        return new RecordLine(r.id(), catalog.item(r.itemCode()).map(Item::name).orElse(r.itemCode()),
                departments.find(r.departmentCode()).map(Department::name).orElse(r.departmentCode().value()), r.decisionDate(),
                r.documentNumber(), r.status().label(), history);
    }

    /** One record with the person's statement on it (an empty history when there is none). */
    record RecordLine(long id, String itemName, String departmentName, LocalDate decisionDate, String documentNumber,
            String statusLabel, StatementHistory history) {
    }
}
