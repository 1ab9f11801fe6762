package org.chengxin.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.chengxin.measures.MeasureChecked;
import org.chengxin.measures.MeasureChecksStored;
import org.chengxin.shared.security.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Checks are counted when their transaction commits, by outcome; a rolled back check is not. */
class CheckCounterTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CheckCounter counter = new CheckCounter(meters);

    @AfterEach
    void clear() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void checksAreCountedAfterTheirCommitAndNotAfterARollback() {
        TransactionSynchronizationManager.initSynchronization();
        counter.on(new MeasureChecksStored(List.of(check(null), check(null), check("AGENCY_BLACKLISTED"))));
        counter.on(check("AGENCY_BLACKLISTED"));
        assertThat(count("checked")).as("not before the commit").isZero();
        complete(true);
        assertThat(count("checked")).isEqualTo(2);
        assertThat(count("refused")).isEqualTo(2);

        TransactionSynchronizationManager.initSynchronization();
        counter.on(new MeasureChecksStored(List.of(check(null))));
        complete(false);
        assertThat(count("checked")).as("rolled back").isEqualTo(2);

        counter.on(check(null));
        assertThat(count("checked")).as("outside a transaction: at once").isEqualTo(3);
    }

    private void complete(boolean committed) {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(s -> {
            if (committed) {
                s.afterCommit();
            }
            s.afterCompletion(committed ? TransactionSynchronization.STATUS_COMMITTED : TransactionSynchronization.STATUS_ROLLED_BACK);
        });
    }

    private double count(String outcome) {
        return meters.get("chengxin.measures.checks").tag("outcome", outcome).counter().count();
    }

    private static MeasureChecked check(String refusal) {
        return new MeasureChecked(Instant.parse("2026-12-01T02:00:00Z"), Actor.SYSTEM, null, "430602********0011", "M-TEST", "测试事项",
                "v1", refusal == null ? 1L : null, refusal);
    }
}
