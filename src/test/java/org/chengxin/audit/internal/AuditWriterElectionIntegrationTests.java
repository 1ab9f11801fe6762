package org.chengxin.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.chengxin.audit.AuditTrail;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.audit.AuditedWrites;
import org.chengxin.support.ChengxinIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances' chain writers on one database (election on, as in production): one leads and chains, the other
 * hands its entries (and a handed-over write's entries) to the inbox; they arrive in the chain in order, the chain verifies, and when the leader stops
 * the other takes over.
 */
@ChengxinIntegrationTest
class AuditWriterElectionIntegrationTests {

    @Autowired
    JdbcClient jdbcClient;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditInbox inbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;
    @Autowired
    ChainHash chainHash;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditChainWriter contextWriter;
    @Autowired
    AuditTrail trail;

    @Test
    void oneWriterChainsTheOthersEntriesInOrderAndTheOtherTakesOverWhenItStops() throws Exception {
        // the test context's own writer (no election in tests) would chain the inbox too: it rests meanwhile
        contextWriter.stop();
        AuditChainWriter a = writer();
        AuditChainWriter b = writer();
        try {
            a.start();
            awaitUntil(a::leader);
            b.start();
            // b asks for the lock every second and keeps losing it
            Thread.sleep(1500);
            assertThat(b.leader()).isFalse();

            Instant t = Instant.now(clock);
            List<UUID> fromFollower = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                AuditEvent e = event("follower-" + i, t.plusMillis(i));
                fromFollower.add(e.eventId());
                b.appendAndWait(e);
            }
            // a write handed over with its entries (the measure checks' way) runs on the follower, its entries via the inbox
            AuditEvent handedOver = event("follower-write", t.plusMillis(40));
            assertThat(b.write(() -> new AuditedWrites.Audited<>("stored", List.of(handedOver)))).isEqualTo("stored");
            AuditEvent failedWith = event("follower-write-failed", t.plusMillis(41));
            assertThatThrownBy(() -> b.write(() -> {
                inbox.add(failedWith);
                throw new IllegalStateException("写入失败");
            })).hasMessage("写入失败");
            fromFollower.add(handedOver.eventId());
            AuditEvent own = event("leader", t.plusMillis(100));
            a.appendAndWait(own);
            assertThat(seqOf(own.eventId())).isNotNull();
            b.flush();

            List<Long> seqs = new ArrayList<>();
            for (UUID id : fromFollower) {
                seqs.add(seqOf(id));
            }
            assertThat(seqs).doesNotContainNull().isSorted().doesNotHaveDuplicates();
            assertThat(seqOf(failedWith.eventId())).as("the failed write's entry went back with it").isNull();
            assertThat(jdbc.queryForObject("select count(*) from audit_inbox where event_id = any(?)", Long.class,
                    (Object) fromFollower.toArray(UUID[]::new))).isZero();

            // the leader stops: its lock is freed and the follower takes over
            a.stop();
            awaitUntil(b::leader);
            AuditEvent after = event("after-takeover", t.plusMillis(200));
            b.appendAndWait(after);
            assertThat(seqOf(after.eventId())).isGreaterThan(seqs.get(seqs.size() - 1));
        } finally {
            b.stop();
            a.stop();
            contextWriter.start();
        }
        var verification = trail.verify();
        assertThat(verification.intact()).as(verification.reason()).isTrue();
    }

    private AuditChainWriter writer() {
        return new AuditChainWriter(jdbcClient, jdbc, inbox, transactions, clock, chainHash, dataSource, true);
    }

    private Long seqOf(UUID eventId) {
        List<Long> seq = jdbc.queryForList("select seq from audit_entry where event_id = ?", Long.class, eventId);
        return seq.isEmpty() ? null : seq.get(0);
    }

    private static AuditEvent event(String detail, Instant at) {
        return new AuditEvent(UUID.randomUUID(), at, "选举测试", "SYSTEM_ADMIN", null, "test.election", null, null, AuditOutcome.SUCCESS, detail);
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached in 20 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
