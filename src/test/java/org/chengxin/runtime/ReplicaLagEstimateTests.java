package org.chengxin.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How far behind a replica is, from what it says at each check (no server: the pool points nowhere). */
class ReplicaLagEstimateTests {

    private final ReplicaLag lag = new ReplicaLag(new ReplicaProperties("jdbc:postgresql://127.0.0.1:1/nowhere", "x", "x",
            Duration.ofSeconds(30), Duration.ofHours(1), 1));
    private final Instant t0 = Instant.parse("2026-12-07T01:00:00Z");

    @AfterEach
    void close() {
        lag.close();
    }

    @Test
    void nothingIsMissingWhileItHasReplayedAllItReceivedHoweverOldTheLastTransaction() {
        assertThat(lag.estimate(t0, true, true, 500L, 500L, 3600.0)).isZero();
    }

    @Test
    void aReplayInProgressAtOneCheckIsNotLagButWalHeldAcrossChecksIs() {
        assertThat(lag.estimate(t0, true, true, 100L, 100L, 3600.0)).isZero();
        // after a quiet hour new WAL arrives: not lag yet, although the last replayed transaction is an hour old
        assertThat(lag.estimate(t0.plusSeconds(5), true, true, 900L, 100L, 3600.0)).isZero();
        // still not replayed 5 and 35 seconds later (more arriving meanwhile): lag counts from when it was first seen
        assertThat(lag.estimate(t0.plusSeconds(10), true, true, 950L, 400L, 3600.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(lag.estimate(t0.plusSeconds(40), true, true, 990L, 800L, 3600.0)).isEqualTo(Duration.ofSeconds(35));
        // the first sample replayed: lag counts from the next one still waiting
        assertThat(lag.estimate(t0.plusSeconds(45), true, true, 990L, 920L, 3600.0)).isEqualTo(Duration.ofSeconds(35));
        // all replayed
        assertThat(lag.estimate(t0.plusSeconds(50), true, true, 990L, 990L, 3600.0)).isZero();
    }

    @Test
    void cutOffFromThePrimaryItFallsBehindFromWhenItWasLastCaughtUp() {
        assertThat(lag.estimate(t0, true, true, 500L, 500L, 1.0)).isZero();
        assertThat(lag.estimate(t0.plusSeconds(45), true, false, null, 500L, 46.0)).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aServerThatIsNotInRecoveryHasNoLag() {
        assertThat(lag.estimate(t0, false, false, null, null, null)).isZero();
    }

    @Test
    void anUnreachableReplicaIsNotUsed() {
        assertThat(lag.usable()).isFalse();
        assertThat(lag.problem()).isEqualTo("只读副本无法连接");
    }
}
