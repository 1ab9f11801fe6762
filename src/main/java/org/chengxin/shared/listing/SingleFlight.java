package org.chengxin.shared.listing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One computation at a time per key, for the totals the lists keep for a while (a count over a million rows takes
 * most of a second). Without it every request that found a total expired counted it again at the same moment: in the
 * soak, the 双公示 total expired once a minute and was counted about nine times a minute, 0.9 s each. A request that
 * finds the key being computed gets the value it had before ({@code stale}) when there is one, and waits for the
 * running computation otherwise. A failed computation fails its waiters with the same exception; the next request
 * tries again.
 */
public final class SingleFlight {

    private final ConcurrentHashMap<Object, CompletableFuture<Object>> running = new ConcurrentHashMap<>();

    /**
     * {@code compute}'s value for {@code key}, computed here unless another thread is computing it.
     *
     * @param stale the value to answer while another thread computes, or null to wait for it
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, T stale, Supplier<T> compute) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> other = running.putIfAbsent(key, mine);
        if (other != null) {
            if (stale != null) {
                return stale;
            }
            try {
                return (T) other.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        try {
            T value = compute.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }
}
