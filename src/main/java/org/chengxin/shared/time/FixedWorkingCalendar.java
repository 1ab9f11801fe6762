package org.chengxin.shared.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * A working calendar over fixed days: a plain value, the snapshot the platform's calendar counts on
 * and what tests build.
 *
 * @param holidays           days off, whatever the day of the week
 * @param workingWeekendDays Saturdays and Sundays worked (调休)
 */
public record FixedWorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) implements WorkingCalendar {

    public FixedWorkingCalendar {
        holidays = Set.copyOf(holidays);
        workingWeekendDays = Set.copyOf(workingWeekendDays);
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        return !weekend(day) || workingWeekendDays.contains(day);
    }

    /**
     * Counted without walking the days (a batch counts it for every row, decisions may be years old): the weekdays in
     * the range, less the holidays on a weekday, plus the weekend days worked.
     */
    @Override
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long days = weekdaysBetween(from, to);
        for (LocalDate h : holidays) {
            if (h.isAfter(from) && !h.isAfter(to) && !weekend(h)) {
                days--;
            }
        }
        for (LocalDate w : workingWeekendDays) {
            if (w.isAfter(from) && !w.isAfter(to) && weekend(w) && !holidays.contains(w)) {
                days++;
            }
        }
        return days;
    }

    /** Monday to Friday after {@code from} up to and including {@code to}. */
    private static long weekdaysBetween(LocalDate from, LocalDate to) {
        long total = ChronoUnit.DAYS.between(from, to);
        long weeks = total / 7;
        long days = weeks * 5;
        for (LocalDate d = from.plusDays(weeks * 7 + 1); !d.isAfter(to); d = d.plusDays(1)) {
            if (!weekend(d)) {
                days++;
            }
        }
        return days;
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
