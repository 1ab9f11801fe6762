import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Latency of GET requests: for each URL, a warm-up, then REQUESTS requests from CONCURRENCY threads; prints
 * p50, p95, p99 (ms) and requests per second. Any answer other than 200 is counted and reported.
 * Usage: java bench/LatencyProbe.java REQUESTS CONCURRENCY URL...
 * With -Dbench.cookie="JSESSIONID=..." every request carries that cookie (a logged-in staff page).
 */
public class LatencyProbe {

    public static void main(String[] args) throws Exception {
        int requests = Integer.parseInt(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int u = 2; u < args.length; u++) {
            URI uri = URI.create(args[u]);
            run(http, uri, Math.max(50, requests / 5), concurrency);
            long start = System.nanoTime();
            List<Long> nanos = run(http, uri, requests, concurrency);
            double seconds = (System.nanoTime() - start) / 1e9;
            long failed = nanos.stream().filter(n -> n < 0).count();
            List<Long> ok = new ArrayList<>(nanos.stream().filter(n -> n >= 0).toList());
            Collections.sort(ok);
            System.out.printf("%-70s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  %7.0f req/s  non-200 %d%n", uri.getPath()
                    + (uri.getQuery() == null ? "" : "?" + uri.getRawQuery()), pct(ok, 50), pct(ok, 95), pct(ok, 99), requests / seconds,
                    failed);
        }
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }

    private static List<Long> run(HttpClient http, URI uri, int requests, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            results.add(pool.submit(() -> {
                long t = System.nanoTime();
                HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
                String cookie = System.getProperty("bench.cookie");
                if (cookie != null && !cookie.isEmpty()) {
                    b.header("Cookie", cookie);
                }
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                long d = System.nanoTime() - t;
                return r.statusCode() == 200 ? d : -1L;
            }));
        }
        List<Long> nanos = new ArrayList<>();
        for (Future<Long> f : results) {
            nanos.add(f.get());
        }
        pool.shutdown();
        return nanos;
    }
}
