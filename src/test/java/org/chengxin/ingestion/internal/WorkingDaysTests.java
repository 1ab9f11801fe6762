package org.chengxin.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Weekdays after the decision up to and including the push, for the 7-working-day rule. */
class WorkingDaysTests {

    @Test
    void theSameDayIsNoWorkingDayLater() {
        LocalDate friday = LocalDate.of(2026, 11, 27);

        assertThat(WorkingDays.between(friday, friday)).isZero();
    }

    @Test
    void aPushBeforeTheDecisionCountsAsNone() {
        assertThat(WorkingDays.between(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 20))).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "2026-11-27, 2026-11-28, 0",   // Friday to Saturday
            "2026-11-27, 2026-11-29, 0",   // Friday to Sunday
            "2026-11-27, 2026-11-30, 1",   // Friday to Monday
            "2026-11-28, 2026-11-30, 1",   // Saturday to Monday
            "2026-11-29, 2026-11-30, 1",   // Sunday to Monday
            "2026-11-23, 2026-11-24, 1",   // Monday to Tuesday
            "2026-11-23, 2026-11-27, 4",   // Monday to Friday
            "2026-11-23, 2026-11-29, 4",   // Monday to the next Sunday
            "2026-11-23, 2026-11-30, 5",   // a full week
            "2026-11-16, 2026-11-30, 10",  // two full weeks
            "2026-11-21, 2026-12-05, 10",  // two full weeks from a Saturday
            "2026-11-16, 2026-11-25, 7",   // the last day within the double-publicity limit
            "2026-11-16, 2026-11-26, 8"})  // the first day beyond it
    void countsWeekdaysOnly(LocalDate from, LocalDate to, long expected) {
        assertThat(WorkingDays.between(from, to)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "2026-01-30, 2026-02-02, 1",   // Friday to Monday over a month end
            "2026-02-27, 2026-03-03, 2",   // Friday to Tuesday over February's end
            "2024-02-28, 2024-03-01, 2",   // Wednesday to Friday over a leap day
            "2026-12-31, 2027-01-04, 2",   // Thursday to Monday over the year end (1 January is not known as a holiday)
            "2026-04-30, 2026-06-01, 22"}) // Thursday to Monday over a whole month
    void countsAcrossMonthAndYearEnds(LocalDate from, LocalDate to, long expected) {
        assertThat(WorkingDays.between(from, to)).isEqualTo(expected);
    }

    @Test
    void agreesWithADayByDayCountForRandomPairs() {
        Random random = new Random(20261128);
        LocalDate origin = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 400; i++) {
            LocalDate from = origin.plusDays(random.nextInt(1000));
            LocalDate to = from.plusDays(random.nextInt(800) - 30);

            assertThat(WorkingDays.between(from, to)).as("%s -> %s", from, to).isEqualTo(dayByDay(from, to));
        }
    }

    @Test
    void theDoublePublicityLimitIsSevenWorkingDays() {
        assertThat(WorkingDays.DOUBLE_PUBLICITY_LIMIT).isEqualTo(7);
    }

    private static long dayByDay(LocalDate from, LocalDate to) {
        long days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }
}
