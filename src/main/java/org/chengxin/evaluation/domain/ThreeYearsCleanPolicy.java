package org.chengxin.evaluation.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * "Three or more consecutive years without a bad record" (policy 十三), which earns priority handling,
 * simplified procedures, a green channel and 容缺受理. A bad record is a dishonesty record that can be
 * used: active or under objection and inside its disclosure period (a revoked record never was one; a
 * repaired or expired one may no longer be held against the person). The three years run back from
 * the day of evaluation: no such record decided within them.
 */
public final class ThreeYearsCleanPolicy {

    public static final int YEARS = 3;

    private ThreeYearsCleanPolicy() {
    }

    public static boolean isClean(List<CountedRecord> records, LocalDate day) {
        LocalDate since = day.minusYears(YEARS);
        return records.stream().noneMatch(r -> "DISHONESTY".equals(r.kind()) && CountingPolicy.counts(r, day)
                && r.decisionDate().isAfter(since));
    }
}
