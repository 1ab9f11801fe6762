package org.chengxin.evaluation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.evaluation.GradeChange;
import org.chengxin.evaluation.GradeChanged;
import org.chengxin.evaluation.GradeCount;
import org.chengxin.evaluation.ModelVersion;
import org.chengxin.evaluation.Recomputation;
import org.chengxin.evaluation.Score;
import org.chengxin.evaluation.Scores;
import org.chengxin.evaluation.Standing;
import org.chengxin.evaluation.domain.CountedRecord;
import org.chengxin.evaluation.domain.Evaluation;
import org.chengxin.evaluation.domain.Grade;
import org.chengxin.evaluation.domain.ModelRevisionPolicy;
import org.chengxin.evaluation.domain.ObjectedRecords;
import org.chengxin.evaluation.domain.PointsModel;
import org.chengxin.evaluation.domain.ThreeYearsCleanPolicy;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Computes, stores and explains scores; keeps the grade history. */
@Service
class JdbcScores implements Scores {

    private static final Logger log = LoggerFactory.getLogger(JdbcScores.class);

    private final JdbcClient jdbc;
    private final Records records;
    private final Catalog catalog;
    private final PointsModels models;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final FullRecomputation full;
    private volatile ModelInForce modelInForce;
    private final AtomicLong publications = new AtomicLong();
    /** Where the queue's current pass over the key space stands (see {@link #nextRanges}); empty: at its beginning. */
    private byte[] queueCursor = new byte[0];
    /** Greater than every subject key (32 bytes): the end of the key space. */
    private static final byte[] END_OF_KEYS = endOfKeys();

    /** The model in force on a day, as read at a time (System.currentTimeMillis). */
    private record ModelInForce(LocalDate day, long readAt, PointsModel model) {
    }

    /** How long a model read is reused: another instance's publication in force today is seen within it. */
    private static final long MODEL_CACHE_MILLIS = 60_000;
    /** People recomputed one by one at most per call, after a chunk failed. */
    private static final int ONE_BY_ONE_MAX = 5_000;

    /** The reason shown for a person's first grade. */
    static final String FIRST_EVALUATION = "首次评价";

    JdbcScores(JdbcClient jdbc, Records records, Catalog catalog, PointsModels models, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock, FullRecomputation full) {
        this.jdbc = jdbc;
        this.records = records;
        this.catalog = catalog;
        this.models = models;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.full = full;
    }

    @Override
    public Optional<Score> scoreOf(SubjectKey subject) {
        return jdbc.sql("select * from evaluation_score where subject_index = :s").param("s", subject.bytes())
                .query((rs, n) -> new Score(subject, rs.getInt("points"), Grade.valueOf(rs.getString("grade")),
                        rs.getBoolean("disputed"), rs.getString("model_version"), rs.getTimestamp("computed_at").toInstant()))
                .optional();
    }

