package org.chengxin.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Set;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.time.WorkingCalendar;
import org.junit.jupiter.api.Test;

class ScoringTests {

    /** A tally with only the given counts; everything else none. */
    private static Tally tally(Set<String> must, Set<String> pushed, long timed, long late, long rows, long rejected) {
        return new Tally(must, pushed, pushed.size(), timed, late, 0, rows, rejected, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void theWeightsAddUpTo100() {
        assertThat(Arrays.stream(Indicator.values()).mapToInt(Indicator::weight).sum()).isEqualTo(100);
    }

    @Test
    void everyIndicatorAtItsBestGives100() {
        Tally t = new Tally(Set.of("A", "B"), Set.of("A", "B"), 10, 10, 0, 20, 10, 0, 4, 4, 0, 0, 8, 2, 0, 1, 0);
        Scoring.Result r = Scoring.score(t);
        assertThat(r.score()).isEqualTo(100.0);
        assertThat(Arrays.stream(Indicator.values()).allMatch(r::applies)).isTrue();
    }

    @Test
    void theScoreIsTheWeightedMeanOfTheIndicatorsThatApply() {
        // coverage 1 of 2 = 0.5 (weight 25), timeliness 3 of 4 on time = 0.75 (25), quality 1 - 1/10 = 0.9 (20);
        // no check, no case, no complaint: those do not apply
        Tally t = tally(Set.of("A", "B"), Set.of("A", "X"), 4, 1, 10, 1);
        Scoring.Result r = Scoring.score(t);
        assertThat(r.shares().get(Indicator.COVERAGE)).isEqualTo(0.5);
        assertThat(r.shares().get(Indicator.TIMELINESS)).isEqualTo(0.75);
        assertThat(r.shares().get(Indicator.QUALITY)).isCloseTo(0.9, within(1e-9));
        assertThat(r.applies(Indicator.FEEDBACK)).isFalse();
        assertThat(r.applies(Indicator.REMEDIES)).isFalse();
        assertThat(r.applies(Indicator.COMPLAINTS)).isFalse();
        // (25 × 0.5 + 25 × 0.75 + 20 × 0.9) / 70 × 100 = 49.25 / 70 × 100 = 70.36…
        assertThat(r.score()).isEqualTo(70.4);
        assertThat(r.percent(Indicator.TIMELINESS)).isEqualTo(75.0);
        assertThat(r.percent(Indicator.FEEDBACK)).isNull();
    }

    @Test
    void aDepartmentThatMustPushButPushedNothingScoresZero() {
        Scoring.Result r = Scoring.score(Tally.NONE.withMustItems(Set.of("A")));
        assertThat(r.score()).isEqualTo(0.0);
        assertThat(r.applies(Indicator.TIMELINESS)).isFalse();
    }

    @Test
    void withoutAnyIndicatorThereIsNoScore() {
        assertThat(Scoring.score(Tally.NONE).score()).isNull();
    }

    @Test
    void feedbackCountsLateAndOverdueChecksAgainst() {
        // 6 given, 1 of them late, 2 overdue without feedback: 5 on time of 8 due; checks not yet due are not counted
        Tally t = new Tally(Set.of(), Set.of(), 0, 0, 0, 0, 0, 0, 10, 6, 1, 2, 12, 0, 0, 0, 0);
        assertThat(Indicator.FEEDBACK.share(t)).isEqualTo(5 / 8.0);
        assertThat(t.averageFeedbackDays()).isEqualTo(2.0);
        assertThat(Scoring.score(t).score()).isEqualTo(62.5);
    }

    @Test
    void remediesAndComplaintsDecidedLateCountAgainst() {
        Tally t = new Tally(Set.of(), Set.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 1, 2, 2);
        assertThat(Indicator.REMEDIES.share(t)).isEqualTo(0.75);
        assertThat(Indicator.COMPLAINTS.share(t)).isEqualTo(0.0);
        assertThat(Scoring.score(t).score()).isEqualTo(37.5);
    }

    @Test
    void monthsAddUpAndAnItemPushedTwiceCountsOnce() {
        Tally october = tally(Set.of("A", "B"), Set.of("A"), 2, 1, 5, 0);
        Tally november = tally(Set.of("A", "B"), Set.of("A", "B"), 2, 0, 5, 5);
        Tally quarter = october.plus(november);
        assertThat(quarter.mustItemsPushed()).isEqualTo(2);
        assertThat(quarter.timedPushes()).isEqualTo(4);
        assertThat(quarter.latePushes()).isEqualTo(1);
        assertThat(Indicator.QUALITY.share(quarter)).isEqualTo(0.5);
    }

    @Test
    void equalScoresShareARankAndNoScoreNoRank() {
        assertThat(Scoring.ranks(Arrays.asList(95.0, 90.0, 90.0, 80.0, null))).containsExactly(1, 2, 2, 4, 0);
    }

    @Test
    void timelinessCountsWorkingDaysOnTheCalendar() {
        // decided Wednesday 30 September 2026, accepted Monday 12 October: 1–7 October off, Saturday 10 worked: 8, 9, 10, 12
        WorkingCalendar national = WorkingCalendar.of(
                Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6),
                        LocalDate.of(2026, 10, 7)),
                Set.of(LocalDate.of(2026, 10, 10)));
        long days = DoublePublicity.workingDays(national, LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12));
        assertThat(days).isEqualTo(4);
        assertThat(DoublePublicity.late(days)).isFalse();
        long weekendsOnly = DoublePublicity.workingDays(WorkingCalendar.WEEKENDS_ONLY, LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12));
        assertThat(weekendsOnly).isEqualTo(8);
        assertThat(DoublePublicity.late(weekendsOnly)).isTrue();
        assertThat(DoublePublicity.late(7)).isFalse();
    }

    @Test
    void periodsAreMonthsAndQuarters() {
        Period q = Period.parse("2026-Q4");
        assertThat(q.months()).containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12));
        assertThat(q.label()).isEqualTo("2026年第四季度");
        assertThat(q.until()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(q.previous().code()).isEqualTo("2026-Q3");
        assertThat(Period.parse("2026-01").previous().code()).isEqualTo("2025-12");
        assertThat(Period.parse("2026-10").label()).isEqualTo("2026年10月");
        assertThat(Period.containing(LocalDate.of(2026, 5, 20), Period.Kind.QUARTER).code()).isEqualTo("2026-Q2");
        assertThatThrownBy(() -> Period.parse("2026-Q5")).isInstanceOf(ChengxinException.class)
                .hasMessageContaining("考核期间");
        assertThatThrownBy(() -> Period.parse("2026-13")).isInstanceOf(ChengxinException.class);
    }
}
