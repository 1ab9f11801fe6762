package org.chengxin.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.chengxin.support.ChengxinIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A scheduled job guarded by {@link ClusterJobs} runs once when two instances' schedulers fire together. */
@ChengxinIntegrationTest
class ClusterJobsIntegrationTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoInstancesFiringAtOnceRunTheJobOnce() throws Exception {
        ClusterJobs a = new ClusterJobs(dataSource, "instance-a");
        ClusterJobs b = new ClusterJobs(dataSource, "instance-b");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String job = "test.race-" + UUID.randomUUID();
                AtomicInteger runs = new AtomicInteger();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> fired = new ArrayList<>();
                for (ClusterJobs instance : List.of(a, b)) {
                    fired.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return instance.runOnce(job, Duration.ofHours(1), runs::incrementAndGet);
                    }));
                }
                int ranHere = 0;
                for (Future<Boolean> f : fired) {
                    ranHere += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(runs).as("round %d", round).hasValue(1);
                assertThat(ranHere).isEqualTo(1);
                assertThat(jdbc.queryForObject("select count(*) from cluster_job_run where job = ? and outcome = 'OK'", Long.class, job))
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whileOneInstanceRunsTheJobTheOtherSkipsItWithoutWaiting() throws Exception {
        ClusterJobs a = new ClusterJobs(dataSource, "instance-a");
        ClusterJobs b = new ClusterJobs(dataSource, "instance-b");
        String job = "test.long-" + UUID.randomUUID();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // no gap: only the lock held during the run keeps the second instance out
            Future<Boolean> first = pool.submit(() -> a.runOnce(job, Duration.ZERO, () -> {
                started.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            AtomicInteger second = new AtomicInteger();

            assertThat(b.runOnce(job, Duration.ZERO, second::incrementAndGet)).isFalse();
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second).hasValue(0);
            // the run is over and the lock freed: with no gap the next firing runs it again
            assertThat(b.runOnce(job, Duration.ZERO, second::incrementAndGet)).isTrue();
            assertThat(second).hasValue(1);
            assertThat(jdbc.queryForList("select instance from cluster_job_run where job = ? order by id", String.class, job))
                    .containsExactly("instance-a", "instance-b");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void startUpWorkOfTwoInstancesStartingTogetherRunsOneAfterTheOther() throws Exception {
        ClusterJobs a = new ClusterJobs(dataSource, "instance-a");
        ClusterJobs b = new ClusterJobs(dataSource, "instance-b");
        String name = "test.start-up-" + UUID.randomUUID();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger secondRan = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> a.exclusively(name, () -> {
                inside.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> second = pool.submit(() -> b.exclusively(name, secondRan::incrementAndGet));
            // the second instance waits for the lock (PostgreSQL shows its request not granted), it does not skip
            for (int i = 0; i < 600 && waiting() == 0; i++) {
                Thread.sleep(50);
            }
            assertThat(waiting()).isEqualTo(1);
            assertThat(secondRan).hasValue(0);

            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
            assertThat(secondRan).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private long waiting() {
        Long n = jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' and not granted and classid = ?",
                Long.class, ClusterJobs.LOCK_SPACE);
        return n == null ? 0 : n;
    }

    @Test
    void aRunThatFailsIsLoggedAndFreesTheLock() {
        ClusterJobs a = new ClusterJobs(dataSource, "instance-a");
        String job = "test.fails-" + UUID.randomUUID();
        try {
            a.runOnce(job, Duration.ZERO, () -> {
                throw new IllegalStateException("失败");
            });
        } catch (IllegalStateException expected) {
            // passed on to the scheduler, which logs it
        }
        assertThat(jdbc.queryForObject("select outcome from cluster_job_run where job = ?", String.class, job)).isEqualTo("FAILED");
        assertThat(a.runOnce(job, Duration.ZERO, () -> { })).isTrue();
    }
}
