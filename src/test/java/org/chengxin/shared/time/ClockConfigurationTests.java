package org.chengxin.shared.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ClockConfigurationTests {

    private final ClockConfiguration configuration = new ClockConfiguration();

    @Test
    void withoutAnOffsetTheClockIsTheSystemsInBeijingTime() {
        Clock clock = configuration.clock(Duration.ZERO, new MockEnvironment());
        assertThat(clock.getZone()).isEqualTo(ClockConfiguration.ZONE);
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anOffsetMovesTheClockForADrill() {
        Clock clock = configuration.clock(Duration.ofDays(1), new MockEnvironment());
        assertThat(clock.getZone()).isEqualTo(ClockConfiguration.ZONE);
        Duration ahead = Duration.between(Instant.now(), clock.instant());
        assertThat(ahead).isBetween(Duration.ofDays(1).minusSeconds(5), Duration.ofDays(1).plusSeconds(5));
    }

    @Test
    void anOffsetIsRefusedInTheProdProfile() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> configuration.clock(Duration.ofDays(1), prod))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("chengxin.clock.offset");
        assertThat(configuration.clock(Duration.ZERO, prod).getZone()).isEqualTo(ClockConfiguration.ZONE);
    }
}
