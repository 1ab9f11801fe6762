import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's load (issue 17, item 12): a mix of what the platform's users do, against a running platform.
 * <ul>
 * <li>{@code check} (45 of 100 requests): {@code POST /api/v1/measure-checks}, matter XZSP, a random person;</li>
 * <li>{@code report} (10): {@code POST /api/v1/reports}, a JSON credit report for a duty, a random person;</li>
 * <li>{@code public} (30): the public pages and their API in turn ({@code /public/double-publicity},
 * {@code /public/serious-dishonesty}, {@code /api/v1/public/double-publicity}, {@code /});</li>
 * <li>{@code staff} (15): the officer's records list ({@code /records}, pages 1 to 5 in turn) in STAFF_SESSIONS (8) logged-in
 * page sessions in turn (stored in PostgreSQL like every session; one shared session made every page view wait for the
 * same row's update of its last access);</li>
 * <li>{@code push}, beside the requests: every PUSH_SECONDS a batch of PUSH_ROWS new penalty rows about people of the
 * file (new source ids, the people's own names) through {@code POST /api/v1/record-batches}, followed until it ends;
 * a batch that does not end COMPLETED with every row accepted is an error.</li>
 * </ul>
 * Two modes:
 * <ul>
 * <li>{@code capacity WORKERS SECONDS}: closed loop, WORKERS requests in flight at all times; prints the mix's
 * throughput ({@code capacity R req/s});</li>
 * <li>{@code soak RATE SECONDS}: open loop at RATE requests a second (each request's latency counted from when it was
 * due, so a stall shows instead of slowing the load); prints one line a minute (requests, errors, p50/p99 of each
 * kind, the pushes, the heap after GC from the server's GC log, the platform's database connections), then a summary
 * and a verdict: 0 errors, heap after GC flat, connections flat, p99 stable (the thresholds are printed). Exits 1
 * when a criterion fails.</li>
 * </ul>
 * Usage: {@code java bench/Soak.java MODE N SECONDS BASE_URL PEOPLE_CSV GC_LOG} with the environment variables
 * SOAK_PSQL (a psql command line for the platform's database, for the connection counts), PUSH_SECONDS (20),
 * PUSH_ROWS (500), SOAK_PEOPLE. PEOPLE_CSV is the benchmark's penalties.csv (source id, item, ID number, name, …): the
 * people, and the pushes' template (its first row). SOAK_PEOPLE, when set, names a population register file
 * (身份证号, 姓名, …, as bench/GenerateCity.java writes it) whose residents are the people instead (bench/city-measure.sh:
 * checks and reports about anybody of the city, most with no record). The numbers are sent in request bodies only and
 * never printed. The API client is the demo client (demo-scjg), the staff account
 * the demo officer.
 */
public class Soak {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final String[] KINDS = {"check", "report", "public", "staff"};
    private static final int[] WEIGHTS = {45, 10, 30, 15};
    private static final String[] PUBLIC_PATHS = {"/public/double-publicity", "/public/serious-dishonesty",
        "/api/v1/public/double-publicity?page=0&size=20", "/"};
    private static final Pattern GC_AFTER = Pattern.compile("Pause (Young|Full|Remark|Cleanup).*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final URI base;
    private final HttpClient api;
    /** The staff's page sessions (STAFF_SESSIONS, 8): each its own login and cookie, as so many officers at their desks. */
    private final HttpClient[] browsers;
    private final List<String[]> people;
    private final String[] template;
    private final Path gcLog;
    private final String psql;
    private volatile String checkToken;
    private volatile String reportToken;
    private volatile String pushToken;
    private final AtomicInteger pushSeq = new AtomicInteger();
    private final AtomicInteger pushesDone = new AtomicInteger();
    private final AtomicInteger pushErrors = new AtomicInteger();
    private final AtomicLong pushRows = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private long gcLogRead;

    /** One minute's answers, per kind. */
    static final class Minute {
        final List<ConcurrentLinkedQueue<Long>> latencies = new ArrayList<>();
        final AtomicInteger[] errors = new AtomicInteger[KINDS.length];
        final AtomicInteger firstErrorStatus = new AtomicInteger();
        /** The first error's kind of request and, for a request that got no answer, the exception. */
        final java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();

        Minute() {
            for (int k = 0; k < KINDS.length; k++) {
                latencies.add(new ConcurrentLinkedQueue<>());
                errors[k] = new AtomicInteger();
            }
        }
    }

    Soak(URI base, List<String[]> people, String[] template, Path gcLog, String psql) {
        this.base = base;
        this.people = people;
        this.template = template;
        this.gcLog = gcLog;
        this.psql = psql;
        this.api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, daemon("soak-api"))).build();
        var browserThreads = Executors.newFixedThreadPool(2, daemon("soak-browser"));
        this.browsers = new HttpClient[Integer.parseInt(System.getenv().getOrDefault("STAFF_SESSIONS", "8"))];
        for (int b = 0; b < browsers.length; b++) {
            browsers[b] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).executor(browserThreads).build();
        }
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        double n = Double.parseDouble(args[1]);
        double seconds = Double.parseDouble(args[2]);
        // a person is kept as the ID number and the name only; the pushes copy the other fields of the first row
        List<String[]> people = new ArrayList<>();
        String[] template;
        String register = System.getenv().getOrDefault("SOAK_PEOPLE", "");
        try (var lines = Files.lines(Path.of(register.isEmpty() ? args[4] : register), StandardCharsets.UTF_8)) {
            lines.skip(1).forEach(line -> {
                String[] f = line.split(",", 5);
                people.add(register.isEmpty() ? new String[] {f[2], f[3]} : new String[] {f[0], f[1]});
            });
        }
        try (var lines = Files.lines(Path.of(args[4]), StandardCharsets.UTF_8)) {
            template = lines.skip(1).findFirst().orElseThrow().split(",", -1);
        }
        Soak soak = new Soak(URI.create(args[3]), people, template, Path.of(args[5]), System.getenv().getOrDefault("SOAK_PSQL", ""));
        soak.tokens();
        soak.login();
        ScheduledExecutorService background = Executors.newScheduledThreadPool(2, daemon("soak-background"));
        background.scheduleWithFixedDelay(() -> {
            try {
                soak.tokens();
            } catch (Exception e) {
                System.err.println("token refresh failed: " + e);
            }
        }, 5, 5, TimeUnit.MINUTES);
        int pushSeconds = Integer.parseInt(System.getenv().getOrDefault("PUSH_SECONDS", "20"));
        int pushRowCount = Integer.parseInt(System.getenv().getOrDefault("PUSH_ROWS", "500"));
        if (pushSeconds > 0) {
            background.scheduleWithFixedDelay(() -> soak.push(pushRowCount), 1, pushSeconds, TimeUnit.SECONDS);
        }
        int code;
        if (mode.equals("capacity")) {
            code = soak.capacity((int) n, seconds);
        } else {
            code = soak.soak(n, seconds);
        }
        background.shutdownNow();
        System.exit(code);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the closed loop: WORKERS requests in flight

    int capacity(int workers, double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            SplittableRandom random = new SplittableRandom(w);
            threads[w] = new Thread(() -> {
                int i = 0;
                while (System.nanoTime() < end) {
                    int kind = pick(random);
                    try {
                        HttpResponse<Void> r = client(kind, i).send(request(kind, random, i++), HttpResponse.BodyHandlers.discarding());
                        (r.statusCode() / 100 == 2 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            threads[w].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf(Locale.ROOT, "capacity %.0f req/s (closed loop, %d in flight, %.0f s: %d answered 2xx, %d errors; pushes %d, failed %d)%n",
                ok.get() / seconds, workers, seconds, ok.get(), failed.get(), pushesDone.get(), pushErrors.get());
        return 0;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the open loop: RATE requests a second, one line a minute

    int soak(double rate, double seconds) throws Exception {
        int minutes = (int) Math.ceil(seconds / 60);
        Minute[] perMinute = new Minute[minutes];
        for (int m = 0; m < minutes; m++) {
            perMinute[m] = new Minute();
        }
        long total = Math.round(rate * seconds);
        long period = Math.round(1e9 / rate);
        CountDownLatch answered = new CountDownLatch((int) total);
        SplittableRandom random = new SplittableRandom(17);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long[] heapAfterGc = new long[minutes];
        long[] heapCommitted = new long[minutes];
        int[] gcs = new int[minutes];
        int[] connections = new int[minutes];
        int[] activeMax = new int[minutes];
        int[] stuckMax = new int[minutes];
        int[] pushesPerMinute = new int[minutes];
        readGcLog(null, 0, null, null);  // skip what the GC log held before the soak
        // every 5 s, beside the sending thread (which does nothing but send): the connections, the GC log, the pushes
        int[] pushesBefore = {pushesDone.get()};
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(daemon("soak-sampler"));
        sampler.scheduleAtFixedRate(() -> {
            int m = (int) Math.max(0, Math.min(minutes - 1, (System.nanoTime() - start) / TimeUnit.MINUTES.toNanos(1)));
            int[] c = connections();
            connections[m] = Math.max(connections[m], c[0]);
            activeMax[m] = Math.max(activeMax[m], c[1]);
            stuckMax[m] = Math.max(stuckMax[m], c[2]);
            try {
                readGcLog(heapAfterGc, m, gcs, heapCommitted);
            } catch (IOException e) {
                System.err.println("GC log: " + e);
            }
            int done = pushesDone.get();
            pushesPerMinute[m] += done - pushesBefore[0];
            pushesBefore[0] = done;
        }, 5, 5, TimeUnit.SECONDS);
        System.out.printf("%-4s %7s %6s  %-22s %-22s %-22s %-22s %7s %10s %4s %12s%n", "min", "sent", "errors", "check p50/p99 ms",
                "report p50/p99 ms", "public p50/p99 ms", "staff p50/p99 ms", "pushes", "heap MB", "GCs", "connections (in use, stuck)");
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            int m = (int) Math.min(minutes - 1, (due - start) / TimeUnit.MINUTES.toNanos(1));
            int kind = pick(random);
            HttpRequest request = request(kind, random, (int) i);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Minute slot = perMinute[m];
            client(kind, i).sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long latency = System.nanoTime() - due;
                if (failure != null || response.statusCode() / 100 != 2) {
                    slot.errors[kind].incrementAndGet();
                    slot.firstErrorStatus.compareAndSet(0, failure != null ? -1 : response.statusCode());
                    Throwable cause = failure != null && failure.getCause() != null ? failure.getCause() : failure;
                    slot.firstError.compareAndSet(null, KINDS[kind] + (cause == null ? "" : " " + cause));
                    latency = Math.max(latency, TIMEOUT_NANOS);
                }
                slot.latencies.get(kind).add(latency);
                answered.countDown();
            });
        }
        if (!answered.await(30, TimeUnit.SECONDS)) {
            System.err.println("answers missing 30 s after the last request: " + answered.getCount());
        }
        sampler.shutdown();
        sampler.awaitTermination(30, TimeUnit.SECONDS);
        long missing = answered.getCount();

        long errors = missing + pushErrors.get();
        double[] p99All = new double[minutes];
        for (int m = 0; m < minutes; m++) {
            Minute slot = perMinute[m];
            StringBuilder line = new StringBuilder();
            long sent = 0;
            int minuteErrors = 0;
            List<Long> all = new ArrayList<>();
            for (int k = 0; k < KINDS.length; k++) {
                long[] sorted = slot.latencies.get(k).stream().mapToLong(Long::longValue).sorted().toArray();
                sent += sorted.length;
                minuteErrors += slot.errors[k].get();
                for (long l : sorted) {
                    all.add(l);
                }
                line.append(String.format(Locale.ROOT, " %-22s", sorted.length == 0 ? "-"
                        : String.format(Locale.ROOT, "%.1f/%.1f", pct(sorted, 50), pct(sorted, 99))));
            }
            errors += minuteErrors;
            long[] sortedAll = all.stream().mapToLong(Long::longValue).sorted().toArray();
            p99All[m] = pct(sortedAll, 99);
            System.out.printf(Locale.ROOT, "%-4d %7d %6d %s %7d %5d/%-4d %4d %6d (%d, %d)%s%n", m + 1, sent, minuteErrors, line, pushesPerMinute[m],
                    heapAfterGc[m], heapCommitted[m], gcs[m], connections[m], activeMax[m], stuckMax[m],
                    slot.firstErrorStatus.get() == 0 ? "" : "  first error status " + slot.firstErrorStatus.get() + " (" + slot.firstError.get() + ")");
        }

        // the verdict: the first minutes (after one of warm-up) against the last ones
        int window = Math.max(1, Math.min(5, (minutes - 1) / 2));
        int earlyFrom = minutes > 2 ? 1 : 0;
        long heapEarly = max(heapAfterGc, earlyFrom, earlyFrom + window);
        long heapLate = max(heapAfterGc, minutes - window, minutes);
        int connectionsEarly = (int) max(connections, earlyFrom, earlyFrom + window);
        int connectionsLate = (int) max(connections, minutes - window, minutes);
        double p99Early = median(p99All, earlyFrom, earlyFrom + window);
        double p99Late = median(p99All, minutes - window, minutes);
        boolean heapFlat = heapLate <= heapEarly * 1.2 + 32;
        double inUseEarly = median(activeMax, earlyFrom, earlyFrom + window);
        double inUseLate = median(activeMax, minutes - window, minutes);
        long stuck = max(stuckMax, 0, minutes);
        boolean connectionsFlat = connectionsLate <= connectionsEarly + 2 && inUseLate <= inUseEarly * 2 + 2 && stuck == 0;
        boolean p99Stable = p99Late <= p99Early * 2 + 5;
        System.out.println();
        System.out.printf(Locale.ROOT, "SOAK: %d requests at %.0f req/s over %d min (%s), pushes %d of %d rows each (%d rows), %d errors%n",
                total, rate, minutes, "check 45 %, report 10 %, public pages 30 %, staff pages 15 %", pushesDone.get(),
                Integer.parseInt(System.getenv().getOrDefault("PUSH_ROWS", "500")), pushRows.get(), errors);
        System.out.printf(Locale.ROOT, "  errors: %d (answers other than 2xx or none within 10 s: %d, unanswered %d, failed pushes %d) %s%n",
                errors, errors - missing - pushErrors.get(), missing, pushErrors.get(), errors == 0 ? "OK" : "FAIL (target 0)");
        System.out.printf(Locale.ROOT, "  heap after GC, max of minutes %d-%d: %d MB; of the last %d: %d MB %s (flat: at most 1.2x + 32 MB)%n",
                earlyFrom + 1, earlyFrom + window, heapEarly, window, heapLate, heapFlat ? "OK" : "FAIL");
        System.out.printf(Locale.ROOT, "  database connections of the platform, max of minutes %d-%d: %d, of the last %d: %d; in use (median of each minute's"
                + " max) %.0f and %.0f; idle in a transaction over 5 s at any sample: %d %s (flat: at most 2 more connections, in use at most"
                + " 2x + 2, none stuck)%n", earlyFrom + 1, earlyFrom + window, connectionsEarly, window, connectionsLate, inUseEarly, inUseLate,
                stuck, connectionsFlat ? "OK" : "FAIL");
        System.out.printf(Locale.ROOT, "  p99 of all requests, median of minutes %d-%d: %.1f ms; of the last %d: %.1f ms %s (stable: at most 2x + 5 ms)%n",
                earlyFrom + 1, earlyFrom + window, p99Early, window, p99Late, p99Stable ? "OK" : "FAIL");
        return errors == 0 && heapFlat && connectionsFlat && p99Stable ? 0 : 1;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the requests

    private static int pick(SplittableRandom random) {
        int r = random.nextInt(100);
        for (int k = 0; k < WEIGHTS.length; k++) {
            r -= WEIGHTS[k];
            if (r < 0) {
                return k;
            }
        }
        return 0;
    }

    private HttpClient client(int kind, long i) {
        return KINDS[kind].equals("staff") ? browsers[(int) (i % browsers.length)] : api;
    }

    private HttpRequest request(int kind, SplittableRandom random, int i) {
        String[] person = people.get(random.nextInt(people.size()));
        return switch (KINDS[kind]) {
            case "check" -> json("/api/v1/measure-checks", checkToken, "{\"idNumber\":\"" + person[0] + "\",\"matterCode\":\"XZSP\"}");
            case "report" -> json("/api/v1/reports", reportToken, "{\"idNumber\":\"" + person[0]
                    + "\",\"basis\":\"DUTY\",\"duty\":\"行政许可审查\",\"purpose\":\"稳定性测试\"}");
            case "public" -> HttpRequest.newBuilder(base.resolve(PUBLIC_PATHS[i % PUBLIC_PATHS.length]))
                    .timeout(Duration.ofNanos(TIMEOUT_NANOS)).GET().build();
            default -> HttpRequest.newBuilder(base.resolve("/records?page=" + (i % 5 + 1))).timeout(Duration.ofNanos(TIMEOUT_NANOS)).GET().build();
        };
    }

    private HttpRequest json(String path, String token, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofNanos(TIMEOUT_NANOS))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private void tokens() throws IOException, InterruptedException {
        checkToken = token("measures:check");
        reportToken = token("reports:read");
        pushToken = token("records:write");
    }

    private String token(String scope) throws IOException, InterruptedException {
        String basic = java.util.Base64.getEncoder().encodeToString("demo-scjg:demo-scjg-secret-2026".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = api.send(HttpRequest.newBuilder(base.resolve("/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no token for " + scope + ": " + r.statusCode());
        }
        return m.group(1);
    }

    /** The demo officer's page sessions: the login form with its CSRF token, once a session. */
    private void login() throws IOException, InterruptedException {
        for (HttpClient browser : browsers) {
            login(browser);
        }
    }

    private void login(HttpClient browser) throws IOException, InterruptedException {
        String page = browser.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "account=officer&password=Chengxin2026&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(base.resolve("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        int status = browser.send(HttpRequest.newBuilder(base.resolve("/records")).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("the officer's records list after login answered " + status);
        }
    }

    /** One push of ROWS new penalties about people of the file, followed until the batch ends. */
    private void push(int rows) {
        int seq = pushSeq.incrementAndGet();
        SplittableRandom random = new SplittableRandom(seq);
        StringBuilder csv = new StringBuilder("sourceId,itemCode,idNumber,name,decisionDate,documentNumber,penaltyType,facts,penaltyResult,fineAmount,authority\n");
        for (int r = 0; r < rows; r++) {
            String[] person = people.get(random.nextInt(people.size()));
            String[] p = template.clone();
            p[0] = "soak-" + run + "-" + seq + "-" + r;
            p[2] = person[0];
            p[3] = person[1];
            p[5] = "岳市监罚〔2026〕S" + run + "-" + seq + "-" + r + "号";
            csv.append(String.join(",", p)).append('\n');
        }
        String boundary = "soak" + run + seq;
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"soak-" + seq + ".csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        try {
            HttpResponse<String> r = api.send(HttpRequest.newBuilder(base.resolve("/api/v1/record-batches"))
                    .header("Authorization", "Bearer " + pushToken).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
            if (r.statusCode() / 100 != 2 || !id.find()) {
                pushFailed("push answered " + r.statusCode());
                return;
            }
            for (int wait = 0; wait < 600; wait++) {
                String report = api.send(HttpRequest.newBuilder(base.resolve("/api/v1/record-batches/" + id.group(1)))
                        .header("Authorization", "Bearer " + pushToken).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher status = Pattern.compile("\"status\":\"([A-Z_]+)\"").matcher(report);
                String s = status.find() ? status.group(1) : "?";
                if (!s.equals("RECEIVED") && !s.equals("PROCESSING")) {
                    Matcher accepted = Pattern.compile("\"accepted\":(\\d+)").matcher(report);
                    if (s.equals("COMPLETED") && accepted.find() && Integer.parseInt(accepted.group(1)) == rows) {
                        pushesDone.incrementAndGet();
                        pushRows.addAndGet(rows);
                    } else {
                        pushFailed("batch " + id.group(1) + " ended " + s);
                    }
                    return;
                }
                Thread.sleep(500);
            }
            pushFailed("batch " + id.group(1) + " not ended within 5 minutes");
        } catch (Exception e) {
            pushFailed("push failed: " + e.getClass().getSimpleName());
        }
    }

    private void pushFailed(String why) {
        pushErrors.incrementAndGet();
        System.err.println("push error: " + why);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // what the server shows of itself

    /** Reads the GC log lines written since the last read: the largest heap after a collection, and the count. */
    private synchronized void readGcLog(long[] heapAfterGc, int minute, int[] gcs, long[] committed) throws IOException {
        if (!Files.exists(gcLog)) {
            return;
        }
        byte[] all;
        try (InputStream in = Files.newInputStream(gcLog)) {
            in.skipNBytes(Math.min(gcLogRead, Files.size(gcLog)));
            all = in.readAllBytes();
        }
        gcLogRead += all.length;
        if (heapAfterGc == null) {
            return;
        }
        for (String line : new String(all, StandardCharsets.UTF_8).split("\n")) {
            Matcher m = GC_AFTER.matcher(line);
            if (m.find()) {
                gcs[minute]++;
                heapAfterGc[minute] = Math.max(heapAfterGc[minute], Long.parseLong(m.group(3)));
                committed[minute] = Math.max(committed[minute], Long.parseLong(m.group(4)));
            }
        }
    }

    /** The platform's connections to its database: all, and those not idle (running a statement or in a transaction). */
    private int[] connections() {
        if (psql.isEmpty()) {
            return new int[] {0, 0, 0};
        }
        try {
            Process p = new ProcessBuilder("bash", "-c", psql + " -tAF' ' -c \"select count(*), count(*) filter (where state <> 'idle'), "
                    + "count(*) filter (where state = 'idle in transaction' and state_change < now() - interval '5 seconds') "
                    + "from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()\"")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            String[] parts = out.split("\\s+");
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
        } catch (Exception e) {
            return new int[] {0, 0, 0};
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }

    private static long max(long[] values, int from, int to) {
        return Arrays.stream(values, Math.max(0, from), Math.min(values.length, to)).max().orElse(0);
    }

    private static long max(int[] values, int from, int to) {
        return Arrays.stream(values, Math.max(0, from), Math.min(values.length, to)).max().orElse(0);
    }

    private static double median(int[] values, int from, int to) {
        return median(Arrays.stream(values).asDoubleStream().toArray(), from, to);
    }

    private static double median(double[] values, int from, int to) {
        double[] part = Arrays.copyOfRange(values, Math.max(0, from), Math.min(values.length, to));
        Arrays.sort(part);
        return part.length == 0 ? 0 : part[part.length / 2];
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
