package org.chengxin.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.chengxin.audit.AuditTrail;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ChengxinIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many audited reads a second the trail takes: the single group-commit writer against the
 * obvious alternative, one transaction per entry appended under a lock on the chain head, and the
 * inbox path of entries written inside business transactions. Same run, same threads, same
 * database. Run with {@code ./mvnw -Pbenchmark test}; it prints its figures and checks the chain.
 */
@Tag("benchmark")
@ChengxinIntegrationTest
class AuditThroughputBenchmark {

    private static final int THREADS = 64;
    private static final Actor CLERK = new Actor("bench-clerk", "CLERK", DepartmentCode.of("zwfw"));

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ChainHash chainHash;

    @Autowired
    Clock clock;

    @Test
    void groupCommitWriterAgainstALockPerEntry() throws Exception {
        run("warm-up (writer)", 5_000, e -> events.publishEvent(e));
        run("warm-up (lock per entry)", 1_000, this::appendUnderLock);

        long before = trail.size();
        Result writer = run("group-commit writer, reads outside a transaction", 30_000, e -> events.publishEvent(e));
        Result locked = run("one transaction per entry, chain head locked", 5_000, this::appendUnderLock);
        Result inbox = run("inbox, one business transaction per entry", 10_000,
                e -> transactions.executeWithoutResult(s -> events.publishEvent(e)));

        System.out.printf("%nAUDIT BENCHMARK (%d threads)%n%s%n%s%n%s%nwriter / lock-per-entry throughput ratio: %.1f%n",
                THREADS, writer, locked, inbox, writer.perSecond() / locked.perSecond());

        assertThat(trail.size()).isEqualTo(before + 45_000);
        assertThat(trail.verify().intact()).isTrue();
    }

    private Result run(String name, int count, Consumer<AuditEvent> append) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long[] latencies = new long[count];
        List<Future<?>> futures = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                long t = System.nanoTime();
                append.accept(AuditEvent.of(CLERK, Instant.now(clock), "bench.read", SubjectKey.fromHex("cd".repeat(32)), "性能测试",
                        AuditOutcome.SUCCESS, "第 " + n + " 次读取"));
                latencies[n] = System.nanoTime() - t;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Result(name, count, count / (elapsed / 1e9), latencies[count / 2] / 1e6, latencies[count * 99 / 100] / 1e6);
    }

    /** The design the writer replaces: every request appends its own link, holding the chain head. */
    private void appendUnderLock(AuditEvent event) {
        transactions.executeWithoutResult(status -> {
            var head = jdbc.queryForMap("select seq, hash from audit_chain_head where id = 1 for update");
            StoredEntry e = StoredEntry.unchained(event).chained((Long) head.get("seq") + 1, Instant.now(clock),
                    (String) head.get("hash"), chainHash);
            jdbc.update("""
                    insert into audit_entry (seq, event_id, occurred_at, recorded_at, actor, role, department, action,
                        subject_index, purpose, outcome, detail, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                    e.seq(), e.eventId(), Timestamp.from(e.occurredAt()), Timestamp.from(e.recordedAt()), e.actor(),
                    e.role(), e.department(), e.action(), e.subjectHex(), e.purpose(), e.outcome(), e.detail(),
                    e.prevHash(), e.hash());
            jdbc.update("update audit_chain_head set seq = ?, hash = ? where id = 1", e.seq(), e.hash());
        });
    }

    record Result(String name, int count, double perSecond, double p50Millis, double p99Millis) {
        @Override
        public String toString() {
            return String.format("%-52s %7d entries  %9.0f /s  p50 %6.2f ms  p99 %7.2f ms", name, count, perSecond, p50Millis, p99Millis);
        }
    }
}
