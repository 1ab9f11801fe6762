package org.chengxin.records;

import java.time.LocalDate;
import java.util.Map;

import org.chengxin.catalog.domain.Item;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/**
 * A validated record ready to be stored: its subject (blind index and identity's subject id),
 * the catalog item and version it was checked against, and its content (the item's fields).
 *
 * @param repairNotice a credit repair notice (信用修复告知书) was served with the decision (两书同达)
 * @param subjectMinor the person was a minor (未成年人) on the decision date: the record is never published on the
 *                     portal, whatever its item (未成年人保护法 第一百零三条)
 */
public record NewRecord(SubjectKey subject, long subjectId, Item item, long catalogVersionId, DepartmentCode departmentCode,
        String sourceId, LocalDate decisionDate, String documentNumber, Map<String, String> content, boolean repairNotice,
        boolean subjectMinor) {
}
