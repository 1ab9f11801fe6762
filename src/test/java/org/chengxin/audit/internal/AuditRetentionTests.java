package org.chengxin.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The retention is at least the law's six months on every day of the year; production refuses less at start. */
class AuditRetentionTests {

    @Test
    void sixMonthsOrMoreIsEnoughOnEveryDayAndLessIsNot() {
        assertThat(new AuditRetention(Period.ofMonths(6)).belowLegalMinimum()).isFalse();
        assertThat(new AuditRetention(Period.ofYears(1)).belowLegalMinimum()).isFalse();
        // the longest six months (31 October back to 30 April, 31 December back to 30 June) are 184 days
        assertThat(new AuditRetention(Period.ofDays(184)).belowLegalMinimum()).isFalse();
        assertThat(new AuditRetention(Period.ofDays(183)).belowLegalMinimum()).isTrue();
        assertThat(new AuditRetention(Period.ofDays(180)).belowLegalMinimum()).isTrue();
        assertThat(new AuditRetention(Period.of(0, 5, 30)).belowLegalMinimum()).isTrue();
        assertThat(new AuditRetention(Period.ofMonths(5)).belowLegalMinimum()).isTrue();
        assertThatThrownBy(() -> new AuditRetention(Period.ZERO)).hasMessageContaining("必须为正");
    }

    @Test
    void theCutoffIsTheRetentionBeforeNowInThePlatformsZone() {
        Clock clock = Clock.fixed(Instant.parse("2026-08-31T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
        assertThat(new AuditRetention(Period.ofMonths(6)).cutoff(clock)).isEqualTo(Instant.parse("2026-02-28T04:00:00Z"));
        assertThat(new AuditRetention(Period.ofYears(1)).cutoff(clock)).isEqualTo(Instant.parse("2025-08-31T04:00:00Z"));
    }

    @Test
    void aProductionStartWithLessThanSixMonthsIsRefusedByName() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(AuditArchiveConfiguration.class)
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("prod"));

        runner.withPropertyValues("chengxin.audit.retention=P3M").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("chengxin.audit.retention=P3M")
                    .hasMessageContaining("拒绝启动");
        });
        runner.withPropertyValues("chengxin.audit.retention=P6M").run(context ->
                assertThat(context).hasNotFailed().getBean(AuditRetention.class).extracting(AuditRetention::period)
                        .isEqualTo(Period.ofMonths(6)));
        // outside production a short retention is allowed (development, tests), with a warning
        // (a profile named outright: the suite's prod run sets spring.profiles.active=prod for the whole JVM)
        new ApplicationContextRunner().withUserConfiguration(AuditArchiveConfiguration.class)
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("dev"))
                .withPropertyValues("chengxin.audit.retention=P3M").run(context -> assertThat(context).hasNotFailed());
    }
}
