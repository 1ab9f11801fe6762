package org.chengxin.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replica's pool and how far it is behind the primary, measured every {@code checkInterval} on the replica
 * itself: no lag while it has replayed all the WAL it received over a streaming connection, otherwise the age of
 * the last transaction it replayed. An unreachable replica counts as lagging without bound.
 */
public class ReplicaLag implements AutoCloseable {

    /**
     * Measured on the replica; a server that is not in recovery (a primary, as in the tests) has no lag. Caught up: its WAL
     * receiver runs (pg_stat_wal_receiver shows a row, its details only to pg_read_all_stats) and it has replayed all it
     * received. Otherwise the age of the last transaction replayed, which grows while it is cut off or replays slowly.
     */
    static final String LAG_SQL = """
            select case
                     when not pg_is_in_recovery() then 0
                     when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
                          and exists (select 1 from pg_stat_wal_receiver) then 0
                     else coalesce(extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()), 1e9)
                   end""";

    private static final Logger log = LoggerFactory.getLogger(ReplicaLag.class);

    private final HikariDataSource replica;
    private final Duration maxLag;
    private final ScheduledExecutorService scheduler;
    private volatile Duration lag;
    private volatile String problem = "尚未测量";
    private volatile Instant measuredAt;
    private volatile boolean usable;

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
            observed(Duration.ofMillis(Math.round(rs.getDouble(1) * 1000)));
        } catch (SQLException | RuntimeException e) {
            unreachable(e.getMessage());
        }
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
