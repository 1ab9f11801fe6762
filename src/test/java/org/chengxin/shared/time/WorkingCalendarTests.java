package org.chengxin.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingCalendarTests {

    // the 2026 National Day week as the State Council set it: 1–7 October off, Saturday 10 October worked
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(
            Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 4),
                    LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
            Set.of(LocalDate.of(2026, 10, 10)));

    @Test
    void workingDaysSkipWeekendsAndTheHolidaysTheCalendarKnowsButCountAWorkedSaturday() {
        // Wednesday 30 September + 3 working days: Thursday 8, Friday 9, Saturday 10 (worked)
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(WorkingCalendar.WEEKENDS_ONLY.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 5));
        // Friday + 1 working day is the Monday
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 12, 4), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void aPeriodInCalendarDaysCountsEveryDayButDoesNotEndOnARestDay() {
        // 1 December + 20 days = Monday 21 December: a working day, it stays
        assertThat(CALENDAR.plusCalendarDays(LocalDate.of(2026, 12, 1), 20)).isEqualTo(LocalDate.of(2026, 12, 21));
        // 5 December + 20 = Friday 25 December; 6 December + 20 = Saturday 26: moves to Monday 28
        assertThat(CALENDAR.plusCalendarDays(LocalDate.of(2026, 12, 5), 20)).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(CALENDAR.plusCalendarDays(LocalDate.of(2026, 12, 6), 20)).isEqualTo(LocalDate.of(2026, 12, 28));
        // 12 September + 20 = 2 October, a holiday: moves past the holiday week and its weekend to Thursday 8 October
        assertThat(CALENDAR.plusCalendarDays(LocalDate.of(2026, 9, 12), 20)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void aHolidayOnAWeekdayIsNoWorkingDayAndAWorkedSaturdayIs() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 12))).isTrue();
    }
}
