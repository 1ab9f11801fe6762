package org.chengxin.firms;

import java.time.LocalDate;
import java.util.Map;

import org.chengxin.catalog.domain.Item;
import org.chengxin.shared.firm.ResponsibleRole;
import org.chengxin.shared.firm.Uscc;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * A checked record about a firm, ready to be stored: the firm (code and name as the row gives them), the item and catalog
 * version it was checked against, and the persons' records it names, by role and their source id.
 */
public record NewFirmRecord(Uscc uscc, String firmName, Item item, long catalogVersionId, DepartmentCode departmentCode,
        String sourceId, LocalDate decisionDate, String documentNumber, Map<String, String> content,
        Map<ResponsibleRole, String> personSourceIds) {

    public NewFirmRecord {
        content = Map.copyOf(content);
        personSourceIds = Map.copyOf(personSourceIds);
    }
}
