package org.chengxin.shared.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which days are working days: Monday to Friday, except the public holidays the platform knows, plus
 * the weekend days the State Council's yearly holiday notice makes working days (调休). Both lists are
 * configured ({@code chengxin.calendar.*}): the notice comes out once a year and the platform cannot
 * guess it.
 */
public record WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {

    /** Weekends only: no holiday known. */
    public static final WorkingCalendar WEEKENDS_ONLY = new WorkingCalendar(Set.of(), Set.of());

    public WorkingCalendar {
        holidays = Set.copyOf(holidays);
        workingWeekendDays = Set.copyOf(workingWeekendDays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend || workingWeekendDays.contains(day);
    }

    /** The day {@code days} working days after {@code from} (the day itself not counted). */
    public LocalDate plusWorkingDays(LocalDate from, int days) {
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
    public LocalDate plusCalendarDays(LocalDate from, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("期限至少为 1 日");
        }
        LocalDate day = from.plusDays(days);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
