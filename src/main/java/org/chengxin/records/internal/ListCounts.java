package org.chengxin.records.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.chengxin.shared.listing.SingleFlight;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The totals of a department's records list, kept {@code chengxin.records.list-counts-kept} (30 seconds): counting a
 * million records of a department for every page turn costs more than the page itself (see README, "Records list").
 * The rows on a page are always read afresh; a push or a revocation through the platform drops the department's
 * totals at once, other status changes (objection, repair, the nightly expiry) show in the totals within that time.
 * Zero turns the keeping off (the tests).
 */
@Component
class ListCounts {

    private static final int MAX_KEPT = 10_000;

    private final Clock clock;
    private final Duration kept;
    private final Map<String, Map<String, Counted>> byDepartment = new ConcurrentHashMap<>();
    /** One count at a time per department and filter: the others answer the previous total meanwhile, or wait. */
    private final SingleFlight counting = new SingleFlight();

    ListCounts(Clock clock, @Value("${chengxin.records.list-counts-kept:PT30S}") Duration kept) {
        this.clock = clock;
        this.kept = kept;
    }

    private record Counted(long value, Instant until) {
    }

    long count(String department, String key, LongSupplier count) {
        if (kept.isZero()) {
            return count.getAsLong();
        }
        Instant now = Instant.now(clock);
        Map<String, Counted> counts = byDepartment.computeIfAbsent(department, d -> new ConcurrentHashMap<>());
        Counted known = counts.get(key);
        if (known != null && known.until().isAfter(now)) {
            return known.value();
        }
        return counting.get(department + "\u0000" + key, known == null ? null : known.value(), () -> {
            long value = count.getAsLong();
            if (counts.size() >= MAX_KEPT) {
                counts.clear();
            }
            counts.put(key, new Counted(value, Instant.now(clock).plus(kept)));
            return value;
        });
    }

    /** The department's records changed: its totals are counted again. */
    void forget(String department) {
        byDepartment.remove(department);
    }
}
