package org.chengxin.lists.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * When an entry of a list ends by itself (policy 十四): on the day after its end date (it is in force
 * through the end date), or as soon as none of the records it rests on can be used any more (revoked,
 * repaired or past its disclosure period). A reviewer's removal is the third way; it needs no rule.
 */
public final class ListEndPolicy {

    /** Why an entry ended by itself. */
    public enum Reason {
        PERIOD_OVER("名单期限届满"),
        RECORDS_GONE("所依据的信用记录均已撤销、修复或超过公示期限");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private ListEndPolicy() {
    }

    /** Whether the entry's period covers the day (both ends included). */
    public static boolean withinPeriod(LocalDate startDate, LocalDate endDate, LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    /**
     * Why an active entry ends on the day, or empty while it stays in force. The period is checked first:
     * an entry whose period is over ended then, whatever became of its records later.
     */
    public static Optional<Reason> endOf(LocalDate endDate, List<ListRecord> records, LocalDate day) {
        if (day.isAfter(endDate)) {
            return Optional.of(Reason.PERIOD_OVER);
        }
        if (records.stream().noneMatch(ListRecord::usable)) {
            return Optional.of(Reason.RECORDS_GONE);
        }
        return Optional.empty();
    }
}
