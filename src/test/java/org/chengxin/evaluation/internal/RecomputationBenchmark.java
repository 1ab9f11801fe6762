package org.chengxin.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chengxin.evaluation.Recomputation;
import org.chengxin.evaluation.Scores;
import org.chengxin.evaluation.domain.PointsModel;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes everybody for 1,000,000 synthetic people with 4,000,000 records (override with
 * {@code -Dbench.people=N}; four records a person) on the embedded PostgreSQL, and in the same run times
 * one SQL aggregate that sums the same points per person. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=RecomputationBenchmark}; it prints the figures and ratios, and
 * checks a sample of the stored scores against the explanation computed record by record in Java.
 *
 * <p>Four recomputations, each timed from start to last part committed: the first evaluation of
 * everybody (every score written with its first grade), the same day again (nothing changed), 400 days
 * later (records left their period), and a new points model taking effect (most scores change).
 */
@Tag("benchmark")
@ChengxinIntegrationTest
class RecomputationBenchmark {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Scores scores;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RecomputeWorker worker;

    @Test
    void recomputeEverybodyAgainstOneAggregate() throws Exception {
        int people = Integer.getInteger("bench.people", 1_000_000);
        long records = 4L * people;
        LocalDate today = LocalDate.now(clock);

        long t0 = System.nanoTime();
        generate(people, records, today);
        System.out.printf("%nRECOMPUTATION BENCHMARK: %,d synthetic people, %,d records generated in %.1f s%n", people,
                records, (System.nanoTime() - t0) / 1e9);

        List<String> lines = new ArrayList<>();
        PointsModel model = scores.model();
        aggregate(model, today); // warm the cache the same way for both
        long aggregate = aggregate(model, today);
        lines.add(line("one SQL aggregate of the points per person (model " + model.version() + "), fastest of 3 plans", aggregate, people, aggregate));

        Recomputation first = scores.recomputeEverybody("基准测试：首次评价");
        assertThat(first.failure()).isNull();
        assertThat(first.people()).isEqualTo(people);
        lines.add(line("recompute everybody, first evaluation (" + first.scoresChanged() + " scores with their first grade written)",
                first.millis(), people, aggregate));

        Recomputation same = scores.recomputeEverybody("基准测试：同日再算");
        assertThat(same.scoresChanged()).isZero();
        lines.add(line("recompute everybody, same day again (" + same.scoresChanged() + " changed)", same.millis(), people, aggregate));

        explainOnePart(model, today);

        // the queue after a push of new people: every score gone, every person queued (no statistics on the queue yet),
        // drained until the queue is empty; target within 2x of the set-based first evaluation of the same people. Twice:
        // in chunks of 5,000 people on two connections throughout (the worker before it took larger chunks for a
        // backlog), then by the worker itself (a first chunk of 5,000, then chunks of its backlog size side by side)
        int chunk = 5000; // the worker's default, chengxin.evaluation.queue-batch
        worker.stop(); // its scheduled drain must not join the first drain
        requeueEverybody();
        explainOneChunk(model, today, chunk);
        long s0 = System.nanoTime();
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<?>> drains = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            drains.add(two.submit(() -> {
                while (scores.recomputePending(chunk) > 0) {
                    // next chunk
                }
            }));
        }
        for (Future<?> f : drains) {
            f.get();
        }
        two.shutdown();
        long smallMillis = (System.nanoTime() - s0) / 1_000_000;
        assertThat(scores.pending()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from evaluation_score", Long.class)).isEqualTo(people);
        lines.add(line("drain the queue of everybody, chunks of " + chunk + " on 2 connections, never analyzed (ratio to the first evaluation "
                + String.format("%.2f", (double) smallMillis / first.millis()) + ")", smallMillis, people, aggregate));

        worker.start();
        requeueEverybody();
        long q0 = System.nanoTime();
        // the worker's own drain: a full first chunk starts the other connections; the scheduled drain may join in
        worker.drain();
        while (scores.pending() > 0) {
            Thread.sleep(20);
        }
        long queueMillis = (System.nanoTime() - q0) / 1_000_000;
        assertThat(scores.pending()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from evaluation_score", Long.class)).isEqualTo(people);
        lines.add(line("drain the queue of everybody, RecomputeWorker (first chunk " + chunk + ", then chunks of "
                + Integer.getInteger("chengxin.evaluation.queue-backlog-batch", 50_000) + "; ratio to the first evaluation "
                + String.format("%.2f", (double) queueMillis / first.millis()) + ")", queueMillis, people, aggregate));

        ((MutableClock) clock).advance(Duration.ofDays(400));
        long laterAggregate = aggregate(model, LocalDate.now(clock));
        Recomputation later = scores.recomputeEverybody("基准测试：400 天后");
        lines.add(line("the aggregate 400 days later, fastest of 3 plans", laterAggregate, people, laterAggregate));
        lines.add(line("recompute everybody 400 days later (" + later.scoresChanged() + " scores, " + later.gradesChanged()
                + " grades changed)", later.millis(), people, laterAggregate));

        Map<String, Integer> changedPoints = new TreeMap<>(model.byKindAndSeverity());
        changedPoints.put("DISHONESTY:MINOR", -6);
        changedPoints.put("DISHONESTY:GENERAL", -31);
        changedPoints.put("GOOD_CREDIT", 31);
        scores.publishModel("bench-2", LocalDate.now(clock), model.basePoints(), changedPoints);
        Recomputation remodel = await();
        assertThat(remodel.failure()).isNull();
        lines.add(line("recompute everybody under a new model (" + remodel.scoresChanged() + " scores, " + remodel.gradesChanged()
                + " grades changed)", remodel.millis(), people, laterAggregate));

        System.out.printf("%n%-100s %10s %14s %8s%n", "run", "ms", "people/s", "ratio");
        lines.forEach(System.out::println);
        System.out.println("ratio = time / the aggregate on the same day; target: within 3x");

        // the stored scores are the ones the explanation gives, record by record
        List<SubjectKey> sample = jdbc.query("select subject_index from evaluation_score tablesample bernoulli (0.1) limit 200",
                (rs, n) -> SubjectKey.of(rs.getBytes(1)));
        assertThat(sample).isNotEmpty();
        for (SubjectKey s : sample) {
            assertThat(scores.scoreOf(s).orElseThrow().points()).as(s.toString()).isEqualTo(scores.explain(s).points());
        }
        ((MutableClock) clock).reset();
    }

    /**
     * Every score dropped and every person with records queued, as after a push of new people: the queue's statistics
     * are those of an empty queue (none), as the planner has them until autovacuum analyzes the table a minute or more
     * after the push (the worker analyzing the queue when its first chunk came back full made its drain 2.3 times
     * slower: README, Benchmarks).
     */
    private void requeueEverybody() {
        jdbc.execute("truncate evaluation_score");
        jdbc.execute("truncate evaluation_pending");
        jdbc.update("delete from pg_statistic where starelid = 'evaluation_pending'::regclass");
        jdbc.update("insert into evaluation_pending (subject_index, record_id) select distinct subject_index, 0 from records_fact");
    }

    /** The plan of one part, as the recomputation runs it, printed (and rolled back). */
    private void explainOnePart(PointsModel model, LocalDate day) {
        FullRecomputation.Statement statement = FullRecomputation.Statement.of(model, day);
        var named = new NamedParameterJdbcTemplate(jdbc);
        Map<String, Object> params = new HashMap<>(statement.params());
        params.put("fromIndex", FullRecomputation.from(5));
        params.put("toIndex", FullRecomputation.to(5));
        params.put("at", Timestamp.from(clock.instant()));
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("set local plan_cache_mode = force_custom_plan");
            System.out.println("PLAN OF ONE PART (of " + FullRecomputation.PARTS + "), same day:");
            named.queryForList("explain (analyze, costs off) " + statement.sql(), params, String.class).forEach(System.out::println);
            tx.setRollbackOnly();
        });
    }

    /** The plan of one chunk of the queue, as the worker runs it, printed (and rolled back). */
    private void explainOneChunk(PointsModel model, LocalDate day, int chunk) {
        FullRecomputation.Statement statement = FullRecomputation.Statement.forQueue(model, day);
        var named = new NamedParameterJdbcTemplate(jdbc);
        Map<String, Object> params = new HashMap<>(statement.params());
        byte[] upto = jdbc.queryForObject("select subject_index from evaluation_pending order by subject_index offset " + (chunk - 1)
                + " limit 1", byte[].class);
        params.put("from", new byte[0]);
        params.put("upto", upto);
        params.put("at", Timestamp.from(clock.instant()));
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("set local plan_cache_mode = force_custom_plan");
            System.out.println("PLAN OF ONE CHUNK OF THE QUEUE (" + chunk + " people):");
            named.queryForList("explain (analyze, costs off) " + statement.sql(), params, String.class).forEach(System.out::println);
            tx.setRollbackOnly();
        });
    }

    private Recomputation await() throws InterruptedException {
        while (scores.recomputation().running()) {
            Thread.sleep(20);
        }
        return scores.recomputation();
    }

    private static String line(String name, long millis, int people, long aggregate) {
        return String.format("%-100s %10d %,14d %8.2f", name, millis, millis == 0 ? 0 : people * 1000L / millis, (double) millis / aggregate);
    }

    /**
     * The baseline: the database sums each person's points under the model, nothing written. Timed three
     * ways in one transaction each (the planner's default, more memory for a hash aggregate, a group
     * aggregate over the index in subject order); the fastest is the baseline, the least favourable to
     * the recomputation.
     */
    private long aggregate(PointsModel model, LocalDate day) {
        FullRecomputation.Statement statement = FullRecomputation.Statement.of(model, day);
        String points = statement.sql().substring(statement.sql().indexOf("sum(") + 4, statement.sql().indexOf(") filter"));
        String sql = """
                select count(*), sum(points) from (
                    select subject_index, :base + coalesce(sum(%s) filter (where f.status in ('ACTIVE', 'OBJECTED') and f.expires_on > :day), 0) as points
                    from records_fact f group by subject_index) t""".formatted(points);
        var named = new NamedParameterJdbcTemplate(jdbc);
        long best = Long.MAX_VALUE;
        StringBuilder shown = new StringBuilder();
        for (String setting : List.of("", "set local work_mem = '256MB'", "set local enable_hashagg = off")) {
            long millis = transactions.execute(tx -> {
                if (!setting.isEmpty()) {
                    jdbc.execute(setting);
                }
                String plan = String.join(" / ", named.queryForList("explain " + sql, statement.params(), String.class)
                        .stream().map(String::strip).filter(l -> l.startsWith("->") || !l.contains("  ")).limit(4).toList());
                long start = System.nanoTime();
                named.queryForMap(sql, statement.params());
                long took = (System.nanoTime() - start) / 1_000_000;
                shown.append(String.format("  aggregate%s: %d ms; plan: %s%n", setting.isEmpty() ? " (defaults)" : " (" + setting + ")",
                        took, plan.length() > 160 ? plan.substring(0, 160) + "…" : plan));
                return took;
            });
            best = Math.min(best, millis);
        }
        System.out.print(shown);
        return best;
    }

    private void generate(int people, long records, LocalDate today) {
        List<Map<String, Object>> items = jdbc.queryForList(
                "select code, kind, severity from catalog_item where version_id = (select max(id) from catalog_version) order by code");
        String[] codes = items.stream().map(i -> (String) i.get("code")).toArray(String[]::new);
        String[] kinds = items.stream().map(i -> (String) i.get("kind")).toArray(String[]::new);
        String[] severities = items.stream().map(i -> (String) i.get("severity")).toArray(String[]::new);
        jdbc.execute("alter table records_record set (autovacuum_enabled = false)");
        long step = 1_000_000;
        for (long from = 1; from <= records; from += step) {
            long to = Math.min(records, from + step - 1);
            jdbc.update("""
                    insert into records_record (subject_index, subject_id, item_code, catalog_version_id, department_code, source_id,
                        decision_date, document_number, content, content_hash, kind, severity, scope, min_period_end, expires_on,
                        status, version, accepted_at, updated_at)
                    select sha256(('bench-person-' || (g * 2654435761 % ?))::bytea), g * 2654435761 % ?, c.code[i],
                        (select max(id) from catalog_version), 'bench', 'BENCH-' || g, d, 'BENCH〔2026〕' || g, '{}', repeat('0', 64),
                        c.kind[i], c.severity[i], 'PUBLIC', d, d + 365 * (1 + g % 3)::int,
                        case when g % 50 = 0 then 'REVOKED' when g % 97 = 0 then 'OBJECTED' when g % 61 = 0 then 'REPAIRED' else 'ACTIVE' end,
                        1, now(), now()
                    from generate_series(?::bigint, ?::bigint) g
                    cross join (select ?::text[] as code, ?::text[] as kind, ?::text[] as severity) c
                    cross join lateral (select (1 + (g * 31 + g / 7) % ?)::int as i, (?::date - (g * 13 % 1800)::int) as d) x""",
                    people, people, from, to, codes, kinds, severities, codes.length, today);
        }
        jdbc.execute("alter table records_record reset (autovacuum_enabled)");
        // what autovacuum does after a large load: statistics and the visibility map for index-only scans
        jdbc.execute("vacuum analyze records_record");
    }
}
