package org.chengxin.lists.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.chengxin.records.GoodCreditFilter;
import org.chengxin.records.GoodCreditFilter.Standing;
import org.chengxin.records.Records;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.junit.jupiter.api.Test;

/** When the kept counts by item answer the good-credit list's total, and when the list must count. */
class GoodCreditCountsTests {

    private static final Map<String, Long> COUNTS = Map.of("YY-HN-001", 4_000_000L, "YY-HN-002", 1_500_000L, "YY-GC-001", 500_000L);

    private final Records records = mock(Records.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void theCountsAreCountedOnceAndKept() {
        when(records.goodCreditInForceByItem()).thenReturn(COUNTS);
        GoodCreditCounts counts = new GoodCreditCounts(records, clock, Duration.ofMinutes(10));
        assertThat(counts.byItem()).isEqualTo(COUNTS);
        assertThat(counts.byItem()).isEqualTo(COUNTS);
        verify(records, times(1)).goodCreditInForceByItem();
    }

    @Test
    void theListAsItOpensAndOneItemTakeTheirTotalFromTheCounts() {
        GoodCreditCounts counts = new GoodCreditCounts(records, clock, Duration.ZERO);
        assertThat(counts.totalOf(GoodCreditFilter.inForce(), COUNTS)).isEqualTo(6_000_000L);
        assertThat(counts.totalOf(filter(null, "YY-HN-002", null, null, Standing.IN_FORCE), COUNTS)).isEqualTo(1_500_000L);
        assertThat(counts.totalOf(filter(null, "YY-XX-999", null, null, Standing.IN_FORCE), COUNTS)).as("an item with none").isZero();
    }

    @Test
    void anyOtherFilterIsCountedAfresh() {
        GoodCreditCounts counts = new GoodCreditCounts(records, clock, Duration.ZERO);
        LocalDate day = LocalDate.of(2026, 6, 1);
        assertThat(counts.totalOf(filter(null, null, null, null, Standing.ENDED), COUNTS)).as("ended").isNull();
        assertThat(counts.totalOf(filter(null, null, null, null, null), COUNTS)).as("in force and ended").isNull();
        assertThat(counts.totalOf(filter(List.of(), null, null, null, Standing.IN_FORCE), COUNTS)).as("a person").isNull();
        assertThat(counts.totalOf(new GoodCreditFilter(null, null, DepartmentCode.of("scjg"), null, null, Standing.IN_FORCE), COUNTS))
                .as("a department").isNull();
        assertThat(counts.totalOf(filter(null, null, day, null, Standing.IN_FORCE), COUNTS)).as("from a day").isNull();
        assertThat(counts.totalOf(filter(null, "YY-HN-001", null, day, Standing.IN_FORCE), COUNTS)).as("an item up to a day").isNull();
    }

    private static GoodCreditFilter filter(List<SubjectKey> subjects, String item, LocalDate from, LocalDate to,
            Standing standing) {
        return new GoodCreditFilter(subjects, item, null, from, to, standing);
    }
}
