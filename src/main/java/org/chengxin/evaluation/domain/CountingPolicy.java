package org.chengxin.evaluation.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which records count (policy 十): only records that are active or under objection and still inside
 * their disclosure period on the day of evaluation. Revoked, repaired and expired records never
 * count. A record under objection counts, but is shown as disputed wherever the score is explained.
 */
public final class CountingPolicy {

    private static final Set<String> COUNTING = Set.of("ACTIVE", "OBJECTED");

    private CountingPolicy() {
    }

    public static boolean counts(CountedRecord record, LocalDate day) {
        return COUNTING.contains(record.status()) && record.expiresOn().isAfter(day);
    }

    public static boolean disputed(CountedRecord record) {
        return "OBJECTED".equals(record.status());
    }
}
