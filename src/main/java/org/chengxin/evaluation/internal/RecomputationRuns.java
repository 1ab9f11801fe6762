package org.chengxin.evaluation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.chengxin.evaluation.Recomputation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The log of the full recomputations (table {@code evaluation_run}): one row a run, written by the instance that runs
 * it when it begins, after every part and every {@value #HEARTBEAT_SECONDS} seconds (its heartbeat), and when it ends
 * (完成, 失败, 平台停止). A run whose instance died (kill -9, power lost) stops beating: once its heartbeat is older than
 * {@code chengxin.evaluation.interrupted-after} (2 minutes) it is marked {@code INTERRUPTED} (已中断), at start-up and
 * every 15 seconds after, by any instance. The administrator's page reads the latest run here, so it shows a run of another
 * instance and one cut short by a crash. The heartbeat and the sweep use the database's clock, never a moved
 * platform clock.
 */
@Component
class RecomputationRuns {

    private static final Logger log = LoggerFactory.getLogger(RecomputationRuns.class);
    static final int HEARTBEAT_SECONDS = 10;
    static final String INTERRUPTED = "平台重启或进程意外终止，全量重算未完成（已完成的部分已保存，其余未变）；下次全量重算（夜间或手动）重算全部";

    private final JdbcClient jdbc;
    private final Duration interruptedAfter;

    RecomputationRuns(JdbcClient jdbc, @Value("${chengxin.evaluation.interrupted-after:PT2M}") Duration interruptedAfter) {
        this.jdbc = jdbc;
        this.interruptedAfter = interruptedAfter;
    }

    /** A run begins: its id. */
    long begin(String trigger, String instance, String modelVersion, Instant startedAt, int partsTotal) {
        return jdbc.sql("""
                insert into evaluation_run (trigger, instance, model_version, started_at, parts_total)
                values (:trigger, :instance, :model, :started, :parts) returning id""")
                .param("trigger", trigger).param("instance", instance).param("model", modelVersion)
                .param("started", Timestamp.from(startedAt)).param("parts", partsTotal).query(Long.class).single();
    }

    /** A part is done: the run's counts so far, and its heartbeat. */
    void progress(long run, Recomputation now) {
        jdbc.sql("""
                update evaluation_run set parts_done = :parts, people = :people, scores_changed = :changed,
                    grades_changed = :grades, millis = :millis, heartbeat_at = now()
                where id = :id and outcome = 'RUNNING' and parts_done <= :parts""")
                .param("parts", now.partsDone()).param("people", now.people()).param("changed", now.scoresChanged())
                .param("grades", now.gradesChanged()).param("millis", now.millis()).param("id", run).update();
    }

    /** The run is alive (between parts, a long part). */
    void beat(long run) {
        jdbc.sql("update evaluation_run set heartbeat_at = now() where id = :id and outcome = 'RUNNING'").param("id", run).update();
    }

    /** The run ended: COMPLETED, FAILED or STOPPED (the platform stopping), with its last counts. */
    void end(long run, String outcome, Recomputation done) {
        jdbc.sql("""
                update evaluation_run set outcome = :outcome, failure = :failure, finished_at = now(), heartbeat_at = now(),
                    parts_done = :parts, people = :people, scores_changed = :changed, grades_changed = :grades, millis = :millis
                where id = :id""")
                .param("outcome", outcome).param("failure", done.failure()).param("parts", done.partsDone())
                .param("people", done.people()).param("changed", done.scoresChanged()).param("grades", done.gradesChanged())
                .param("millis", done.millis()).param("id", run).update();
    }

    /** The latest run, whatever instance ran it: its id and what the page shows. */
    Optional<Latest> latest() {
        return jdbc.sql("""
                select id, outcome, trigger, started_at, finished_at, parts_done, parts_total, people, scores_changed,
                    grades_changed, failure, millis
                from evaluation_run order by id desc limit 1""").query(RecomputationRuns::latestOf).optional();
    }

    record Latest(long id, Recomputation recomputation) {
    }

    private static Latest latestOf(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        boolean running = "RUNNING".equals(rs.getString("outcome"));
        return new Latest(rs.getLong("id"), new Recomputation(running, rs.getString("trigger"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getInt("parts_done"), rs.getInt("parts_total"), rs.getLong("people"),
                rs.getLong("scores_changed"), rs.getLong("grades_changed"), rs.getString("failure"), rs.getLong("millis")));
    }

    /** Marks the runs whose instance stopped beating as interrupted; their count. */
    int sweep() {
        int n = jdbc.sql("""
                update evaluation_run set outcome = 'INTERRUPTED', failure = :why, finished_at = now()
                where outcome = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :after)""")
                .param("why", INTERRUPTED).param("after", interruptedAfter.toMillis() / 1000.0).update();
        if (n > 0) {
            log.warn("{} 次全量重算的执行实例已停止心跳，标记为已中断：已完成的部分已保存，下次全量重算重算全部", n);
        }
        return n;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepAtStart() {
        sweepQuietly();
    }

    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT15S")
    void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("全量重算运行记录的检查未能完成，稍后重试：{}", e.getClass().getSimpleName());
        }
    }
}
