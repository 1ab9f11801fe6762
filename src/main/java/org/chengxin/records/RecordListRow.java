package org.chengxin.records;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of a department's records list and of its export: what identifies and dates a record, without its
 * content. {@code status} is as shown today (a record past its period reads expired even before the nightly job).
 */
public record RecordListRow(long id, long subjectId, String itemCode, LocalDate decisionDate, String documentNumber,
        String sourceId, int version, RecordStatus status, LocalDate expiresOn, Instant acceptedAt) {
}
