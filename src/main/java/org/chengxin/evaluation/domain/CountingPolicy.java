package org.chengxin.evaluation.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which records count (policy 十): only active records, and records under objection unless the points
 * model sets them aside ({@link ObjectedRecords#EXCLUDE}), still inside their disclosure period on the
 * day of evaluation. Revoked, repaired, expired and suspended records (an objection not verified in time)
 * never count. A record under objection that counts is shown as disputed wherever the score is explained.
 */
public final class CountingPolicy {

    private static final Set<String> WITH_OBJECTED = Set.of("ACTIVE", "OBJECTED");
    private static final Set<String> ACTIVE_ONLY = Set.of("ACTIVE");

    private CountingPolicy() {
    }

    /** The statuses that count under the model's setting (the set-based recomputation writes them into its SQL). */
    public static Set<String> countingStatuses(ObjectedRecords objected) {
        return ObjectedRecords.orDefault(objected) == ObjectedRecords.COUNT ? WITH_OBJECTED : ACTIVE_ONLY;
    }

    public static boolean counts(CountedRecord record, LocalDate day, ObjectedRecords objected) {
        return countingStatuses(objected).contains(record.status()) && record.expiresOn().isAfter(day);
    }

    /** Under the default setting: a record under objection counts. */
    public static boolean counts(CountedRecord record, LocalDate day) {
        return counts(record, day, ObjectedRecords.COUNT);
    }

    public static boolean disputed(CountedRecord record) {
        return "OBJECTED".equals(record.status());
    }

    /**
     * Why a record in its disclosure period does not count today, for the explanation: set aside while
     * under objection, or suspended; null for a record that counts or is no longer shown at all.
     */
    public static String setAsideBecause(CountedRecord record, LocalDate day, ObjectedRecords objected) {
        if (!record.expiresOn().isAfter(day) || counts(record, day, objected)) {
            return null;
        }
        return switch (record.status()) {
            case "OBJECTED" -> "异议处理中，按积分模型规定异议处理期间不计分";
            case "SUSPENDED" -> "异议逾期未核查，暂停使用，待认定部门处理后恢复";
            default -> null;
        };
    }
}
