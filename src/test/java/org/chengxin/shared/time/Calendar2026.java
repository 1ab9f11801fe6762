package org.chengxin.shared.time;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * The 2026 arrangement of 国务院办公厅关于2026年部分节假日安排的通知 as a plain value, for unit tests: the same days V32
 * seeds into the platform's calendar.
 */
public final class Calendar2026 {

    public static final WorkingCalendar CALENDAR = WorkingCalendar.of(holidays(), Set.of(LocalDate.of(2026, 1, 4),
            LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20),
            LocalDate.of(2026, 10, 10)));

    private Calendar2026() {
    }

    private static Set<LocalDate> holidays() {
        Set<LocalDate> days = new HashSet<>();
        range(days, LocalDate.of(2026, 1, 1), 3);    // 元旦
        range(days, LocalDate.of(2026, 2, 15), 9);   // 春节
        range(days, LocalDate.of(2026, 4, 4), 3);    // 清明节
        range(days, LocalDate.of(2026, 5, 1), 5);    // 劳动节
        range(days, LocalDate.of(2026, 6, 19), 3);   // 端午节
        range(days, LocalDate.of(2026, 9, 25), 3);   // 中秋节
        range(days, LocalDate.of(2026, 10, 1), 7);   // 国庆节
        return days;
    }

    private static void range(Set<LocalDate> days, LocalDate first, int count) {
        for (int i = 0; i < count; i++) {
            days.add(first.plusDays(i));
        }
    }
}
