package org.chengxin.portal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.chengxin.shared.error.ChengxinException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public lists' rate limit: a token bucket per client address, in memory, refilled evenly over a minute.
 * Enough for one node behind the city's gateway (which sets the client address); a refusal is
 * {@code PUBLIC_RATE_LIMITED} (429), never a slower answer.
 */
@Component
class PublicRateLimit {

    static final String CODE = "PUBLIC_RATE_LIMITED";
    private static final int MAX_ADDRESSES = 50_000;
    private static final double NANOS_PER_MINUTE = 60e9;

    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    PublicRateLimit(@Value("${chengxin.portal.public-requests-per-minute:120}") int perMinute) {
        this.perMinute = Math.max(1, perMinute);
    }

    /** Takes one request from the caller's bucket, or refuses it. */
    void check(HttpServletRequest request) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_ADDRESSES) {
            // forget the addresses whose buckets are full again: they lose nothing
            buckets.values().removeIf(b -> b.fullAt(now, perMinute));
        }
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), a -> new Bucket(perMinute, now));
        if (!bucket.take(now, perMinute)) {
            throw ChengxinException.tooMany(CODE, "查询过于频繁，请稍后再试（每个网络地址每分钟最多查询" + perMinute + "次）");
        }
    }

    private static final class Bucket {

        private double tokens;
        private long last;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.last = now;
        }

        synchronized boolean take(long now, int capacity) {
            refill(now, capacity);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean fullAt(long now, int capacity) {
            refill(now, capacity);
            return tokens >= capacity;
        }

        private void refill(long now, int capacity) {
            // a thread that read the time before another one refilled comes in with an earlier time: no time passed
            // for it (a negative interval took tokens away, thousands at a large limit: the city's mix met 429s)
            if (now > last) {
                tokens = Math.min(capacity, tokens + (double) (now - last) * capacity / NANOS_PER_MINUTE);
                last = now;
            }
        }
    }
}
