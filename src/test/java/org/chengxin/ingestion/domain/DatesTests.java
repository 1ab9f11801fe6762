package org.chengxin.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decision dates as department systems and spreadsheets write them. */
class DatesTests {

    private static final LocalDate NOV_28 = LocalDate.of(2026, 11, 28);
    private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28", "2026/11/28", "20261128", "2026年11月28日", "2026.11.28", "  2026-11-28\t", "\u30002026/11/28"})
    void readsEveryAcceptedFormat(String text) {
        assertThat(Dates.parse(text)).contains(NOV_28);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026/1/5", "2026/01/05", "2026-01-05", "20260105", "2026年1月5日", "2026年01月05日", "2026.1.5", "2026.01.05"})
    void readsMonthsAndDaysWithOrWithoutALeadingZeroWhereTheFormatAllowsIt(String text) {
        assertThat(Dates.parse(text)).contains(JAN_5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28 14:30:00", "2026-11-28 00:00", "2026-11-28T14:30:00", "2026-11-28T14:30:00+08:00",
            "2026-11-28T06:30:00Z", "2026/11/28 9:05", "2026/11/28 09:05:00.000", "2026年11月28日 14时30分", "20261128 143000"})
    void readsTheDayOfADateTime(String text) {
        assertThat(Dates.parse(text)).contains(NOV_28);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026/2/30", "20260230", "2026年2月30日", "2026.2.30", "2026-02-29", "2026-04-31",
            "2026-13-01", "2026-00-10", "2026/11/0", "20261332"})
    void refusesImpossibleDates(String text) {
        assertThat(Dates.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29", "2024/2/29", "20240229", "2024年2月29日", "2024.2.29"})
    void acceptsTheLeapDayOfALeapYear(String text) {
        assertThat(Dates.parse(text)).contains(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "昨天", "28/11/2026", "11/28/2026", "28.11.2026", "2026-11", "2026年11月", "46354", "2026-11-28x",
            "二〇二六年十一月二十八日"})
    void refusesWhatIsNotADate(String text) {
        assertThat(Dates.parse(text)).isEmpty();
    }
}
