package org.chengxin.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/** A record as other modules and pages read it (the subject by blind index and masked number only). */
public record CreditRecord(long id, SubjectKey subject, long subjectId, String itemCode, long catalogVersionId,
        DepartmentCode departmentCode, String sourceId, LocalDate decisionDate, String documentNumber, Map<String, Object> content,
        String kind, String severity, String scope, LocalDate minPeriodEnd, LocalDate expiresOn, RecordStatus status,
        int version, Long batchId, Instant acceptedAt, Instant updatedAt) {
}
