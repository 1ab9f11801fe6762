package org.chengxin.shared.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTests {

    private static final WorkingCalendar CALENDAR = Calendar2026.CALENDAR;

    @Test
    void workingDaysSkipWeekendsAndTheHolidaysTheCalendarKnowsButCountAWorkedSaturday() {
        // Wednesday 30 September + 3 working days: Thursday 8, Friday 9, Saturday 10 (worked)
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(WorkingCalendar.WEEKENDS_ONLY.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 5));
        // Friday + 1 working day is the Monday
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 12, 4), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
        // Friday 13 February + 1 is Saturday 14, worked before 春节; + 2 jumps the nine days off to Tuesday 24
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
        // from inside the holiday: the first working day after it is the first one counted
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 2, 18), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThatThrownBy(() -> CALENDAR.plusWorkingDays(LocalDate.of(2026, 2, 18), 0)).isInstanceOf(IllegalArgumentException.class);
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
        // 1 February + 20 = Saturday 21, in 春节: not Monday 23 (off too) but Tuesday 24
        assertThat(CALENDAR.plusCalendarDays(LocalDate.of(2026, 2, 1), 20)).isEqualTo(LocalDate.of(2026, 2, 24));
        // a period ending on a worked Saturday ends on it: 8 February + 20 = Saturday 28 February
        assertThat(CALENDAR.plusCalendarDays(LocalDate.of(2026, 2, 8), 20)).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void aHolidayOnAWeekdayIsNoWorkingDayAndAWorkedSaturdayIs() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 12))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "2026-02-13, 2026-02-13, 0",   // the same day
            "2026-02-13, 2026-02-10, 0",   // backwards
            "2026-02-13, 2026-02-14, 1",   // to the worked Saturday
            "2026-02-13, 2026-02-23, 1",   // over 春节: only the worked Saturday
            "2026-02-13, 2026-02-24, 2",
            "2026-02-10, 2026-02-27, 8",   // Tuesday 10 to Friday 27: 11, 12, 13, 14 (worked), 24, 25, 26, 27
            "2026-09-29, 2026-10-12, 5",   // 30 Sep, 8, 9, 10 (worked Saturday), 12 October
            "2026-12-31, 2027-01-04, 2"})  // 2027 is not in this calendar: Friday 1 January counts, then Monday 4
    void countsTheWorkingDaysBetweenTwoDates(LocalDate from, LocalDate to, long expected) {
        assertThat(CALENDAR.workingDaysBetween(from, to)).isEqualTo(expected);
    }

    @Test
    void theQuickCountAgreesWithADayByDayCount() {
        Random random = new Random(20261206);
        LocalDate origin = LocalDate.of(2025, 10, 1);
        for (int i = 0; i < 500; i++) {
            LocalDate from = origin.plusDays(random.nextInt(500));
            LocalDate to = from.plusDays(random.nextInt(200) - 20);
            assertThat(CALENDAR.workingDaysBetween(from, to)).as("%s -> %s", from, to).isEqualTo(dayByDay(from, to));
        }
        assertThat(WorkingCalendar.WEEKENDS_ONLY.workingDaysBetween(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 30))).isEqualTo(10);
    }

    private static long dayByDay(LocalDate from, LocalDate to) {
        long days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (CALENDAR.isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }
}
