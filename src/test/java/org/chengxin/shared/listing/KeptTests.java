package org.chengxin.shared.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class KeptTests {

    /** A clock the test moves. */
    private static final class MovedClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-07T08:00:00Z");

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Background tasks held until the test runs them, so that it sees what a request answers meanwhile. */
    private static final class HeldTasks implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        synchronized int runAll() {
            int n = tasks.size();
            List<Runnable> now = new ArrayList<>(tasks);
            tasks.clear();
            now.forEach(Runnable::run);
            return n;
        }
    }

    /** Once counted, an old value is answered at once while one recount runs in the background; never in the request. */
    @Test
    void anOldValueIsAnsweredWhileOneRecountRunsInTheBackground() {
        MovedClock clock = new MovedClock();
        HeldTasks background = new HeldTasks();
        AtomicInteger counted = new AtomicInteger();
        AtomicReference<Long> source = new AtomicReference<>(10L);
        Kept<Long> kept = new Kept<>("test", () -> {
            counted.incrementAndGet();
            return source.get();
        }, Duration.ofMinutes(10), clock, background);

        assertThat(kept.isCounted()).isFalse();
        assertThat(kept.get()).as("the first request, with nothing held, waits for the count").isEqualTo(10L);
        assertThat(counted).hasValue(1);
        assertThat(background.tasks).isEmpty();

        source.set(11L);
        clock.move(Duration.ofMinutes(9));
        assertThat(kept.get()).as("within ten minutes: the value held, no count").isEqualTo(10L);
        assertThat(counted).hasValue(1);
        assertThat(background.tasks).isEmpty();

        clock.move(Duration.ofMinutes(2));
        for (int i = 0; i < 5; i++) {
            assertThat(kept.get()).as("older than ten minutes: still the value held, answered at once").isEqualTo(10L);
        }
        assertThat(counted).as("no request counted").hasValue(1);
        assertThat(background.runAll()).as("one recount for the five requests").isEqualTo(1);
        assertThat(counted).hasValue(2);
        assertThat(kept.get()).as("the next request gets the new value").isEqualTo(11L);
        assertThat(background.tasks).isEmpty();
    }

    /** A recount that fails keeps the value held; the next request after it tries again. */
    @Test
    void aFailedRecountKeepsTheValueHeld() {
        MovedClock clock = new MovedClock();
        HeldTasks background = new HeldTasks();
        AtomicInteger calls = new AtomicInteger();
        Kept<Long> kept = new Kept<>("test", () -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("数据库暂时不可用");
            }
            return (long) calls.get();
        }, Duration.ofMinutes(1), clock, background);
        assertThat(kept.get()).isEqualTo(1L);
        clock.move(Duration.ofMinutes(2));
        assertThat(kept.get()).isEqualTo(1L);
        background.runAll();
        assertThat(kept.get()).as("the failed recount left the value; this request started another").isEqualTo(1L);
        assertThat(background.runAll()).isEqualTo(1);
        assertThat(kept.get()).isEqualTo(3L);
    }

    /** Warmed at start-up: counted in the caller's thread; a request arriving meanwhile waits for that count, no second one. */
    @Test
    void warmingCountsNowAndARequestMeanwhileWaitsForIt() throws Exception {
        MovedClock clock = new MovedClock();
        HeldTasks background = new HeldTasks();
        AtomicInteger counted = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Kept<Long> kept = new Kept<>("test", () -> {
                counted.incrementAndGet();
                started.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 42L;
            }, Duration.ofMinutes(10), clock, background);
            Future<?> warming = pool.submit(kept::warm);
            assertThat(started.await(5, TimeUnit.SECONDS)).as("warming started the count").isTrue();
            Future<Long> request = pool.submit(kept::get);
            Thread.sleep(100);
            assertThat(request.isDone()).as("the request waits for the running first count").isFalse();
            assertThat(warming.isDone()).as("warming returns when the count is taken").isFalse();
            release.countDown();
            warming.get(5, TimeUnit.SECONDS);
            assertThat(request.get(5, TimeUnit.SECONDS)).isEqualTo(42L);
            assertThat(counted).as("one count: the warm-up's, shared with the request").hasValue(1);
            assertThat(kept.isCounted()).isTrue();
            kept.warm();
            assertThat(counted).as("warming again with a value held counts nothing").hasValue(1);
            assertThat(background.tasks).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A count that fails at start-up does not stop the platform: the first request counts. */
    @Test
    void aFailedWarmUpIsLeftToTheFirstRequest() {
        AtomicInteger calls = new AtomicInteger();
        Kept<Integer> kept = new Kept<>("test", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("数据库暂时不可用");
            }
            return 7;
        }, Duration.ofMinutes(10), new MovedClock(), new HeldTasks());
        kept.warm();
        assertThat(kept.isCounted()).isFalse();
        assertThat(kept.get()).isEqualTo(7);
        assertThat(calls).hasValue(2);
    }

    /** With nothing kept (the tests' configuration) every request counts afresh and warming does nothing. */
    @Test
    void keptForNoTimeCountsEveryRequest() {
        HeldTasks background = new HeldTasks();
        AtomicInteger counted = new AtomicInteger();
        Kept<Integer> kept = new Kept<>("test", counted::incrementAndGet, Duration.ZERO, new MovedClock(), background);
        kept.warm();
        assertThat(background.tasks).isEmpty();
        assertThat(kept.get()).isEqualTo(1);
        assertThat(kept.get()).isEqualTo(2);
    }
}