    @Override
    public List<GradeCount> gradeCounts() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select grade, count(*) from evaluation_score group by grade")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        List<GradeCount> all = new ArrayList<>();
        for (Grade g : Grade.values()) {
            all.add(new GradeCount(g.name(), g.label(), counts.getOrDefault(g.name(), 0L)));
        }
        return all;
    }

    @Override
    public Evaluation explain(SubjectKey subject) {
        LocalDate day = LocalDate.now(clock);
        return Evaluation.of(countedRecordsOf(subject), modelOn(day), day);
    }

    /**
     * The model in force, reused for a minute on the same day rather than read and parsed for every
     * person asked about (a measure check, a credit report); this instance's publications clear it.
     */
    private PointsModel modelOn(LocalDate day) {
        ModelInForce cached = modelInForce;
        long now = System.currentTimeMillis();
        if (cached != null && cached.day().equals(day) && now - cached.readAt() < MODEL_CACHE_MILLIS) {
            return cached.model();
        }
        long seen = publications.get();
        PointsModel model = models.current();
        synchronized (publications) {
            // a read that overlapped a publication is used once, not kept
            if (publications.get() == seen) {
                modelInForce = new ModelInForce(day, now, model);
            }
        }
        return model;
    }

    private void forgetModel() {
        synchronized (publications) {
            publications.incrementAndGet();
            modelInForce = null;
        }
    }

    private List<CountedRecord> countedRecordsOf(SubjectKey subject) {
        return records.allFor(subject).stream().map(this::counted).toList();
    }

    @Override
    public List<ModelVersion> modelVersions() {
        return models.versions();
    }

    @Override
    public PointsModel publishModel(String version, LocalDate effectiveFrom, int basePoints, Map<String, Integer> points) {
        return publishModel(version, effectiveFrom, basePoints, points, null);
    }

    @Override
    public PointsModel publishModel(String version, LocalDate effectiveFrom, int basePoints, Map<String, Integer> points,
            ObjectedRecords objected) {
        LocalDate today = LocalDate.now(clock);
        PointsModel next = ModelRevisionPolicy.revise(models.current(), version, effectiveFrom, basePoints, points, objected, today);
        String v = next.version();
        if (!models.publish(next)) {
            throw ChengxinException.conflict("EVALUATION_MODEL_VERSION_TAKEN", "版本号已被使用：" + v);
        }
        forgetModel();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock),
                "evaluation.model-publish", null, "积分模型调整", AuditOutcome.SUCCESS,
                "发布积分模型 " + v + "，自 " + effectiveFrom + " 起施行，起始分 " + basePoints + "，" + next.byKindAndSeverity()
                        + "，异议中的记录：" + next.objectedRecords().label()));
        if (!effectiveFrom.isAfter(today)) {
            full.start("积分模型 " + v + " 施行");
        }
        return next;
    }

    @Override
    public Standing standingOf(SubjectKey subject) {
        return standingOf(subject, records.allFor(subject));
    }

    @Override
    public Standing standingOf(SubjectKey subject, List<CreditRecord> theirs) {
        LocalDate day = LocalDate.now(clock);
        List<CountedRecord> counted = theirs.stream().map(this::counted).toList();
        PointsModel model = modelOn(day);
        Evaluation e = Evaluation.of(counted, model, day);
        return new Standing(day, e.modelVersion(), e.points(), e.grade().name(), e.grade().label(), e.disputed(),
                ThreeYearsCleanPolicy.isClean(counted, day, model.objectedRecords()), e.lines().size());
    }

    @Override
    public List<GradeChange> historyOf(SubjectKey subject) {
        List<GradeChange> history = new ArrayList<>();
        // the first grade, kept on the score (it is not a change, so the history table does not hold it)
        jdbc.sql("""
                select first_graded_at, first_grade, first_points, first_record_id from evaluation_score
                where subject_index = :s and first_graded_at is not null""")
                .param("s", subject.bytes())
                .query((rs, n) -> new GradeChange(rs.getTimestamp("first_graded_at").toInstant(), null, rs.getString("first_grade"),
                        null, rs.getInt("first_points"), (Long) rs.getObject("first_record_id"), FIRST_EVALUATION))
                .optional().ifPresent(history::add);
        history.addAll(jdbc.sql("select * from evaluation_grade_history where subject_index = :s order by changed_at, id")
                .param("s", subject.bytes())
                .query((rs, n) -> new GradeChange(rs.getTimestamp("changed_at").toInstant(), rs.getString("old_grade"),
                        rs.getString("new_grade"), (Integer) rs.getObject("old_points"), rs.getInt("new_points"),
                        (Long) rs.getObject("record_id"), rs.getString("reason")))
                .list());
        return history;
    }

    @Override
    public PointsModel model() {
        return models.current();
    }

    @Override
    public Recomputation recomputeEverybody(String trigger) {
        return full.run(trigger);
    }

    @Override
    public Recomputation startRecomputation(String trigger) {
        return full.start(trigger);
    }

    @Override
    public Recomputation recomputation() {
        return full.state();
    }

    @Override
    public long pending() {
        return jdbc.sql("select count(*) from evaluation_pending").query(Long.class).single();
    }

    /**
     * Takes up to {@code max} people off the queue, in passes over the key space (see {@link #take}), and recomputes them in one set-based statement (the
     * rules of the full recomputation, for exactly these people) in the same transaction as the queue rows' deletion:
     * the scores are written and the rows deleted together, or neither. A grade that changed goes to the history and out
     * as an event, person by person. Should the statement fail, the same people are taken again one at a time, so one
     * bad case goes to the back of the queue with the failure logged and never holds up everybody else.
     */
    @Override
    public int recomputePending(int max) {
        try {
            Integer done = transactions.execute(tx -> recomputeTogether(max));
            return done == null ? 0 : done;
        } catch (RuntimeException e) {
            log.warn("成批重新计算信用积分失败，改为逐人计算：{}", e.getClass().getSimpleName());
            // one by one, a backlog's chunk would hold the drain for minutes: the first people of it, the rest next time
            return recomputeOneByOne(Math.min(max, ONE_BY_ONE_MAX));
        }
    }

    private int recomputeTogether(int max) {
        // chunks side by side (they take different people), never beside a full recomputation's parts
        jdbc.sql("select 1 from pg_advisory_xact_lock_shared(:lock)").param("lock", FullRecomputation.QUEUE_LOCK)
                .query(Integer.class).single();
        LocalDate day = LocalDate.now(clock);
        Instant now = Instant.now(clock);
        // a plan for this range: a generic plan (the driver prepares a statement run often) cannot know how many people
        // the range holds, and reads every record instead of the range
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        FullRecomputation.Statement statement = FullRecomputation.Statement.forQueue(modelOn(day), day);
        int people = 0;
        List<GradeChanged> changes = new ArrayList<>();
        for (byte[][] range : nextRanges(max)) {
            int[] taken = {0};
            jdbc.sql(statement.sql()).params(statement.params())
                    .param("from", range[0]).param("upto", range[1])
                    .param("at", Timestamp.from(now))
                    .query(rs -> {
                        taken[0] = rs.getInt("people");
                        if (rs.getBytes("subject") != null) {
                            changes.add(new GradeChanged(SubjectKeys.read(rs, "subject"), rs.getString("old_grade"), rs.getString("new_grade"),
                                    (Integer) rs.getObject("old_points"), rs.getInt("new_points"), (Long) rs.getObject("record_id"), now));
                        }
                    });
            people += taken[0];
        }
        changes.forEach(events::publishEvent);
        return people;
    }

    /**
     * The ranges of the key space the next chunk takes: about {@code max} queued people after where the pass stands. The
     * queue is taken in passes over the key space rather than oldest first: a push queues its people at one time, and
     * reading them off the time index again and again walked over every row deleted before (measured on 1,000,000
     * queued people: the queue drained 6x slower than the set-based recomputation of the same people). A chunk is a
     * range of keys, deleted by a range scan of the queue's key in the statement that recomputes its people: taking
     * the keys first, locking them and deleting them one by one cost as much as the recomputation (measured: 40 ms of
     * 130 for 5,000 people). Near the end of the key space the chunk also takes the beginning of the next pass. Ranges
     * are handed out one at a time, so this instance's chunks never overlap; another instance's chunk on the same range
     * waits for this one and finds its people gone.
     */
    private synchronized List<byte[][]> nextRanges(int max) {
        byte[] from = queueCursor;
        byte[] upto = keyAfter(from, max - 1);
        if (upto != null) {
            queueCursor = upto;
            return List.<byte[][]>of(new byte[][] {from, upto});
        }
        queueCursor = new byte[0];
        List<byte[][]> ranges = new ArrayList<>();
        ranges.add(new byte[][] {from, END_OF_KEYS});
        if (from.length > 0) {
            int left = jdbc.sql("select count(*) from (select 1 from evaluation_pending where subject_index > :from limit :max) t")
                    .param("from", from).param("max", max).query(Integer.class).single();
            byte[] wrap = left < max ? keyAfter(new byte[0], max - left - 1) : null;
            if (wrap == null || Arrays.compareUnsigned(wrap, from) >= 0) {
                ranges.add(new byte[][] {new byte[0], from});
            } else {
                ranges.add(new byte[][] {new byte[0], wrap});
                queueCursor = wrap;
            }
        }
        return ranges;
    }

    /** The queued key {@code skip} places after {@code from} in key order, if the queue holds that many. */
    private byte[] keyAfter(byte[] from, int skip) {
        return jdbc.sql("select subject_index from evaluation_pending where subject_index > :from order by subject_index offset :skip limit 1")
                .param("from", from).param("skip", skip).query(byte[].class).optional().orElse(null);
    }

    private static byte[] endOfKeys() {
        byte[] end = new byte[33];
        Arrays.fill(end, (byte) 0xff);
        return end;
    }

    /** The queue's oldest people, each in a transaction of their own; one that fails goes to the back of the queue. */
    private int recomputeOneByOne(int max) {
        record Pending(SubjectKey subject, Long recordId) {
        }
        List<Pending> batch = jdbc.sql("select subject_index, record_id from evaluation_pending order by queued_at limit :max")
                .param("max", max).query((rs, n) -> new Pending(SubjectKeys.read(rs, 1), (Long) rs.getObject(2))).list();
        int done = 0;
        for (Pending p : batch) {
            try {
                Boolean mine = transactions.execute(tx -> {
                    jdbc.sql("select 1 from pg_advisory_xact_lock(:lock)").param("lock", FullRecomputation.LOCK)
                            .query(Integer.class).single();
                    int taken = jdbc.sql("delete from evaluation_pending where subject_index = :s")
                            .param("s", p.subject().bytes()).update();
                    if (taken == 0) {
                        return false;
                    }
                    recompute(p.subject(), p.recordId());
                    return true;
                });
                if (Boolean.TRUE.equals(mine)) {
                    done++;
                }
            } catch (RuntimeException e) {
                log.error("重新计算信用积分失败（主体 {}），已移至队尾", p.subject(), e);
                jdbc.sql("update evaluation_pending set queued_at = now() where subject_index = :s")
                        .param("s", p.subject().bytes()).update();
            }
        }
        return done;
    }

    /**
     * Recomputes one person. A first score carries its first grade (written once); a later change of
     * grade goes to the history and out as an event.
     */
    void recompute(SubjectKey subject, Long recordId) {
        Evaluation e = explain(subject);
        Optional<Score> before = scoreOf(subject);
        Instant now = Instant.now(clock);
        jdbc.sql("""
                insert into evaluation_score (subject_index, points, grade, disputed, model_version, computed_at,
                    first_graded_at, first_grade, first_points, first_record_id)
                values (:s, :p, :g, :d, :v, :at, :at, :g, :p, :record)
                on conflict (subject_index) do update set points = excluded.points, grade = excluded.grade,
                    disputed = excluded.disputed, model_version = excluded.model_version, computed_at = excluded.computed_at""")
                .param("s", subject.bytes()).param("p", e.points()).param("g", e.grade().name()).param("d", e.disputed())
                .param("v", e.modelVersion()).param("at", Timestamp.from(now)).param("record", recordId).update();
        Grade old = before.map(Score::grade).orElse(null);
        if (old != null && old != e.grade()) {
            jdbc.sql("""
                    insert into evaluation_grade_history (subject_index, changed_at, old_grade, new_grade, old_points,
                        new_points, record_id, reason)
                    values (:s, :at, :old, :new, :oldPoints, :newPoints, :record, :reason)""")
                    .param("s", subject.bytes()).param("at", Timestamp.from(now)).param("old", old.name())
                    .param("new", e.grade().name()).param("oldPoints", before.get().points())
                    .param("newPoints", e.points()).param("record", recordId)
                    .param("reason", recordId == null ? "重新计算" : "记录变化").update();
            events.publishEvent(new GradeChanged(subject, old.name(), e.grade().name(), before.get().points(), e.points(), recordId,
                    now));
        }
    }

    private CountedRecord counted(CreditRecord r) {
        Item item = catalog.versions().stream().filter(v -> v.id() == r.catalogVersionId()).findFirst()
                .flatMap(v -> v.item(r.itemCode())).or(() -> catalog.item(r.itemCode())).orElse(null);
        return new CountedRecord(r.id(), r.itemCode(), item == null ? r.itemCode() : item.name(), r.departmentCode(),
                r.decisionDate(), r.kind(), r.severity(), r.status().name(), r.expiresOn(),
                item == null ? "" : item.legalBasis().toString());
    }
}
