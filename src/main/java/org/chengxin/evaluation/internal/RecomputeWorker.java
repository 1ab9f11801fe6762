package org.chengxin.evaluation.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.chengxin.evaluation.Scores;
import org.chengxin.shared.cluster.ClusterJobs;
import org.chengxin.shared.lifecycle.StopsBesideOthers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the recomputation queue in the background (dynamic update, policy 七), and recomputes
 * everybody once a night so that records that simply aged out of their period are taken off too.
 * A backlog (a full first chunk, as after a large push) is drained by several connections side by side, as the full
 * recomputation's parts are, in larger chunks ({@code chengxin.evaluation.queue-backlog-batch}); the chunks take different
 * people.
 */
@Component
class RecomputeWorker implements StopsBesideOthers {

    private static final Logger log = LoggerFactory.getLogger(RecomputeWorker.class);

    private final Scores scores;
    private final int batch;
    private final int backlogBatch;
    private final int parallelism;
    private final ExecutorService helpers;
    private final ClusterJobs jobs;
    private volatile boolean stopping;
    /** Drains running now: the scheduler's and its helpers' (a chunk each at most). */
    private final AtomicInteger active = new AtomicInteger();
    private static final int STOP_WAIT_SECONDS = 15;

    /**
     * @param batch       people taken off the queue together, in one statement (a push of a million rows queues about a
     *                    million people; a change by hand, one)
     * @param backlogBatch people a chunk takes once the first chunk found a backlog: a chunk costs its statement's
     *                    start and the walk to its range whatever its size, so larger chunks bring a big push's queue
     *                    closer to the full recomputation's cost per person (its parts take about 30,000 people each);
     *                    each still ends within a second or two, so a stop does not wait long
     * @param parallelism connections that drain a backlog side by side
     */
    RecomputeWorker(Scores scores, @Value("${chengxin.evaluation.queue-batch:5000}") int batch,
            @Value("${chengxin.evaluation.queue-backlog-batch:50000}") int backlogBatch,
            @Value("${chengxin.evaluation.queue-parallelism:${chengxin.evaluation.recompute-parallelism:2}}") int parallelism,
            ClusterJobs jobs) {
        this.jobs = jobs;
        this.scores = scores;
        this.batch = Math.max(1, batch);
        this.backlogBatch = Math.max(this.batch, backlogBatch);
        this.parallelism = Math.max(1, parallelism);
        this.helpers = Executors.newFixedThreadPool(Math.max(1, this.parallelism - 1), r -> {
            Thread t = new Thread(r, "evaluation-queue");
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(fixedDelayString = "${chengxin.evaluation.queue-interval:PT2S}",
            initialDelayString = "${chengxin.evaluation.queue-initial-delay:PT5S}")
    void drain() {
        if (stopping) {
            return;
        }
        active.incrementAndGet();
        try {
            drainNow();
        } finally {
            active.decrementAndGet();
        }
    }

    private void drainNow() {
        int first = scores.recomputePending(batch);
        AtomicInteger total = new AtomicInteger(first);
        if (first == batch) {
            List<Future<?>> others = new ArrayList<>();
            for (int i = 1; i < parallelism; i++) {
                others.add(helpers.submit(() -> drainInto(total)));
            }
            drainInto(total);
            for (Future<?> f : others) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    log.error("重新计算信用积分的队列处理出错", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (total.get() > 0) {
            log.info("已重新计算 {} 人的信用积分与等级", total.get());
        }
    }

    private void drainInto(AtomicInteger total) {
        active.incrementAndGet();
        try {
            // a stop ends the drain between chunks: a chunk's people leave the queue with their scores written, the
            // others stay queued for the next start
            for (int n = stopping ? 0 : scores.recomputePending(backlogBatch); n > 0 && !stopping;
                    n = scores.recomputePending(backlogBatch)) {
                total.addAndGet(n);
            }
        } finally {
            active.decrementAndGet();
        }
    }

    @Override
    public void start() {
        stopping = false;
    }

    /**
     * A stop lets the chunks being computed end (each a few seconds at most) and takes no new one; waits for that
     * at most {@value #STOP_WAIT_SECONDS} seconds, beside the other components of its phase, not after them.
     */
    @Override
    public void stop() {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        while (active.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (active.get() > 0) {
            log.warn("平台停止：重新计算队列的当前批次未在 {} 秒内结束", STOP_WAIT_SECONDS);
        }
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

    @Scheduled(cron = "${chengxin.jobs.recomputation-cron:0 30 0 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        // once across instances; the queue above is drained by every instance, in chunks that take different people
        jobs.runOnce("evaluation.nightly", Duration.ofHours(1), () -> {
            try {
                scores.recomputeEverybody("夜间全量重算");
            } catch (IllegalStateException e) {
                log.warn("夜间全量重算未开始：另一次全量重算正在进行");
            }
        });
    }

    @PreDestroy
    void shutdown() {
        helpers.shutdownNow();
    }
}
