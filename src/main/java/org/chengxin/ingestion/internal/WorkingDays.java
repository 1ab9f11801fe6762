package org.chengxin.ingestion.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Working days between a decision and its push, for the 双公示 rule of publication within 7 working
 * days. Weekends are skipped; public holidays are not known to the platform yet, so a push after a
 * holiday may count as later than it was.
 */
final class WorkingDays {

    static final int DOUBLE_PUBLICITY_LIMIT = 7;

    private WorkingDays() {
    }

    /** Weekdays after {@code from} up to and including {@code to}. */
    static long between(LocalDate from, LocalDate to) {
        long total = ChronoUnit.DAYS.between(from, to);
        if (total <= 0) {
            return 0;
        }
        long weeks = total / 7;
        long days = weeks * 5;
        for (LocalDate d = from.plusDays(weeks * 7); d.isBefore(to); d = d.plusDays(1)) {
            DayOfWeek w = d.plusDays(1).getDayOfWeek();
            if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }
}
