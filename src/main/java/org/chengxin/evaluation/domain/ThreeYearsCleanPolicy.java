package org.chengxin.evaluation.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * "Three or more consecutive years without a bad record" (policy 十三), which earns priority handling,
 * simplified procedures, a green channel and 容缺受理. A bad record is a dishonesty record that can be
 * used: active or under objection (unless the points model sets those aside) and inside its disclosure
 * period (a revoked record never was one; a repaired, expired or suspended one may no longer be held
 * against the person). The three years run back from the day of evaluation: no such record decided
 * within them.
 */
public final class ThreeYearsCleanPolicy {

    public static final int YEARS = 3;

    private ThreeYearsCleanPolicy() {
    }

    public static boolean isClean(List<CountedRecord> records, LocalDate day) {
        return isClean(records, day, ObjectedRecords.COUNT);
    }

    /** Under the points model's rule for records under objection: one set aside is not held against the person meanwhile. */
    public static boolean isClean(List<CountedRecord> records, LocalDate day, ObjectedRecords objected) {
        LocalDate since = day.minusYears(YEARS);
        return records.stream().noneMatch(r -> "DISHONESTY".equals(r.kind()) && CountingPolicy.counts(r, day, objected)
                && r.decisionDate().isAfter(since));
    }
}
