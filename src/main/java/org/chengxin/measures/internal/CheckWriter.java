package org.chengxin.measures.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.chengxin.measures.MeasureChecked;
import org.chengxin.measures.MeasureChecksStored;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.audit.AuditedWrites;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.subject.SubjectKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The group commit of checks: requests hand their computed check to one writer thread and wait until it is
 * durable; the writer stores every check waiting together, with each check's entry of the person's query log
 * ({@link MeasureChecksStored}, one statement for the group) and its audit entry, in the audit chain writer's
 * transaction ({@link AuditedWrites}): the entries are chained in the same commit, no inbox row is written and
 * read back. Each check is still stored with its traces or not at all. A check made inside a caller's
 * transaction, or while the writer is not running, is written in the caller's thread the same way (a group of one).
 */
@Component
class CheckWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckWriter.class);
    private static final int BATCH = 200;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A check to store: what the check found, whom and by whom. */
    record Pending(JdbcMeasureChecks.Stored stored, SubjectKey subject, Actor actor, CompletableFuture<Long> id) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(10_000);
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;
    private final AuditedWrites audited;
    private volatile boolean running;
    private Thread thread;

    CheckWriter(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ApplicationEventPublisher events, AuditedWrites audited) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
        this.audited = audited;
    }

    /** Stores the check with its query-log and audit entries and returns its id once they are committed. */
    long write(JdbcMeasureChecks.Stored stored, SubjectKey subject, Actor actor) {
        Pending pending = new Pending(stored, subject, actor, new CompletableFuture<>());
        if (!running || TransactionSynchronizationManager.isActualTransactionActive()) {
            return audited.write(() -> store(List.of(pending))).get(0);
        }
        try {
            if (!queue.offer(pending, WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw ChengxinException.unavailable("MEASURE_CHECK_BUSY", "核查过多，请稍后重试");
            }
            return pending.id().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("等待核查写入时被中断", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("核查未能保存", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("核查未能在规定时间内保存", e);
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                List<Long> ids = audited.write(() -> store(batch));
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).id().complete(ids.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(p -> p.id().completeExceptionally(e));
                return;
            } catch (RuntimeException e) {
                // one check that cannot be stored must not take the others with it: each again, alone
                log.warn("核查批量保存失败，逐条重试：{}", e.toString());
                for (Pending p : batch) {
                    try {
                        p.id().complete(audited.write(() -> store(List.of(p))).get(0));
                    } catch (RuntimeException alone) {
                        p.id().completeExceptionally(alone);
                    }
                }
            }
        }
    }

    private static final String INSERT = """
            insert into measures_check (id, subject_index, masked_id, matter_code, department_code, checked_by, checked_at,
                list_version, result, incentives, punishments, feedback_due)
            values (%s, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""";

    /**
     * In the current transaction: the checks (a group of one in one statement, a group of more with their ids drawn
     * first in one statement, then one batch) and their query-log entries; their ids in order, with their audit entries.
     */
    private AuditedWrites.Audited<List<Long>> store(List<Pending> batch) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            JdbcMeasureChecks.Stored s = p.stored();
            rows.add(new Object[] {p.subject().bytes(), s.maskedIdNumber(), s.matterCode(), s.departmentCode().value(), s.checkedBy(),
                Timestamp.from(s.checkedAt()), s.listVersion(), JSON.writeValueAsString(s), s.incentives().size(), s.punishments().size(),
                s.feedbackDue()});
        }
        List<Long> ids;
        if (batch.size() == 1) {
            ids = List.of(jdbcTemplate.queryForObject(INSERT.formatted("nextval('measures_check_id_seq')") + " returning id", Long.class,
                    rows.get(0)));
        } else {
            ids = jdbc.sql("select nextval('measures_check_id_seq') from generate_series(1, :n) order by 1").param("n", batch.size())
                    .query(Long.class).list();
            List<Object[]> withIds = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = new Object[rows.get(i).length + 1];
                row[0] = ids.get(i);
                System.arraycopy(rows.get(i), 0, row, 1, rows.get(i).length);
                withIds.add(row);
            }
            jdbcTemplate.batchUpdate(INSERT.formatted("?"), withIds);
        }
        List<MeasureChecked> checked = new ArrayList<>(batch.size());
        List<AuditEvent> audits = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            long id = ids.get(i);
            Pending p = batch.get(i);
            JdbcMeasureChecks.Stored s = p.stored();
            checked.add(new MeasureChecked(s.checkedAt(), p.actor(), p.subject(), s.maskedIdNumber(), s.matterCode(), s.matterName(),
                    s.listVersion(), id, null));
            audits.add(AuditEvent.of(p.actor(), s.checkedAt(), "measures.check", p.subject(), s.matterName(), AuditOutcome.SUCCESS,
                    "联合奖惩核查 #" + id + "，事项 " + s.matterCode() + "，激励 " + s.incentives().size() + " 项，惩戒 "
                            + s.punishments().size() + " 项"));
        }
        events.publishEvent(new MeasureChecksStored(checked));
        return new AuditedWrites.Audited<>(ids, audits);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "measure-check-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            thread.join(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
