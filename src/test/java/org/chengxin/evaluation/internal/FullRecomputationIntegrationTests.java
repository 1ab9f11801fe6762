package org.chengxin.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.Assertions;
import org.chengxin.evaluation.GradeChanged;
import org.chengxin.evaluation.Recomputation;
import org.chengxin.evaluation.Score;
import org.chengxin.evaluation.Scores;
import org.chengxin.evaluation.domain.CountedRecord;
import org.chengxin.evaluation.domain.Evaluation;
import org.chengxin.evaluation.domain.GradeBands;
import org.chengxin.evaluation.domain.ObjectedRecords;
import org.chengxin.evaluation.domain.PointsModel;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The set-based recomputation of everybody against the Java policies that explain a score: for
 * randomly made people and points models (seeded, so a failure can be replayed), the SQL statement must
 * give every person exactly the points, grade and disputed flag that {@link Evaluation#of} gives. Then
 * the real run: only changed scores are written, grade history and events follow the changes, a person
 * left without records goes back to the starting points, and a moved clock takes expired records off.
 */
@ChengxinIntegrationTest
class FullRecomputationIntegrationTests {

    private static final String[] STATUSES = {"ACTIVE", "ACTIVE", "ACTIVE", "OBJECTED", "OBJECTED", "SUSPENDED", "REPAIRED", "EXPIRED",
        "REVOKED"};

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Scores scores;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEventMulticaster multicaster;

    /** Grade changes and the recomputation's audit entries published while a test runs, from whichever thread. */
    private final List<GradeChanged> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<AuditEvent> audited = Collections.synchronizedList(new ArrayList<>());
    private final ApplicationListener<ApplicationEvent> listener = e -> {
        if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof GradeChanged g) {
            seen.add(g);
        }
        if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof AuditEvent a
                && a.action().equals(FullRecomputation.AUDIT_ACTION)) {
            audited.add(a);
        }
    };

    @BeforeEach
    void listen() {
        multicaster.addApplicationListener(listener);
    }

    private final List<SubjectKey> made = new ArrayList<>();

    record Item(String code, String kind, String severity) {
    }

    record Made(SubjectKey subject, List<CountedRecord> records) {
    }

    @AfterEach
    void cleanUp() {
        multicaster.removeApplicationListener(listener);
        ((MutableClock) clock).reset();
        for (SubjectKey s : made) {
            jdbc.sql("delete from records_record where subject_index = :s").param("s", s.bytes()).update();
            jdbc.sql("delete from evaluation_score where subject_index = :s").param("s", s.bytes()).update();
            jdbc.sql("delete from evaluation_grade_history where subject_index = :s").param("s", s.bytes()).update();
        }
    }

    /**
     * The same people under the same model with either rule for records under objection (counted, or set
     * aside while the objection is open): the statement and the Java policies agree under both, and the
     * rule does change somebody's points (so a statement that ignored it would fail here).
     */
    @Test
    void theStatementAgreesWithTheJavaPoliciesForRandomPeopleAndModelsUnderBothRulesForObjectedRecords() {
        List<Item> items = items();
        LocalDate day = LocalDate.now(clock);
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            PointsModel drawn = randomModel(random, items);
            long s = seed;
            transactions.executeWithoutResult(tx -> {
                List<Made> people = new ArrayList<>();
                for (int i = 0; i < 80; i++) {
                    people.add(person(random, items, day, "seed" + s + "-" + i));
                }
                Map<ObjectedRecords, List<Integer>> pointsByRule = new LinkedHashMap<>();
                for (ObjectedRecords rule : ObjectedRecords.values()) {
                    PointsModel model = new PointsModel(drawn.version() + "-" + rule, drawn.effectiveFrom(), drawn.basePoints(),
                            drawn.byKindAndSeverity(), drawn.byItem(), drawn.bands(), rule);
                    FullRecomputation.Statement statement = FullRecomputation.Statement.of(model, day);
                    for (int part = 0; part < FullRecomputation.PARTS; part++) {
                        jdbc.sql(statement.sql()).params(statement.params()).param("fromIndex", FullRecomputation.from(part))
                                .param("toIndex", FullRecomputation.to(part)).param("at", Timestamp.from(clock.instant()))
                                .query((rs, n) -> 1).list();
                    }
                    List<Integer> points = new ArrayList<>();
                    for (Made p : people) {
                        Evaluation expected = Evaluation.of(p.records(), model, day);
                        points.add(expected.points());
                        var stored = jdbc.sql("select points, grade, disputed, model_version from evaluation_score where subject_index = :s")
                                .param("s", p.subject().bytes())
                                .query((rs, n) -> List.of(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getString(4))).optional();
                        if (p.records().isEmpty()) {
                            assertThat(stored).as("a person without records is never stored: they have the starting points").isEmpty();
                            continue;
                        }
                        assertThat(stored).get().asList().as("seed %d, %s, records %s", s, model, p.records())
                                .containsExactly(expected.points(), expected.grade().name(), expected.disputed(), model.version());
                        if (rule == ObjectedRecords.EXCLUDE) {
                            assertThat(expected.disputed()).as("nothing counted is under objection").isFalse();
                        }
                    }
                    pointsByRule.put(rule, points);
                }
                assertThat(pointsByRule.get(ObjectedRecords.EXCLUDE)).as("seed %d: setting objected records aside changes points", s)
                        .isNotEqualTo(pointsByRule.get(ObjectedRecords.COUNT));
                tx.setRollbackOnly();
            });
        }
    }

    /**
     * The queue's statement (people taken off the recomputation queue together) against the same Java policies, for
     * random people and models under both rules for objected records: every person taken is stored, those without
     * records with the starting points, each first score with the record it was queued for.
     */
    @Test
    void theQueueStatementAgreesWithTheJavaPoliciesAndScoresEveryPersonTaken() {
        List<Item> items = items();
        LocalDate day = LocalDate.now(clock);
        for (long seed = 11; seed <= 14; seed++) {
            Random random = new Random(seed);
            PointsModel drawn = randomModel(random, items);
            long s = seed;
            transactions.executeWithoutResult(tx -> {
                List<Made> people = new ArrayList<>();
                for (int i = 0; i < 80; i++) {
                    people.add(person(random, items, day, "queue" + s + "-" + i));
                }
                for (ObjectedRecords rule : ObjectedRecords.values()) {
                    PointsModel model = new PointsModel(drawn.version() + "-" + rule, drawn.effectiveFrom(), drawn.basePoints(),
                            drawn.byKindAndSeverity(), drawn.byItem(), drawn.bands(), rule);
                    FullRecomputation.Statement statement = FullRecomputation.Statement.forQueue(model, day);
                    for (int i = 0; i < people.size(); i++) {
                        jdbc.sql("insert into evaluation_pending (subject_index, record_id) values (:s, :r)")
                                .param("s", people.get(i).subject().bytes()).param("r", 900_000L + i).update();
                    }
                    byte[] end = new byte[33];
                    Arrays.fill(end, (byte) 0xff);
                    List<Integer> taken = jdbc.sql(statement.sql()).params(statement.params())
                            .param("from", new byte[0]).param("upto", end).param("at", Timestamp.from(clock.instant()))
                            .query((rs, n) -> rs.getInt("people")).list();
                    assertThat(taken).first().isEqualTo(people.size());
                    assertThat(jdbc.sql("select count(*) from evaluation_pending").query(Long.class).single()).as("all taken").isZero();
                    for (int i = 0; i < people.size(); i++) {
                        Made p = people.get(i);
                        Evaluation expected = Evaluation.of(p.records(), model, day);
                        var stored = jdbc.sql("""
                                select points, grade, disputed, model_version, first_record_id from evaluation_score where subject_index = :s""")
                                .param("s", p.subject().bytes())
                                .query((rs, n) -> List.of(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getLong(5)))
                                .optional();
                        assertThat(stored).get().asList().as("seed %d, %s, records %s", s, model, p.records())
                                .containsExactly(expected.points(), expected.grade().name(), expected.disputed(), model.version(),
                                        900_000L + i);
                    }
                }
                tx.setRollbackOnly();
            });
        }
    }

    /** A person taken off the queue whose grade moves: the history row names the record and the reason, and an event goes out. */
    @Test
    void theQueueWritesAGradeChangeWithItsRecordAndPublishesIt() {
        List<Item> items = items();
        Item serious = items.stream().filter(i -> "SERIOUS".equals(i.severity())).findFirst().orElseThrow();
        LocalDate today = LocalDate.now(clock);
        SubjectKey a = subject("queue-a");
        SubjectKey b = subject("queue-b");
        jdbc.sql("insert into evaluation_pending (subject_index, record_id) values (:s, null)").param("s", a.bytes()).update();
        scores.recomputePending(10_000);
        assertThat(scores.scoreOf(a)).get().extracting(Score::points).as("no records: the starting points").isEqualTo(1000);

        long id = insert(a, serious, "ACTIVE", today.minusMonths(1), today.plusYears(1), "queue-a-1");
        jdbc.sql("insert into evaluation_pending (subject_index, record_id) values (:s, :r)").param("s", a.bytes()).param("r", id).update();
        jdbc.sql("insert into evaluation_pending (subject_index, record_id) values (:s, 4242)").param("s", b.bytes()).update();
        seen.clear();
        scores.recomputePending(10_000);

        assertThat(scores.scoreOf(a)).get().extracting(Score::points).isEqualTo(850);
        assertThat(scores.historyOf(a)).extracting(h -> h.oldGrade() + ">" + h.newGrade() + ":" + h.recordId() + ":" + h.reason())
                .containsExactly("null>A:null:首次评价", "A>B:" + id + ":记录变化");
        assertThat(scores.historyOf(b)).singleElement().satisfies(h -> assertThat(h.recordId()).isEqualTo(4242L));
        assertThat(seen).filteredOn(e -> e.subject().equals(a)).singleElement().satisfies(e -> {
            assertThat(e.oldGrade() + ">" + e.newGrade()).isEqualTo("A>B");
            assertThat(e.oldPoints()).isEqualTo(1000);
            assertThat(e.newPoints()).isEqualTo(850);
            assertThat(e.recordId()).isEqualTo(id);
        });
        assertThat(seen).as("a first score is no change of grade").noneMatch(e -> e.subject().equals(b));
        assertThat(scores.pending()).isZero();
    }

    /**
     * The queue is taken in passes over the key space, a chunk at a time: a person queued behind the pass (a smaller
     * key than the last one taken) is taken when the pass starts again, and nobody is left behind.
     */
    @Test
    void theQueueIsTakenInPassesOverTheKeySpaceAndNobodyIsLeftBehind() {
        List<SubjectKey> first = new ArrayList<>();
        for (String b : List.of("10", "20", "30", "40")) {
            SubjectKey key = SubjectKey.fromHex(b.repeat(32));
            made.add(key);
            first.add(key);
            jdbc.sql("insert into evaluation_pending (subject_index, record_id) values (:s, null)").param("s", key.bytes()).update();
        }
        scores.recomputePending(2);
        SubjectKey behind = SubjectKey.fromHex("05".repeat(32));
        made.add(behind);
        jdbc.sql("insert into evaluation_pending (subject_index, record_id) values (:s, null)").param("s", behind.bytes()).update();
        for (int i = 0; i < 20 && !allScored(first, behind); i++) {
            scores.recomputePending(2);
        }
        assertThat(first).allSatisfy(k -> assertThat(scores.scoreOf(k)).as(k.hex()).isPresent());
        assertThat(scores.scoreOf(behind)).as("queued behind the pass, taken when it starts again").get()
                .extracting(Score::points).isEqualTo(1000);
    }

    private boolean allScored(List<SubjectKey> keys, SubjectKey other) {
        return scores.scoreOf(other).isPresent() && keys.stream().allMatch(k -> scores.scoreOf(k).isPresent());
    }

    @Test
    void aRunWritesOnlyWhatChangedAndTakesExpiredRecordsOffOnAMovedClock() {
        List<Item> items = items();
        Item serious = items.stream().filter(i -> "SERIOUS".equals(i.severity())).findFirst().orElseThrow();
        Item good = items.stream().filter(i -> "GOOD_CREDIT".equals(i.kind())).findFirst().orElseThrow();
        LocalDate today = LocalDate.now(clock);
        SubjectKey a = subject("run-a");
        SubjectKey b = subject("run-b");
        insert(a, serious, "ACTIVE", today.minusMonths(2), today.plusDays(10), "run-a-1");
        insert(b, good, "ACTIVE", today.minusMonths(1), today.plusYears(1), "run-b-1");

        seen.clear();
        Recomputation first = scores.recomputeEverybody("测试");
        assertThat(first.failure()).isNull();
        assertThat(first.partsDone()).isEqualTo(FullRecomputation.PARTS);
        assertThat(first.people()).isGreaterThanOrEqualTo(2);
        assertThat(scores.scoreOf(a)).get().extracting(Score::points).isEqualTo(850);
        assertThat(scores.scoreOf(b)).get().extracting(Score::points).isEqualTo(1030);
        assertThat(scores.historyOf(a)).singleElement().satisfies(h -> {
            assertThat(h.oldGrade()).isNull();
            assertThat(h.newGrade()).isEqualTo("B");
            assertThat(h.newPoints()).isEqualTo(850);
            assertThat(h.reason()).isEqualTo("首次评价");
        });
        assertThat(jdbc.sql("select count(*) from evaluation_grade_history where subject_index = :s")
                .param("s", a.bytes()).query(Long.class).single()).as("a first grade is kept on the score, not as a change").isZero();
        assertThat(seen).as("a first grade is no change of grade").noneMatch(e -> e.subject().equals(a));

        var computedAt = scores.scoreOf(b).orElseThrow().computedAt();
        Recomputation again = scores.recomputeEverybody("测试");
        assertThat(again.scoresChanged()).as("nothing changed, nothing written").isZero();
        assertThat(again.gradesChanged()).isZero();
        assertThat(scores.scoreOf(b).orElseThrow().computedAt()).isEqualTo(computedAt);

        // eleven days later the serious record has left its disclosure period
        ((MutableClock) clock).advance(Duration.ofDays(11));
        // b's only record moves to someone else (a correction of the subject): b is back to the starting points
        jdbc.sql("update records_record set subject_index = :to where subject_index = :from")
                .param("to", a.bytes()).param("from", b.bytes()).update();
        seen.clear();
        audited.clear();
        Recomputation later = scores.recomputeEverybody("测试");
        assertThat(later.scoresChanged()).isGreaterThanOrEqualTo(2);
        assertThat(scores.scoreOf(a)).get().satisfies(sc -> {
            assertThat(sc.points()).isEqualTo(1030);
            assertThat(sc.grade().name()).isEqualTo("AA");
        });
        assertThat(scores.scoreOf(b)).get().satisfies(sc -> {
            assertThat(sc.points()).isEqualTo(1000);
            assertThat(sc.grade().name()).isEqualTo("A");
        });
        assertThat(scores.historyOf(a)).extracting(h -> h.oldGrade() + ">" + h.newGrade()).containsExactly("null>B", "B>AA");
        assertThat(scores.historyOf(a).get(0).newPoints()).as("the first grade stays as it was").isEqualTo(850);
        assertThat(scores.historyOf(a).get(1).reason()).isEqualTo("重新计算");
        assertThat(scores.historyOf(a).get(1).oldPoints()).isEqualTo(850);
        assertThat(seen).as("the run publishes no event per person: its parts are audited").isEmpty();
        assertThat(audited).as("one entry per part with changed grades").isNotEmpty().hasSizeLessThanOrEqualTo(FullRecomputation.PARTS)
                .extracting(e -> Integer.parseInt(e.detail().replaceAll(".*等级变化 (\\d+) 人.*", "$1")))
                .as("the parts' counts add up to the run's").satisfies(counts ->
                        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo((int) later.gradesChanged()));
        // the entry of a's part seals exactly the rows of the grade history the part wrote at that time
        AuditEvent ofA = audited.stream().filter(e -> e.detail().startsWith("全量重算第 " + (partOf(a) + 1) + "/")).findFirst().orElseThrow();
        List<String> written = jdbc.sql("""
                select subject_index, old_grade, new_grade, old_points, new_points from evaluation_grade_history
                where changed_at = :at and reason = '重新计算'""").param("at", Timestamp.from(ofA.occurredAt()))
                .query((rs, n) -> SubjectKey.of(rs.getBytes(1)).hex() + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                        + rs.getObject(4) + "|" + rs.getObject(5))
                .list().stream().filter(line -> partOf(SubjectKey.fromHex(line.substring(0, 64))) == partOf(a)).toList();
        assertThat(written).anyMatch(line -> line.startsWith(a.hex() + "|B|AA|850|1030"));
        assertThat(ofA.detail()).isEqualTo(FullRecomputation.auditOf(partOf(a), scores.scoreOf(a).orElseThrow().modelVersion(), "测试", ofA.occurredAt(), written).detail());
        assertThat(FullRecomputation.auditOf(0, "m", "t", ofA.occurredAt(), List.of("x", "y")).detail())
                .as("the digest does not depend on the order").isEqualTo(
                        FullRecomputation.auditOf(0, "m", "t", ofA.occurredAt(), List.of("y", "x")).detail())
                .isNotEqualTo(FullRecomputation.auditOf(0, "m", "t", ofA.occurredAt(), List.of("x", "z")).detail());
        assertThat(scores.explain(a).points()).as("the explanation tells the same").isEqualTo(1030);
    }

    @Test
    void aSecondRunIsRefusedWhileOneRunsAndTheQueueWaitsForIt() throws Exception {
        // an exclusive hold on the recomputation lock (as a person's recomputation from the queue takes it)
        // keeps the parts waiting, so the run is certainly still running when the second one is asked for
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> transactions.executeWithoutResult(tx -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(:l)").param("l", FullRecomputation.LOCK).query(Integer.class).single();
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            Recomputation started = scores.startRecomputation("测试后台");
            assertThat(started.running()).isTrue();
            Thread.sleep(200);
            assertThat(scores.recomputation().running()).isTrue();
            assertThat(scores.recomputation().partsDone()).as("the parts wait for the lock").isZero();
            assertThat(Assertions.catchThrowable(() -> scores.recomputeEverybody("测试")))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(scores.startRecomputation("再次发起").startedAt()).as("the running one is answered").isEqualTo(started.startedAt());
        } finally {
            release.countDown();
            holder.join();
        }
        for (int i = 0; i < 600 && scores.recomputation().running(); i++) {
            Thread.sleep(50);
        }
        assertThat(scores.recomputation().running()).isFalse();
        assertThat(scores.recomputation().percent()).isEqualTo(100);
        assertThat(scores.recomputation().failure()).isNull();
    }

    private List<Item> items() {
        return jdbc.sql("""
                select code, kind, severity from catalog_item
                where version_id = (select max(id) from catalog_version) order by code""")
                .query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private PointsModel randomModel(Random random, List<Item> items) {
        Map<String, Integer> byKey = new LinkedHashMap<>();
        byKey.put("GOOD_CREDIT", random.nextInt(60));
        for (String sev : List.of("MINOR", "GENERAL", "GRAVE", "SERIOUS")) {
            byKey.put("DISHONESTY:" + sev, -random.nextInt(200));
        }
        if (random.nextBoolean()) {
            byKey.put("OTHER", 0);
        }
        Map<String, Integer> byItem = new LinkedHashMap<>();
        for (int i = 0; i < random.nextInt(4); i++) {
            byItem.put(items.get(random.nextInt(items.size())).code(), random.nextInt(201) - 100);
        }
        int base = 900 + random.nextInt(200);
        return new PointsModel("random-" + random.nextInt(1000), LocalDate.now(clock), base, byKey, byItem, GradeBands.YUEYANG);
    }

    private Made person(Random random, List<Item> items, LocalDate day, String name) {
        SubjectKey subject = subject(name);
        List<CountedRecord> records = new ArrayList<>();
        int n = random.nextInt(7);
        for (int i = 0; i < n; i++) {
            Item item = items.get(random.nextInt(items.size()));
            String status = STATUSES[random.nextInt(STATUSES.length)];
            LocalDate decided = day.minusDays(random.nextInt(1500));
            // around the day: some already out of their period, one exactly on it
            LocalDate expires = random.nextInt(10) == 0 ? day : day.plusDays(random.nextInt(1200) - 400);
            long id = insert(subject, item, status, decided, expires, name + "-" + i);
            records.add(new CountedRecord(id, item.code(), item.code(), DepartmentCode.of("fgw"), decided, item.kind(), item.severity(), status, expires, ""));
        }
        return new Made(subject, records);
    }

    @Autowired
    RecomputationRuns runs;

    /**
     * Every run is logged; a run whose instance stopped beating (kill -9) ends as 已中断 and the page shows it, and a
     * run another instance is beating shows as running and is left alone.
     */
    @Test
    void runsAreLoggedAndOneWhoseInstanceDiedEndsInterrupted() {
        Recomputation done = scores.recomputeEverybody("运行记录测试");
        assertThat(done.failure()).isNull();
        assertThat(jdbc.sql("select outcome, parts_done, people, finished_at is not null as ended from evaluation_run order by id desc limit 1")
                .query((rs, n) -> rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getLong(3) + "|" + rs.getBoolean(4)).single())
                .as("the run as logged").isEqualTo("COMPLETED|" + FullRecomputation.PARTS + "|" + done.people() + "|true");
        assertThat(scores.recomputation()).as("this instance's own latest run").isEqualTo(done);

        // a run of an instance killed 3 minutes ago (its last beat), 5 parts done
        long dead = jdbc.sql("""
                insert into evaluation_run (trigger, instance, model_version, started_at, heartbeat_at, parts_done, parts_total, people)
                values ('夜间全量重算', 'killed@host', 'm', now() - interval '4 minutes', now() - interval '3 minutes', 5, 32, 1000)
                returning id""").query(Long.class).single();
        try {
            assertThat(scores.recomputation().running()).as("before the sweep it still looks running").isTrue();
            assertThat(runs.sweep()).isEqualTo(1);
            assertThat(runs.sweep()).as("a second sweep changes nothing").isZero();
            Recomputation shown = scores.recomputation();
            assertThat(shown.running()).isFalse();
            assertThat(shown.partsDone()).isEqualTo(5);
            assertThat(shown.failure()).isEqualTo(RecomputationRuns.INTERRUPTED).contains("进程意外终止");
            assertThat(shown.trigger()).isEqualTo("夜间全量重算");
            assertThat(jdbc.sql("select outcome from evaluation_run where id = :id").param("id", dead).query(String.class).single())
                    .isEqualTo("INTERRUPTED");

            // another instance's run, beating now: shown as running, not swept
            long alive = jdbc.sql("""
                    insert into evaluation_run (trigger, instance, model_version, started_at, heartbeat_at, parts_done, parts_total)
                    values ('管理员发起', 'other@host', 'm', now(), now(), 7, 32) returning id""").query(Long.class).single();
            assertThat(runs.sweep()).isZero();
            assertThat(scores.recomputation().running()).isTrue();
            assertThat(scores.recomputation().percent()).isEqualTo(7 * 100 / 32);
            jdbc.sql("delete from evaluation_run where id = :id").param("id", alive).update();
        } finally {
            jdbc.sql("delete from evaluation_run where id = :id").param("id", dead).update();
        }
        assertThat(scores.recomputation()).as("this instance's own run again, once the others are gone").isEqualTo(done);
    }

    private SubjectKey subject(String name) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("full-recompute-test:" + name).getBytes());
            SubjectKey key = SubjectKey.of(h);
            made.add(key);
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long insert(SubjectKey subject, Item item, String status, LocalDate decided, LocalDate expires, String source) {
        return jdbc.sql("""
                insert into records_record (subject_index, subject_id, item_code, catalog_version_id, department_code, source_id,
                    decision_date, content, content_hash, kind, severity, scope, min_period_end, expires_on, status, version,
                    accepted_at, updated_at)
                values (:s, 0, :item, (select max(id) from catalog_version), 'fgw', :source, :decided, '{}',
                    repeat('0', 64), :kind, :severity, 'PUBLIC', :decided, :expires, :status, 1, now(), now())
                returning id""")
                .param("s", subject.bytes()).param("item", item.code()).param("source", "FRT-" + source).param("decided", decided)
                .param("kind", item.kind()).param("severity", item.severity()).param("expires", expires).param("status", status)
                .query(Long.class).single();
    }

    /** The part of the recomputation a person falls in: the first byte of their subject key. */
    private static int partOf(SubjectKey subject) {
        return (subject.bytes()[0] & 0xff) / (256 / FullRecomputation.PARTS);
    }
}
