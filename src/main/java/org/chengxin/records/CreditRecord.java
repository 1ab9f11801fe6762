package org.chengxin.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/**
 * A record as other modules and pages read it (the subject by blind index and masked number only).
 *
 * @param repairNotice the department served a credit repair notice (信用修复告知书) with the decision (两书同达)
 * @param subjectMinor the person was a minor (under 18) on the decision date; null while not yet decided for a record
 *                     stored before V31
 */
public record CreditRecord(long id, SubjectKey subject, long subjectId, String itemCode, long catalogVersionId,
        DepartmentCode departmentCode, String sourceId, LocalDate decisionDate, String documentNumber, Map<String, Object> content,
        String kind, String severity, String scope, LocalDate minPeriodEnd, LocalDate expiresOn, RecordStatus status,
        int version, Long batchId, Instant acceptedAt, Instant updatedAt, boolean repairNotice, Boolean subjectMinor) {
}
