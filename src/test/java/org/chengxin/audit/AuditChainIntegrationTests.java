package org.chengxin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ChengxinIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail is complete, chained, append-only, and any alteration is found. */
@ChengxinIntegrationTest
class AuditChainIntegrationTests {

    private static final Actor CLERK = new Actor("clerk-audit-test", "CLERK", DepartmentCode.of("zwfw"));

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void concurrentReadsAreAllChainedWithoutGaps() throws Exception {
        // this test's own entries: other test contexts sharing the database may chain entries of their own meanwhile
        // (a batch of an earlier test ending, the queue worker), which made a count of the whole trail flaky
        long before = concurrentReads();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int n = i;
            done.add(pool.submit(() -> events.publishEvent(read("并发读取 " + n))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        // publishing outside a transaction returns only once the entry is durable
        assertThat(concurrentReads()).isEqualTo(before + 2_000);
        Long max = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
        Long count = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        // numbered without a gap after what an archive (AuditArchiveIntegrationTests) took out of the table
        Long archived = jdbc.queryForObject("select coalesce(max(through_seq), 0) from audit_archive", Long.class);
        assertThat(max - archived).isEqualTo(count);
        // the trail's size is read from the chain's head, not counted: between a count before and a count after it
        long size = trail.size();
        Long countAfter = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        assertThat(size - archived).isBetween(count, countAfter);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void verificationWhileEntriesAreAppendedFindsTheChainIntact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> appending = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            appending.add(pool.submit(() -> events.publishEvent(read("校验时写入 " + n))));
        }
        List<AuditVerification> results = new ArrayList<>();
        while (appending.stream().anyMatch(f -> !f.isDone())) {
            results.add(trail.verify());
        }
        for (Future<?> f : appending) {
            f.get();
        }
        pool.shutdown();
        // entries appended during a walk are neither walked nor taken for a head out of step
        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r.intact()).as(String.valueOf(r.reason())).isTrue());
    }

    @Test
    void anEntryInATransactionCommitsOrRollsBackWithIt() {
        AuditEvent committed = read("随事务提交");
        AuditEvent rolledBack = read("随事务回滚");

        transactions.executeWithoutResult(status -> events.publishEvent(committed));
        transactions.executeWithoutResult(status -> {
            events.publishEvent(rolledBack);
            status.setRollbackOnly();
        });
        trail.verify();

        assertThat(exists(committed.eventId())).isTrue();
        assertThat(exists(rolledBack.eventId())).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_inbox", Long.class)).isZero();
    }

    @Test
    void rowsCannotBeChangedOrDeletedThroughSql() {
        AuditEvent event = read("不可更改");
        events.publishEvent(event);

        assertThatThrownBy(() -> jdbc.update("update audit_entry set detail = 'x' where event_id = ?", event.eventId()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where event_id = ?", event.eventId()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void verificationFindsAnAlteredRow() {
        AuditEvent event = read("将被篡改");
        events.publishEvent(event);
        events.publishEvent(read("其后一条"));
        long seq = seqOf(event.eventId());

        asSuperuser("update audit_entry set actor = 'someone-else' where seq = " + seq);
        try {
            AuditVerification result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(seq);
            assertThat(result.reason()).contains("篡改");
        } finally {
            asSuperuser("update audit_entry set actor = '" + CLERK.name() + "' where seq = " + seq);
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void verificationFindsADeletedRowAndACutOffEnd() {
        AuditEvent middle = read("将被删除");
        events.publishEvent(middle);
        AuditEvent last = read("链尾");
        events.publishEvent(last);
        long middleSeq = seqOf(middle.eventId());
        long lastSeq = seqOf(last.eventId());
        assertThat(trail.verify().intact()).isTrue();

        Map<String, Object> saved = jdbc.queryForMap("select * from audit_entry where seq = ?", middleSeq);
        asSuperuser("delete from audit_entry where seq = " + middleSeq);
        try {
            AuditVerification result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(middleSeq);
            assertThat(result.reason()).contains("删除");
        } finally {
            restore(saved);
        }

        Map<String, Object> tail = jdbc.queryForMap("select * from audit_entry where seq = ?", lastSeq);
        asSuperuser("delete from audit_entry where seq = " + lastSeq);
        try {
            AuditVerification result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.reason()).contains("链头");
        } finally {
            restore(tail);
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    private AuditEvent read(String detail) {
        return AuditEvent.of(CLERK, Instant.now(), "test.read", SubjectKey.fromHex("ab".repeat(32)), "审计测试", AuditOutcome.SUCCESS, detail);
    }

    private long concurrentReads() {
        return jdbc.queryForObject("select count(*) from audit_entry where actor = ? and detail like '并发读取 %'", Long.class, CLERK.name());
    }

    private boolean exists(UUID eventId) {
        return jdbc.queryForObject("select count(*) from audit_entry where event_id = ?", Long.class, eventId) == 1;
    }

    private long seqOf(UUID eventId) {
        trail.size();
        return jdbc.queryForObject("select seq from audit_entry where event_id = ?", Long.class, eventId);
    }

    /** What an attacker with the database owner's rights could do: switch the append-only trigger off. */
    private void asSuperuser(String sql) {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("alter table audit_entry disable trigger audit_entry_no_update");
            jdbc.execute(sql);
            jdbc.execute("alter table audit_entry enable trigger audit_entry_no_update");
        });
    }

    private void restore(Map<String, Object> row) {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("alter table audit_entry disable trigger audit_entry_no_update");
            jdbc.update("""
                    insert into audit_entry (seq, event_id, occurred_at, recorded_at, actor, role, department, action,
                        subject_index, purpose, outcome, detail, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                    row.get("seq"), row.get("event_id"), row.get("occurred_at"), row.get("recorded_at"), row.get("actor"),
                    row.get("role"), row.get("department"), row.get("action"), row.get("subject_index"), row.get("purpose"),
                    row.get("outcome"), row.get("detail"), row.get("prev_hash"), row.get("hash"));
            jdbc.execute("alter table audit_entry enable trigger audit_entry_no_update");
        });
    }
}
