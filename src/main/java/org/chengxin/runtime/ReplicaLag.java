package org.chengxin.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replica's pool and how far it is behind the primary, measured every {@code checkInterval} on the replica
 * itself ({@link #estimate}). An unreachable replica counts as lagging without bound.
 */
public class ReplicaLag implements AutoCloseable {

    /** What the replica says about its replay; a server that is not in recovery (a primary, as in the tests) has no lag. */
    static final String LAG_SQL = """
            select pg_is_in_recovery(), exists (select 1 from pg_stat_wal_receiver),
                   (pg_last_wal_receive_lsn() - '0/0'::pg_lsn)::bigint, (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint,
                   extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp())::float8""";

    private static final Logger log = LoggerFactory.getLogger(ReplicaLag.class);

    private final HikariDataSource replica;
    private final Duration maxLag;
    private final ScheduledExecutorService scheduler;
    private volatile Duration lag;
    private volatile String problem = "尚未测量";
    private volatile Instant measuredAt;
    private volatile boolean usable;
    /** WAL positions the replica had received at each check and not replayed yet, oldest first. */
    private final Deque<Sample> unreplayed = new ArrayDeque<>();
    private Instant caughtUpAt;

    private record Sample(Instant at, long receivedLsn) {
    }

    ReplicaLag(ReplicaProperties properties) {
        this.maxLag = properties.maxLag();
        this.replica = new HikariDataSource();
        replica.setJdbcUrl(properties.url());
        replica.setUsername(properties.username());
        replica.setPassword(properties.password());
        replica.setPoolName("chengxin-replica");
        replica.setMaximumPoolSize(properties.poolSize());
        replica.setReadOnly(true);
        // the pool may start while the replica is down: reads stay on the primary until it answers
        replica.setInitializationFailTimeout(-1);
        replica.setConnectionTimeout(2_000);
        // visible in pg_stat_activity and in current_setting('application_name'): which server a read went to
        replica.addDataSourceProperty("ApplicationName", "chengxin-replica");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "replica-lag");
            t.setDaemon(true);
            return t;
        });
        measure();
        long every = Math.max(100, properties.checkInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::measure, every, every, TimeUnit.MILLISECONDS);
    }

    /** The replica's pool. */
    HikariDataSource dataSource() {
        return replica;
    }

    /** Whether read-only transactions go to the replica now: it answered and is within the bound. */
    public boolean usable() {
        return usable;
    }

    /** The last measured lag, or null when the replica did not answer. */
    public Duration lag() {
        return lag;
    }

    public Duration maxLag() {
        return maxLag;
    }

    /** Why the replica is not used, or null. */
    public String problem() {
        return problem;
    }

    public Instant measuredAt() {
        return measuredAt;
    }

    void measure() {
        try (Connection c = replica.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(LAG_SQL)) {
            rs.next();
            Long received = rs.getObject(3, Long.class);
            Long replayed = rs.getObject(4, Long.class);
            double age = rs.getDouble(5);
            observed(estimate(Instant.now(), rs.getBoolean(1), rs.getBoolean(2), received, replayed, rs.wasNull() ? null : age));
        } catch (SQLException | RuntimeException e) {
            unreachable(e.getMessage());
        }
    }

    /**
     * How far behind the replica is: nothing while it has replayed all it received over a running WAL receiver;
     * otherwise how long it has held received WAL without replaying it (to within the check interval: a replay in
     * progress at one check is not lag yet); cut off from the primary (no WAL receiver), the time since it was last
     * caught up, or the age of the last transaction it replayed when it never was. Not pg_last_xact_replay_timestamp()
     * alone: after a quiet hour on the primary it is an hour old although nothing is missing.
     */
    synchronized Duration estimate(Instant now, boolean inRecovery, boolean receiving, Long receivedLsn, Long replayedLsn,
            Double lastReplayAgeSeconds) {
        if (!inRecovery) {
            unreplayed.clear();
            caughtUpAt = now;
            return Duration.ZERO;
        }
        if (!receiving || receivedLsn == null || replayedLsn == null) {
            unreplayed.clear();
            if (caughtUpAt != null) {
                return Duration.between(caughtUpAt, now);
            }
            return lastReplayAgeSeconds == null ? Duration.ofDays(365) : Duration.ofMillis(Math.round(lastReplayAgeSeconds * 1000));
        }
        while (!unreplayed.isEmpty() && unreplayed.peekFirst().receivedLsn() <= replayedLsn) {
            unreplayed.removeFirst();
        }
        if (receivedLsn <= replayedLsn) {
            unreplayed.clear();
            caughtUpAt = now;
            return Duration.ZERO;
        }
        if (unreplayed.isEmpty() || unreplayed.peekLast().receivedLsn() < receivedLsn) {
            unreplayed.addLast(new Sample(now, receivedLsn));
        }
        return Duration.between(unreplayed.peekFirst().at(), now);
    }

    /** A measured lag: the replica serves reads while it is within the bound. */
    void observed(Duration measured) {
        boolean was = usable;
        lag = measured;
        measuredAt = Instant.now();
        usable = measured.compareTo(maxLag) <= 0;
        problem = usable ? null : "只读副本落后主库 " + measured.toSeconds() + " 秒，超过上限 " + maxLag.toSeconds() + " 秒";
        if (was != usable) {
            if (usable) {
                log.info("只读副本恢复可用（延迟 {} ms），只读事务改回副本执行", measured.toMillis());
            } else {
                log.warn("{}：只读事务改在主库执行", problem);
            }
        }
    }

    void unreachable(String reason) {
        boolean was = usable;
        lag = null;
        measuredAt = Instant.now();
        usable = false;
        problem = "只读副本无法连接";
        if (was) {
            log.warn("只读副本无法连接（{}）：只读事务改在主库执行", reason);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        replica.close();
    }
}
