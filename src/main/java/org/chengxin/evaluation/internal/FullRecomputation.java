package org.chengxin.evaluation.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.chengxin.evaluation.Recomputation;
import org.chengxin.evaluation.domain.CountingPolicy;
import org.chengxin.evaluation.domain.GradeBands;
import org.chengxin.evaluation.domain.PointsModel;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.cluster.ClusterJobs;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.lifecycle.StopsBesideOthers;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.subject.SubjectKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes everybody set-based: the population is cut into parts by the first byte of the subject
 * index (a keyed hash, so the parts are even), and each part is one SQL statement in a transaction of
 * its own that sums the points of the records that count, grades them, and writes only the scores and
 * grades that changed (a first score with its first grade; a later change of grade also to the history).
 * The parts run on a few connections side by side, and their count is the progress bar.
 *
 * <p>The statement applies the same rules as the Java policies ({@link org.chengxin.evaluation.domain.CountingPolicy},
 * {@link PointsModel#pointsOf}, {@link GradeBands#gradeOf}), which explain each person's score; a test
 * compares the two for randomly made people and models. The points model is turned into a {@code case}
 * expression with bound values. The per-person queue and this recomputation never interleave on the same
 * people: the queue takes an exclusive advisory lock per person, the parts a shared one.
 *
 * <p>Every run is logged in {@code evaluation_run} ({@link RecomputationRuns}): a run cut short by a crash ends there as
 * 已中断, and the page shows the latest run of any instance.
 */
@Component
class FullRecomputation implements StopsBesideOthers {

    private static final Logger log = LoggerFactory.getLogger(FullRecomputation.class);

    /** The advisory lock that keeps the per-person queue and the parts apart. */
    static final long LOCK = 0x63786576616cL; // "cxeval"

    /**
     * The lock that keeps the queue's chunks and a run apart while letting chunks run side by side: a chunk takes it
     * shared; a run holds it exclusively, on a connection of its own, from its first part to its last.
     */
    static final long QUEUE_LOCK = 0x637871756575L; // "cxqueue"

    /** The audit action of a part's changed grades. */
    static final String AUDIT_ACTION = "evaluation.grades-recomputed";

    /** Parts of the population: 32 ranges of the first byte of the subject index. */
    static final int PARTS = 32;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final PointsModels models;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int parallelism;
    private final AtomicReference<Recomputation> state = new AtomicReference<>(Recomputation.NONE);
    private final ExecutorService runner = Executors.newSingleThreadExecutor(daemon("evaluation-recompute"));
    private final ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(daemon("evaluation-recompute-heartbeat"));
    private final RecomputationRuns runs;
    private final String instance;
    /** This instance's latest run in {@code evaluation_run}, or -1. */
    private volatile long currentRun = -1;
    private volatile boolean stopping;

    FullRecomputation(JdbcClient jdbc, DataSource dataSource, PointsModels models, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock, @Value("${chengxin.evaluation.recompute-parallelism:2}") int parallelism,
            RecomputationRuns runs, ClusterJobs cluster) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.instance = cluster.instance();
        this.dataSource = dataSource;
        this.models = models;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.parallelism = Math.max(1, parallelism);
    }

    /**
     * The running or last recomputation: this instance's while it runs one, otherwise the latest in the log (another
     * instance's, or one a crash cut short).
     */
    Recomputation state() {
        Recomputation mine = state.get();
        if (mine.running()) {
            return mine;
        }
        try {
            var latest = runs.latest();
            if (latest.isPresent() && latest.get().id() != currentRun) {
                return latest.get().recomputation();
            }
        } catch (RuntimeException e) {
            log.debug("全量重算运行记录未能读取：{}", e.getClass().getSimpleName());
        }
        return mine;
    }

    /** Starts a recomputation in the background unless one is running; returns the one that runs. */
    Recomputation start(String trigger) {
        Recomputation begun = begin(trigger);
        if (begun == null) {
            return state.get();
        }
        runner.submit(() -> {
            try {
                runParts(trigger);
            } catch (RuntimeException e) {
                log.error("全量重算失败", e);
            }
        });
        return begun;
    }

    /** Recomputes everybody now, in the calling thread (the nightly job, a model taking effect, tests). */
    Recomputation run(String trigger) {
        if (begin(trigger) == null) {
            throw new IllegalStateException("已有全量重算正在进行");
        }
        return runParts(trigger);
    }

    private Recomputation begin(String trigger) {
        Recomputation current = state.get();
        if (current.running()) {
            return null;
        }
        Recomputation begun = new Recomputation(true, trigger, Instant.now(clock), null, 0, PARTS, 0, 0, 0, null, 0);
        return state.compareAndSet(current, begun) ? begun : null;
    }

    private Recomputation runParts(String trigger) {
        Instant started = state.get().startedAt();
        long startNanos = System.nanoTime();
        PointsModel model = models.current();
        LocalDate day = LocalDate.now(clock);
        Statement statement = Statement.of(model, day);
        AtomicLong people = new AtomicLong();
        AtomicLong changed = new AtomicLong();
        AtomicLong grades = new AtomicLong();
        long run;
        try {
            run = runs.begin(trigger, instance, model.version(), started, PARTS);
        } catch (RuntimeException e) {
            log.error("全量重算未能开始：运行记录写入失败", e);
            Recomputation failed = new Recomputation(false, trigger, started, Instant.now(clock), 0, PARTS, 0, 0, 0,
                    "计算失败：" + e.getClass().getSimpleName(), 0);
            state.set(failed);
            return failed;
        }
        currentRun = run;
        ScheduledFuture<?> beat = heart.scheduleAtFixedRate(() -> {
            try {
                runs.beat(run);
            } catch (RuntimeException e) {
                log.debug("全量重算心跳未能写入：{}", e.getClass().getSimpleName());
            }
        }, RecomputationRuns.HEARTBEAT_SECONDS, RecomputationRuns.HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, daemon("evaluation-recompute-part"));
        String failure = null;
        boolean stopped = false;
        try (Connection queueHold = dataSource.getConnection()) {
            // the queue's chunks wait while the parts run (a chunk running now ends first)
            try (PreparedStatement hold = queueHold.prepareStatement("select pg_advisory_lock(?)")) {
                hold.setLong(1, QUEUE_LOCK);
                hold.execute();
            }
            try {
                runAll(statement, run, trigger, model.version(), started, startNanos, pool, people, changed, grades);
                if (stopping) {
                    stopped = true;
                    failure = "平台停止，全量重算未完成（已完成的部分已保存，其余未变）；下次全量重算（夜间或手动）重算全部";
                }
            } finally {
                // a session lock stays with the pooled connection unless released: always released here
                try (PreparedStatement release = queueHold.prepareStatement("select pg_advisory_unlock(?)")) {
                    release.setLong(1, QUEUE_LOCK);
                    release.execute();
                }
            }
        } catch (SQLException e) {
            failure = "计算失败：" + e.getClass().getSimpleName();
            log.error("全量重算失败", e);
        } catch (ExecutionException e) {
            failure = "计算失败：" + e.getCause().getClass().getSimpleName();
            log.error("全量重算失败", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "计算被中断";
        } finally {
            pool.shutdownNow();
            beat.cancel(false);
        }
        Recomputation done = new Recomputation(false, trigger, started, Instant.now(clock), state.get().partsDone(), PARTS,
                people.get(), changed.get(), grades.get(), failure, (System.nanoTime() - startNanos) / 1_000_000);
        state.set(done);
        try {
            runs.end(run, failure == null ? "COMPLETED" : stopped ? "STOPPED" : "FAILED", done);
        } catch (RuntimeException e) {
            log.warn("全量重算的结束未能记入运行记录：{}", e.getClass().getSimpleName());
        }
        if (failure == null) {
            log.info("全量重算完成：{} 人，积分变化 {} 人，等级变化 {} 人，用时 {} ms（模型 {}，{}）", done.people(), done.scoresChanged(),
                    done.gradesChanged(), done.millis(), model.version(), trigger);
        }
        return done;
    }

    private void runAll(Statement statement, long run, String trigger, String modelVersion, Instant started, long startNanos, ExecutorService pool,
            AtomicLong people, AtomicLong changed, AtomicLong grades) throws InterruptedException, ExecutionException {
        List<Future<?>> parts = new ArrayList<>();
        for (int p = 0; p < PARTS; p++) {
            int part = p;
            parts.add(pool.submit(() -> {
                if (stopping) {
                    // the platform is stopping: the parts not begun are left as they are (each part is whole or not at all)
                    return;
                }
                int[] counts = runPart(statement, part, trigger, modelVersion);
                people.addAndGet(counts[0]);
                changed.addAndGet(counts[1]);
                grades.addAndGet(counts[2]);
                Recomputation now = state.updateAndGet(s -> new Recomputation(true, trigger, started, null, s.partsDone() + 1, PARTS,
                        people.get(), changed.get(), grades.get(), null, (System.nanoTime() - startNanos) / 1_000_000));
                try {
                    runs.progress(run, now);
                } catch (RuntimeException e) {
                    log.debug("全量重算进度未能写入：{}", e.getClass().getSimpleName());
                }
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
    }

    /** One part in its own transaction; returns people, changed scores, changed grades. */
    private int[] runPart(Statement statement, int part, String trigger, String modelVersion) {
        byte[] from = from(part);
        byte[] to = to(part);
        Instant now = Instant.now(clock);
        return transactions.execute(tx -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock_shared(:lock)").param("lock", LOCK).query(Integer.class).single();
            // a plan for this part's range: a generic plan (the driver prepares a statement run often) cannot
            // know how few people the range holds
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            // the part's changes are read by each write below: kept in memory, not spilled to disk
            jdbc.sql("set local work_mem = '64MB'").update();
            record Change(SubjectKey subject, String oldGrade, String newGrade, Integer oldPoints, int newPoints) {
            }
            List<Change> changes = new ArrayList<>();
            int[] counts = new int[3];
            JdbcClient.StatementSpec spec = jdbc.sql(statement.sql()).params(statement.params())
                    .param("fromIndex", from).param("toIndex", to)
                    .param("at", Timestamp.from(now));
            spec.query(rs -> {
                counts[0] = rs.getInt("people");
                counts[1] = rs.getInt("changed");
                if (rs.getBytes("subject") != null) {
                    changes.add(new Change(SubjectKeys.read(rs, "subject"), rs.getString("old_grade"), rs.getString("new_grade"),
                            (Integer) rs.getObject("old_points"), rs.getInt("new_points")));
                }
            });
            counts[2] = changes.size();
            if (!changes.isEmpty()) {
                // one entry for the part, stored with it: the changes themselves are the part's rows of the grade
                // history, which its digest seals (an event per person through the registry took minutes)
                events.publishEvent(auditOf(part, modelVersion, trigger, now,
                        changes.stream().map(c -> String.join("|", c.subject().hex(), String.valueOf(c.oldGrade()), c.newGrade(),
                                String.valueOf(c.oldPoints()), String.valueOf(c.newPoints()))).toList()));
            }
            return counts;
        });
    }

    /**
     * The audit entry of one part's changed grades: their count and an SM3 digest of the changes in the
     * order of the subject index ({@code subject|old grade|new grade|old points|new points}), so that the part's
     * rows of the grade history (reason 重新计算, at the entry's time) can be shown to be the ones written.
     */
    static AuditEvent auditOf(int part, String modelVersion, String trigger, Instant at, List<String> changes) {
        SM3Digest sm3 = new SM3Digest();
        changes.stream().sorted().forEach(line -> {
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            sm3.update(bytes, 0, bytes.length);
        });
        byte[] digest = new byte[sm3.getDigestSize()];
        sm3.doFinal(digest, 0);
        String detail = "全量重算第 " + (part + 1) + "/" + PARTS + " 部分：等级变化 " + changes.size() + " 人，模型 " + modelVersion
                + "，" + trigger + "；变化摘要 SM3 " + HexFormat.of().formatHex(digest);
        return new AuditEvent(UUID.randomUUID(), at, Actor.SYSTEM.name(), Actor.SYSTEM.role(), null, AUDIT_ACTION, null,
                "信用等级变化", AuditOutcome.SUCCESS, detail);
    }

    /** The first subject index of a part. */
    static byte[] from(int part) {
        return new byte[] {(byte) (part * (256 / PARTS))};
    }

    /**
     * The first subject index after a part: for the last part, 33 bytes 0xff, greater than any 32-byte
     * index, so that every part is a plain range.
     */
    static byte[] to(int part) {
        if (part == PARTS - 1) {
            byte[] after = new byte[33];
            Arrays.fill(after, (byte) 0xff);
            return after;
        }
        return new byte[] {(byte) ((part + 1) * (256 / PARTS))};
    }

    /** The part statement for a model and a day, and its bound values. */
    record Statement(String sql, Map<String, Object> params) {

        /** The expressions and bound values both statements share: the points case and the counting rule. */
        private static String[] common(PointsModel model, LocalDate day, Map<String, Object> params) {
            StringBuilder points = new StringBuilder("case");
            int n = 0;
            for (var e : model.byItem().entrySet()) {
                points.append(" when f.item_code = :item").append(n).append(" then :itemPoints").append(n);
                params.put("item" + n, e.getKey());
                params.put("itemPoints" + n, e.getValue());
                n++;
            }
            n = 0;
            for (var e : model.byKindAndSeverity().entrySet()) {
                String[] key = e.getKey().split(":", 2);
                points.append(" when f.kind = :kind").append(n);
                params.put("kind" + n, key[0]);
                if (key.length == 2) {
                    points.append(" and f.severity = :severity").append(n);
                    params.put("severity" + n, key[1]);
                } else {
                    points.append(" and f.severity is null");
                }
                points.append(" then :keyPoints").append(n);
                params.put("keyPoints" + n, e.getValue());
                n++;
            }
            points.append(" else 0 end");
            GradeBands b = model.bands();
            params.put("aaa", b.aaa());
            params.put("aa", b.aa());
            params.put("a", b.a());
            params.put("b", b.b());
            params.put("c", b.c());
            params.put("base", model.basePoints());
            params.put("baseGrade", b.gradeOf(model.basePoints()).name());
            params.put("version", model.version());
            params.put("day", day);
            // the statuses that count under the model's rule for records under objection, as literals from the policy
            String counting = "f.status in (" + String.join(", ", CountingPolicy.countingStatuses(model.objectedRecords()).stream()
                    .sorted().map(st -> "'" + st + "'").toList()) + ") and f.expires_on > :day";
            return new String[] {points.toString(), counting};
        }

        static Statement of(PointsModel model, LocalDate day) {
            Map<String, Object> params = new LinkedHashMap<>();
            String[] common = common(model, day, params);
            String points = common[0];
            String counting = common[1];
            String sql = """
                    with computed as (
                        select f.subject_index,
                            :base + coalesce(sum(%1$s) filter (where %2$s), 0) as points,
                            coalesce(bool_or(f.status = 'OBJECTED' and %2$s), false) as disputed
                        from records_fact f
                        where f.subject_index >= :fromIndex and f.subject_index < :toIndex
                        group by f.subject_index),
                    graded as (
                        select c.*, case when points >= :aaa then 'AAA' when points >= :aa then 'AA' when points >= :a then 'A'
                            when points >= :b then 'B' when points >= :c then 'C' else 'D' end as grade
                        from computed c),
                    known as (
                        select * from evaluation_score
                        where subject_index >= :fromIndex and subject_index < :toIndex),
                    changed as (
                        select coalesce(g.subject_index, s.subject_index) as subject_index, coalesce(g.points, :base) as points,
                            coalesce(g.grade, :baseGrade) as grade, coalesce(g.disputed, false) as disputed,
                            s.subject_index is not null as scored, s.grade as old_grade, s.points as old_points
                        from graded g full join known s on s.subject_index = g.subject_index
                        where s.subject_index is null or s.points <> coalesce(g.points, :base) or s.grade <> coalesce(g.grade, :baseGrade)
                            or s.disputed <> coalesce(g.disputed, false) or s.model_version <> :version),
                    updated as (
                        update evaluation_score s set points = c.points, grade = c.grade, disputed = c.disputed,
                            model_version = :version, computed_at = :at
                        from changed c
                        where c.scored and s.subject_index = c.subject_index
                            -- the part's range again, or the join reads every stored score for each part
                            and s.subject_index >= :fromIndex and s.subject_index < :toIndex),
                    inserted as (
                        -- a first score carries its first grade, which is no change of grade: no history row
                        insert into evaluation_score (subject_index, points, grade, disputed, model_version, computed_at,
                            first_graded_at, first_grade, first_points)
                        select subject_index, points, grade, disputed, :version, :at, :at, grade, points from changed where not scored),
                    history as (
                        insert into evaluation_grade_history (subject_index, changed_at, old_grade, new_grade, old_points, new_points,
                            record_id, reason)
                        select subject_index, :at, old_grade, grade, old_points, points, null, '重新计算'
                        from changed where scored and old_grade <> grade
                        returning subject_index, old_grade, new_grade, old_points, new_points)
                    select (select count(*) from computed) as people, (select count(*) from changed) as changed,
                        h.subject_index as subject, h.old_grade, h.new_grade, h.old_points, h.new_points
                    from (select 1) one left join history h on true""".formatted(points, counting);
            return new Statement(sql, params);
        }

        /**
         * The statement that takes the people queued in one range of the key space ({@code :from} exclusive to
         * {@code :upto} inclusive) off the queue and recomputes them, in one statement: the same rules as a part, for
         * exactly these people. The queue's rows are deleted by a range scan of its key and the people's records read in
         * key order, as a part reads them. Every person taken gets a score (the starting points when none of their
         * records counts); a first score keeps the record it was computed for; a change of grade goes to the history with
         * that record and the reason 记录变化 (重新计算 without one).
         */
        static Statement forQueue(PointsModel model, LocalDate day) {
            Map<String, Object> params = new LinkedHashMap<>();
            String[] common = common(model, day, params);
            String sql = """
                    with queued as (
                        delete from evaluation_pending where subject_index > :from and subject_index <= :upto
                        returning subject_index, record_id),
                    computed as (
                        select f.subject_index,
                            :base + coalesce(sum(%1$s) filter (where %2$s), 0) as points,
                            coalesce(bool_or(f.status = 'OBJECTED' and %2$s), false) as disputed
                        from queued q join records_fact f on f.subject_index = q.subject_index
                        -- the chunk's key range: where the chunk holds most people of its range (a backlog), the planner
                        -- reads the range in index order and joins, as a part does; else it looks each person up
                        where f.subject_index > :from and f.subject_index <= :upto
                        group by f.subject_index),
                    graded as (
                        select c.*, case when points >= :aaa then 'AAA' when points >= :aa then 'AA' when points >= :a then 'A'
                            when points >= :b then 'B' when points >= :c then 'C' else 'D' end as grade
                        from computed c),
                    changed as (
                        select q.subject_index, q.record_id, coalesce(g.points, :base) as points,
                            coalesce(g.grade, :baseGrade) as grade, coalesce(g.disputed, false) as disputed,
                            s.subject_index is not null as scored, s.grade as old_grade, s.points as old_points
                        from queued q
                        left join graded g on g.subject_index = q.subject_index
                        -- the range again: the queue's rows come from a delete, whose count the planner cannot know, and
                        -- it read the whole score table for every chunk (a hash join; measured in the soak: every 2 s)
                        left join evaluation_score s on s.subject_index = q.subject_index
                            and s.subject_index > :from and s.subject_index <= :upto
                        where s.subject_index is null or s.points <> coalesce(g.points, :base) or s.grade <> coalesce(g.grade, :baseGrade)
                            or s.disputed <> coalesce(g.disputed, false) or s.model_version <> :version),
                    updated as (
                        update evaluation_score s set points = c.points, grade = c.grade, disputed = c.disputed,
                            model_version = :version, computed_at = :at
                        from changed c
                        where c.scored and s.subject_index = c.subject_index),
                    inserted as (
                        insert into evaluation_score (subject_index, points, grade, disputed, model_version, computed_at,
                            first_graded_at, first_grade, first_points, first_record_id)
                        select subject_index, points, grade, disputed, :version, :at, :at, grade, points, record_id
                        from changed where not scored),
                    history as (
                        insert into evaluation_grade_history (subject_index, changed_at, old_grade, new_grade, old_points, new_points,
                            record_id, reason)
                        select subject_index, :at, old_grade, grade, old_points, points, record_id,
                            case when record_id is null then '重新计算' else '记录变化' end
                        from changed where scored and old_grade <> grade
                        returning subject_index, old_grade, new_grade, old_points, new_points, record_id)
                    select (select count(*) from queued) as people, h.subject_index as subject, h.old_grade, h.new_grade,
                        h.old_points, h.new_points, h.record_id
                    from (select 1) one left join history h on true""".formatted(common[0], common[1]);
            return new Statement(sql, params);
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** A stop lets the parts being computed end and begins no other; waits for that at most 15 seconds. */
    @Override
    public void stop() {
        stopping = true;
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (state.get().running() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    @Override
    public void start() {
        stopping = false;
    }

    @Override
    public boolean isRunning() {
        return !stopping;
    }

    /** Stopped after the web server, before the database goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @PreDestroy
    void shutdown() {
        runner.shutdownNow();
        heart.shutdownNow();
    }
}
