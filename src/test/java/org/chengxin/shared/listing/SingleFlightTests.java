package org.chengxin.shared.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SingleFlightTests {

    private final SingleFlight flight = new SingleFlight();

    /** Eight requests find a total expired at once while the first counts: one count, the others the previous total. */
    @Test
    void othersAnswerTheStaleValueWhileOneComputes() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<Long> first = pool.submit(() -> flight.get("total", 41L, () -> {
                computed.incrementAndGet();
                counting.countDown();
                await(release);
                return 42L;
            }));
            assertThat(counting.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<Long>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(() -> flight.get("total", 41L, () -> {
                    computed.incrementAndGet();
                    return -1L;
                })));
            }
            for (Future<Long> f : others) {
                assertThat(f.get(5, TimeUnit.SECONDS)).as("the previous total, without counting again").isEqualTo(41L);
            }
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(42L);
            assertThat(computed).hasValue(1);
            assertThat(flight.get("total", 42L, () -> 43L)).as("once done, the next request computes again").isEqualTo(43L);
        } finally {
            pool.shutdownNow();
        }
    }

    /** With nothing counted before, the others wait for the running count and get its value. */
    @Test
    void withoutAStaleValueTheOthersWaitForTheRunningComputation() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Long> first = pool.submit(() -> flight.get("total", null, () -> {
                computed.incrementAndGet();
                counting.countDown();
                await(release);
                return 7L;
            }));
            assertThat(counting.await(5, TimeUnit.SECONDS)).isTrue();
            Future<Long> second = pool.submit(() -> flight.get("total", null, () -> {
                computed.incrementAndGet();
                return -1L;
            }));
            Thread.sleep(100);
            assertThat(second.isDone()).as("waits for the count running").isFalse();
            release.countDown();
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(7L);
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(7L);
            assertThat(computed).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A failed count fails the caller; the next request counts again. Different keys never wait for each other. */
    @Test
    void aFailureIsNotKeptAndKeysAreIndependent() {
        assertThatThrownBy(() -> flight.get("total", null, () -> {
            throw new IllegalStateException("数据库不可用");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(flight.get("total", null, () -> 5L)).isEqualTo(5L);
        assertThat(flight.get("a", null, () -> flight.get("b", null, () -> 6L))).isEqualTo(6L);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
