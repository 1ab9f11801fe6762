import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: requests leave at a constant arrival rate whatever the answers do, and each
 * request's latency is counted from the moment it was due to leave (not from when a connection was free), so a
 * stall shows in the figures instead of slowing the load down (no coordinated omission). HTTP/1.1 over as many
 * connections as the answers need.
 * <p>
 * Usage: {@code java bench/OpenLoad.java RATE SECONDS URL TOKEN [NUMBERS_FILE MATTER]}
 * <ul>
 * <li>with NUMBERS_FILE (one ID number a line) and MATTER: every request is a
 * {@code POST {"idNumber":…,"matterCode":MATTER}} of a random person of the file (the number in the body only,
 * never in the URL, never printed);</li>
 * <li>without: every request is a {@code GET} of URL.</li>
 * </ul>
 * Every request carries {@code Authorization: Bearer TOKEN}. Prints one line
 * {@code sent N ok N errors N rate R p50 X p99 X p999 X max X over1s N} (milliseconds); an error is an answer
 * other than 2xx, a failed connection or no answer within 10 s (counted over 1 s too).
 */
public class OpenLoad {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    public static void main(String[] args) throws Exception {
        double rate = Double.parseDouble(args[0]);
        double seconds = Double.parseDouble(args[1]);
        URI uri = URI.create(args[2]);
        String token = args[3];
        List<String> numbers = args.length > 4 ? Files.readAllLines(Path.of(args[4]), StandardCharsets.UTF_8) : null;
        String matter = args.length > 5 ? args[5] : null;
        int total = (int) Math.round(rate * seconds);
        long period = Math.round(1e9 / rate);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "open-load");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
        AtomicLongArray latencies = new AtomicLongArray(total);
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger firstErrorStatus = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        SplittableRandom random = new SplittableRandom();
        HttpRequest.Builder base = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(TIMEOUT_NANOS)).header("Authorization",
                "Bearer " + token);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            HttpRequest request;
            if (numbers == null) {
                request = base.copy().GET().build();
            } else {
                String body = "{\"idNumber\":\"" + numbers.get(random.nextInt(numbers.size())) + "\",\"matterCode\":\"" + matter + "\"}";
                request = base.copy().header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long latency = System.nanoTime() - due;
                if (failure != null || response.statusCode() / 100 != 2) {
                    errors.incrementAndGet();
                    if (failure == null) {
                        firstErrorStatus.compareAndSet(0, response.statusCode());
                    }
                    latency = Math.max(latency, TIMEOUT_NANOS);
                }
                latencies.set(index, latency);
                done.countDown();
            });
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        if (!done.await(30, TimeUnit.SECONDS)) {
            // no answer 30 s after the last request left: errors, counted at the 10 s timeout
            System.err.println("answers missing after 30 s: " + done.getCount());
            errors.addAndGet((int) done.getCount());
        }
        long[] sorted = new long[total];
        for (int i = 0; i < total; i++) {
            sorted[i] = latencies.get(i) == 0 ? TIMEOUT_NANOS : latencies.get(i);
        }
        Arrays.sort(sorted);
        long over1s = Arrays.stream(sorted).filter(n -> n > TimeUnit.SECONDS.toNanos(1)).count();
        System.out.printf("sent %d ok %d errors %d rate %.0f p50 %.2f p99 %.2f p999 %.2f max %.2f over1s %d%s%n", total,
                total - errors.get(), errors.get(), total / sendSeconds, pct(sorted, 50), pct(sorted, 99), pct(sorted, 99.9),
                sorted[total - 1] / 1e6, over1s, firstErrorStatus.get() == 0 ? "" : " (first error status " + firstErrorStatus.get() + ")");
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }
}
