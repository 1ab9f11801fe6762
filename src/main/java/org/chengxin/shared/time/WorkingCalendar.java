package org.chengxin.shared.time;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which days are working days, and the deadlines counted on them. Monday to Friday are working days,
 * except the public holidays of the State Council's yearly notice; a weekend day the notice makes a
 * working day (调休) is one. The platform's bean is the calendar the administrator keeps per year
 * (module {@code calendar}); {@link #of} is the same arithmetic over fixed days, for tests and rules.
 */
public interface WorkingCalendar {

    /** Weekends only: no holiday known. */
    WorkingCalendar WEEKENDS_ONLY = of(Set.of(), Set.of());

    /** A calendar of fixed days: the holidays, and the weekend days that are working days. */
    static WorkingCalendar of(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {
        return new FixedWorkingCalendar(holidays, workingWeekendDays);
    }

    boolean isWorkingDay(LocalDate day);

    /** The day {@code days} working days after {@code from} (the day itself not counted). */
    default LocalDate plusWorkingDays(LocalDate from, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("期限至少为 1 个工作日");
        }
        LocalDate day = from;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * The last day of a period of {@code days} calendar days from {@code from} (the day itself not
     * counted). A period whose last day is a holiday or a rest day ends on the first working day after
     * it (民法典 第二百零三条), so a person is never answered "too late" on a day nobody works.
     */
    default LocalDate plusCalendarDays(LocalDate from, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("期限至少为 1 日");
        }
        LocalDate day = from.plusDays(days);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    default long workingDaysBetween(LocalDate from, LocalDate to) {
        long days = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                days++;
            }
        }
        return days;
    }
}
