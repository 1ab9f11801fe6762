package org.chengxin.shared.cluster;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job once across every instance of the platform on the same database. Each instance's scheduler
 * still fires; the first to arrive runs the job, the others skip it:
 * <ul>
 * <li>while a run lasts, it holds a PostgreSQL session advisory lock on a connection of its own
 * ({@code pg_try_advisory_lock}): another instance that fires meanwhile does not wait, it skips. If the instance dies
 * the connection closes and PostgreSQL frees the lock: no stale lock to clear by hand;</li>
 * <li>a run starts only if the job's last start (table {@code cluster_job}, the database's clock, not the
 * instances') is at least {@code minGap} ago: two instances whose nightly cron fires at the same second, or whose
 * start-up runs follow each other, run it once.</li>
 * </ul>
 * Every run is logged in {@code cluster_job_run} (job, instance, start, end, outcome; kept {@value #KEPT_DAYS} days),
 * which the two-instance script reads to show that no job ran twice.
 */
@Component
public class ClusterJobs {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);
    /** The first key of the two-key advisory locks of jobs ("cxjb"); the second is the hash of the job's name. */
    static final int LOCK_SPACE = 0x63786a62;
    static final int KEPT_DAYS = 7;

    private final DataSource dataSource;
    private final String instance;

    ClusterJobs(DataSource dataSource, @Value("${chengxin.cluster.instance-name:}") String instance) {
        this.dataSource = dataSource;
        this.instance = instance == null || instance.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : instance.strip();
    }

    /** This instance's name in the job log (chengxin.cluster.instance-name, else the JVM's pid@host). */
    public String instance() {
        return instance;
    }

    /**
     * Runs {@code job} here unless another instance is running it or started it less than {@code minGap} ago.
     *
     * @return true when it ran here (whatever its outcome: an exception is logged and passed on)
     */
    public boolean runOnce(String name, Duration minGap, Runnable job) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!tryLock(c, name)) {
                log.debug("定时任务 {} 正由另一实例执行，本实例跳过", name);
                return false;
            }
            try {
                Long run = claim(c, name, minGap);
                if (run == null) {
                    log.debug("定时任务 {} 刚由另一实例执行过，本实例跳过", name);
                    return false;
                }
                String outcome = "FAILED";
                try {
                    job.run();
                    outcome = "OK";
                } finally {
                    finish(c, run, outcome);
                }
                return true;
            } finally {
                unlock(c, name);
            }
        } catch (SQLException e) {
            log.warn("定时任务 {} 未能取得执行权，稍后重试：{}", name, e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * Runs start-up work (a default catalog, points model or measure list stored when the database has none, the first
     * administrator) with no other instance doing the same at the same time: an instance that starts beside another
     * waits for it, then finds the work done. The lock is the same advisory lock as a job's, held while {@code work}
     * runs and freed with the connection if the instance dies.
     */
    public void exclusively(String name, Runnable work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement("select pg_advisory_lock(?, hashtext(?))")) {
                s.setInt(1, LOCK_SPACE);
                s.setString(2, name);
                s.execute();
            }
            try {
                work.run();
            } finally {
                unlock(c, name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("未能取得启动任务 " + name + " 的执行权", e);
        }
    }

    private static boolean tryLock(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
            s.setInt(1, LOCK_SPACE);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, String name) {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
            s.setInt(1, LOCK_SPACE);
            s.setString(2, name);
            s.execute();
        } catch (SQLException e) {
            // the lock belongs to this connection's session: closing it (the pool retires a broken one) frees it
            log.warn("定时任务 {} 的锁未能释放：{}", name, e.getClass().getSimpleName());
        }
    }

    /** Marks the job started now if its last start is old enough; the new run's id, or null to skip. */
    private Long claim(Connection c, String name, Duration minGap) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                with claimed as (
                    insert into cluster_job (job, last_started_at, last_instance) values (?, now(), ?)
                    on conflict (job) do update set last_started_at = excluded.last_started_at, last_instance = excluded.last_instance
                    where cluster_job.last_started_at <= now() - make_interval(secs => ?)
                    returning job),
                pruned as (
                    delete from cluster_job_run where job = ? and started_at < now() - make_interval(days => ?))
                insert into cluster_job_run (job, instance, started_at) select job, ?, now() from claimed
                returning id""")) {
            s.setString(1, name);
            s.setString(2, instance);
            s.setDouble(3, minGap.toMillis() / 1000.0);
            s.setString(4, name);
            s.setInt(5, KEPT_DAYS);
            s.setString(6, instance);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void finish(Connection c, long run, String outcome) {
        try (PreparedStatement s = c.prepareStatement("update cluster_job_run set finished_at = clock_timestamp(), outcome = ? where id = ?")) {
            s.setString(1, outcome);
            s.setLong(2, run);
            s.execute();
        } catch (SQLException e) {
            log.warn("定时任务运行记录未能更新：{}", e.getClass().getSimpleName());
        }
    }
}
