package org.chengxin.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** One version of a record, as pushed. */
public record RecordVersion(long recordId, int version, LocalDate decisionDate, String documentNumber,
        Map<String, Object> content, Long batchId, Instant recordedAt) {
}
