package org.chengxin.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.chengxin.shared.time.Calendar2026;
import org.chengxin.shared.time.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working days after the decision up to and including the push, for the 双公示 rule of 7 working days, on the 2026 calendar. */
class PushTimelinessTests {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "2026-11-27, 2026-11-27, 0",   // the same day
            "2026-11-27, 2026-11-20, 0",   // a push dated before its decision counts as none
            "2026-11-27, 2026-11-29, 0",   // Friday to Sunday
            "2026-11-27, 2026-11-30, 1",   // Friday to Monday
            "2026-11-16, 2026-11-25, 7",   // the last day within the limit
            "2026-11-16, 2026-11-26, 8",   // the first day beyond it
            // 春节 2026: 15–23 February off, Saturdays 14 and 28 February worked
            "2026-02-10, 2026-02-24, 5",   // 11, 12, 13, 14 (worked Saturday), 24
            "2026-02-10, 2026-02-26, 7",   // within the limit on Thursday 26 (weekends alone: 12 working days)
            "2026-02-10, 2026-02-27, 8",   // late on Friday 27
            "2026-02-20, 2026-03-03, 7",   // decided in the holiday: 24, 25, 26, 27, 28 (worked Saturday), 2 and 3 March
            // 国庆 2026: 1–7 October off, Sunday 20 September and Saturday 10 October worked
            "2026-09-18, 2026-09-30, 8",   // 20 (worked Sunday), 21–24, 28, 29, 30; 25–27 are 中秋
            "2026-09-29, 2026-10-12, 5",   // 30 September, 8, 9, 10 (worked Saturday), 12 October
            "2026-09-29, 2026-10-14, 7"})  // within the limit on Wednesday 14 October
    void countsTheWorkingDaysOfTheCalendar(LocalDate decided, LocalDate pushed, long expected) {
        assertThat(PushTimeliness.workingDays(Calendar2026.CALENDAR, decided, pushed)).isEqualTo(expected);
    }

    @Test
    void beyondSevenWorkingDaysIsLateAndNotBefore() {
        assertThat(PushTimeliness.late(7)).isFalse();
        assertThat(PushTimeliness.late(8)).isTrue();
        // decided Tuesday 10 February, pushed Thursday 26: on time with the holidays, late on weekends alone
        long withHolidays = PushTimeliness.workingDays(Calendar2026.CALENDAR, LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 26));
        long weekendsOnly = PushTimeliness.workingDays(WorkingCalendar.WEEKENDS_ONLY, LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 26));
        assertThat(PushTimeliness.late(withHolidays)).isFalse();
        assertThat(PushTimeliness.late(weekendsOnly)).isTrue();
    }
}
