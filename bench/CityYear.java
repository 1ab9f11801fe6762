import java.io.IOException;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A year of the city's use of its credit platform (issue 17, item 4), driven through the platform's own paths on the
 * city {@code bench/city-load.sh} loaded: measure checks ({@code POST /api/v1/measure-checks}), credit reports
 * ({@code POST /api/v1/reports} and {@code /api/v1/reports/pdf}), credit status queries ({@code POST /api/v1/credit-status})
 * by the departments' systems, each as an API client of its own department registered on /admin/clients, and the serious
 * dishonesty list's notices (认定告知) sent by an officer of each department from its candidates ({@code /lists}), or, in
 * the mode {@code decide}, the notices whose statement period has passed decided (列入).
 *
 * <pre>
 * java bench/CityYear.java year BASE_URL REGISTER_DIR [SCALE] [WORKERS]   # SCALE 1 = a year, 0.1 = about five weeks
 * java bench/CityYear.java decide BASE_URL                                  # run with the platform's clock past the periods
 * </pre>
 *
 * A year, by the assumptions in the README (about 250 working days): 3,600,000 checks (14,400 a working day: every
 * licence, subsidy, hiring, procurement and inspection is checked, 60 % of them at the windows of 行政许可), 300,000 JSON
 * reports and 3,000 PDF reports (department staff's reviews, 1,200 a working day), 500,000 credit status queries and 2,000
 * list notices. The people are drawn from the population register files ({@code 身份证号,姓名,手机号码}), uniformly: most
 * have no record. Numbers travel in request bodies only and are never printed.
 */
public class CityYear {

    /** A matter checked, the share of the checks it takes and the departments whose systems check it. */
    record Matter(String code, double share, List<String> departments) {
    }

    static final List<Matter> MATTERS = List.of(
            new Matter("XZSP", 0.60, List.of("zwfw", "zwfw", "zwfw", "zwfw", "scjg", "gaj", "rsj", "jtys", "zrzy", "wjw", "sthj", "slj")),
            new Matter("RCJG", 0.15, List.of("scjg", "scjg", "yjj", "sthj", "jtys", "wjw")),
            new Matter("TSJY", 0.10, List.of("wlj")),
            new Matter("PYPX", 0.04, List.of("zzb", "rsj", "jyj", "wmb", "fgw")),
            new Matter("YHZC", 0.04, List.of("swj", "rsj", "mzj", "ybj")),
            new Matter("ZFBT", 0.03, List.of("czj", "nyj", "rsj", "swuj", "fgw")),
            new Matter("ZFCG", 0.02, List.of("czj", "ggzy")),
            new Matter("GWY-LY", 0.01, List.of("zzb", "rsj")),
            new Matter("SYDW-ZP", 0.01, List.of("rsj")));
    static final List<String> REPORTERS = List.of("zwfw", "scjg", "rsj", "fgw", "czj", "ggzy", "zrzy", "jtys", "swj", "rmyh");
    static final long CHECKS = 3_600_000, REPORTS = 300_000, PDF_REPORTS = 3_000, STATUS_QUERIES = 500_000, NOTICES = 2_000;
    static final String PASSWORD = "Chengxin2026";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final URI base;
    final HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    final Map<String, String> secrets = new ConcurrentHashMap<>();
    final Map<String, AtomicReference<String>> tokens = new ConcurrentHashMap<>();
    final Map<String, Long> tokenTaken = new ConcurrentHashMap<>();
    final String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36);

    CityYear(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        CityYear year = new CityYear(URI.create(args[1]));
        if (args[0].equals("decide")) {
            System.exit(year.decideAll());
        }
        double scale = args.length > 3 ? Double.parseDouble(args[3]) : 1.0;
        int workers = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        List<String> people = people(Path.of(args[2]));
        System.out.printf(Locale.ROOT, "%,d people in the register files; scale %s of a year, %d requests in flight%n", people.size(), scale, workers);
        HttpClient admin = year.login("admin");
        year.registerClients(admin);
        int failed = 0;
        failed += year.notices(admin, Math.round(NOTICES * scale));
        failed += year.drive("checks", Math.round(CHECKS * scale), workers, (i, r) -> {
            Matter m = matter(r);
            String department = m.departments().get(r.nextInt(m.departments().size()));
            return year.post("/api/v1/measure-checks", department, "measures:check",
                    "{\"idNumber\":\"" + people.get(r.nextInt(people.size())) + "\",\"matterCode\":\"" + m.code() + "\"}");
        });
        failed += year.drive("JSON reports", Math.round(REPORTS * scale), workers, (i, r) -> year.post("/api/v1/reports",
                REPORTERS.get(r.nextInt(REPORTERS.size())), "reports:read", "{\"idNumber\":\"" + people.get(r.nextInt(people.size()))
                        + "\",\"basis\":\"DUTY\",\"duty\":\"行政许可审查\",\"purpose\":\"审核申请人信用状况\"}"));
        failed += year.drive("PDF reports", Math.round(PDF_REPORTS * scale), Math.min(workers, 4), (i, r) -> year.post("/api/v1/reports/pdf",
                REPORTERS.get(r.nextInt(REPORTERS.size())), "reports:read", "{\"idNumber\":\"" + people.get(r.nextInt(people.size()))
                        + "\",\"basis\":\"DUTY\",\"duty\":\"评优评先审核\",\"purpose\":\"出具信用报告\"}"));
        failed += year.drive("credit status queries", Math.round(STATUS_QUERIES * scale), workers, (i, r) -> year.post("/api/v1/credit-status",
                REPORTERS.get(r.nextInt(REPORTERS.size())), "reports:read", "{\"idNumber\":\"" + people.get(r.nextInt(people.size()))
                        + "\",\"purpose\":\"业务办理信用核查\"}"));
        System.exit(failed == 0 ? 0 : 1);
    }

    static Matter matter(SplittableRandom r) {
        double x = r.nextDouble();
        for (Matter m : MATTERS) {
            x -= m.share();
            if (x < 0) {
                return m;
            }
        }
        return MATTERS.get(0);
    }

    static List<String> people(Path dir) throws IOException {
        List<String> people = new ArrayList<>(5_400_000);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
                    lines.skip(1).forEach(line -> people.add(line.substring(0, line.indexOf(','))));
                }
            }
        }
        return people;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the API: one client per department and scope set, closed loop of WORKERS requests

    interface Call {
        HttpResponse<Void> send(long i, SplittableRandom random) throws Exception;
    }

    int drive(String what, long count, int workers, Call call) throws InterruptedException {
        if (count <= 0) {
            return 0;
        }
        AtomicLong next = new AtomicLong(), done = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            SplittableRandom random = new SplittableRandom((what.hashCode() * 31L + w) ^ run.hashCode());
            Thread t = new Thread(() -> {
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    int status;
                    try {
                        status = call.send(i, random).statusCode();
                    } catch (Exception e) {
                        status = 0;
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    done.incrementAndGet();
                }
            }, "year-" + w);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        long lastPrint = started;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(1000);
            if (System.nanoTime() - lastPrint > 60e9) {
                lastPrint = System.nanoTime();
                System.out.printf(Locale.ROOT, "    %s: %,d of %,d, %.0f a second%n", what, done.get(), count, done.get() / ((lastPrint - started) / 1e9));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<Integer, Long> counted = new TreeMap<>();
        statuses.forEach((s, n) -> counted.put(s, n.get()));
        long ok = counted.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToLong(Map.Entry::getValue).sum();
        System.out.printf(Locale.ROOT, "%-22s %,10d in %8.1f s, %6.0f a second; answers %s%n", what, count, seconds, count / seconds, counted);
        return ok == count ? 0 : 1;
    }

    HttpResponse<Void> post(String path, String department, String scopes, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(department, scopes)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<Void> r = api.send(request, HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 401) {
            tokenTaken.remove(department + " " + scopes);
        }
        return r;
    }

    /** A token per department and scopes, taken again after four minutes (they live five). */
    String token(String department, String scopes) throws IOException, InterruptedException {
        String key = department + " " + scopes;
        AtomicReference<String> held = tokens.computeIfAbsent(key, k -> new AtomicReference<>());
        Long taken = tokenTaken.get(key);
        if (held.get() == null || taken == null || System.nanoTime() - taken > 240e9) {
            synchronized (held) {
                taken = tokenTaken.get(key);
                if (held.get() == null || taken == null || System.nanoTime() - taken > 240e9) {
                    String basic = Base64.getEncoder().encodeToString(("year-" + department + "-" + run + ":" + secrets.get(department)).getBytes(StandardCharsets.UTF_8));
                    HttpResponse<String> r = api.send(HttpRequest.newBuilder(base.resolve("/oauth2/token")).header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                                    "grant_type=client_credentials&scope=" + URLEncoder.encode(scopes, StandardCharsets.UTF_8))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
                    if (!m.find()) {
                        throw new IllegalStateException("no token for " + key + ": " + r.statusCode());
                    }
                    held.set(m.group(1));
                    tokenTaken.put(key, System.nanoTime());
                }
            }
        }
        return held.get();
    }

    /** One client a department (checks and reports), registered on /admin/clients as the administrator does it. */
    void registerClients(HttpClient admin) throws IOException, InterruptedException {
        Set<String> departments = new LinkedHashSet<>(REPORTERS);
        MATTERS.forEach(m -> departments.addAll(m.departments()));
        for (String d : departments) {
            String page = form(admin, "/admin/clients", "/admin/clients", Map.of("clientId", "year-" + d + "-" + run,
                    "name", "业务系统（" + d + "）", "departmentCode", d), List.of("measures:check", "reports:read"), false);
            Matcher m = Pattern.compile("<code id=\"secret-value\">([^<]*)").matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("the client of " + d + " was not registered");
            }
            secrets.put(d, m.group(1));
        }
        // the client id carries the run, so the year can be driven again on the same data
        System.out.printf(Locale.ROOT, "%d department clients registered on /admin/clients%n", secrets.size());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the pages: the administrator, the officers, the serious dishonesty list

    HttpClient login(String account) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf = csrf(browser, "/login");
        HttpResponse<Void> r = browser.send(HttpRequest.newBuilder(base.resolve("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("account", account, "password", PASSWORD, "_csrf", csrf), List.of())))
                .build(), HttpResponse.BodyHandlers.discarding());
        String to = r.headers().firstValue("Location").orElse("");
        if (to.contains("error")) {
            throw new IllegalStateException("login of " + account + " refused");
        }
        return browser;
    }

    String csrf(HttpClient browser, String page) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get(browser, page));
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        return m.group(1);
    }

    String get(HttpClient browser, String page) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(base.resolve(page)).timeout(Duration.ofMinutes(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Posts a form with the CSRF token of csrfPage; answers the page shown after it (the redirect followed once). */
    String form(HttpClient browser, String csrfPage, String action, Map<String, String> fields, List<String> scopes, boolean quiet)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(browser, csrfPage));
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(base.resolve(action)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encode(all, scopes)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String to = r.headers().firstValue("Location").orElse(null);
        return to == null ? r.body() : get(browser, URI.create(to).getRawPath() + (URI.create(to).getRawQuery() == null ? "" : "?" + URI.create(to).getRawQuery()));
    }

    static String encode(Map<String, String> fields, List<String> scopes) {
        StringBuilder s = new StringBuilder();
        fields.forEach((k, v) -> s.append(s.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        scopes.forEach(v -> s.append("&scopes=").append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return s.toString();
    }

    /** Notices to count candidates in all, spread over the departments that have candidates, each by an officer of its own. */
    int notices(HttpClient admin, long count) throws IOException, InterruptedException {
        if (count <= 0) {
            return 0;
        }
        long started = System.nanoTime();
        Map<String, HttpClient> officers = officers(admin);
        Map<String, List<Long>> candidates = new LinkedHashMap<>();
        for (var e : officers.entrySet()) {
            List<Long> keys = new ArrayList<>();
            Matcher m = Pattern.compile("/lists/candidates/(\\d+)").matcher(get(e.getValue(), "/lists?tab=candidates&size=100"));
            while (m.find()) {
                keys.add(Long.valueOf(m.group(1)));
            }
            if (!keys.isEmpty()) {
                candidates.put(e.getKey(), keys.stream().distinct().toList());
            }
        }
        System.out.printf(Locale.ROOT, "serious dishonesty candidates on the first page of %d departments: %s%n", candidates.size(),
                candidates.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList());
        long sent = 0, refused = 0;
        int round = 0;
        while (sent + refused < count && !candidates.isEmpty()) {
            boolean any = false;
            for (var e : candidates.entrySet()) {
                if (sent + refused >= count) {
                    break;
                }
                if (round >= e.getValue().size()) {
                    continue;
                }
                any = true;
                if (notice(officers.get(e.getKey()), e.getKey(), e.getValue().get(round), sent)) {
                    sent++;
                } else {
                    refused++;
                }
            }
            round++;
            if (!any) {
                // every department's first page used: the next ones
                for (var e : candidates.entrySet()) {
                    List<Long> more = new ArrayList<>();
                    Matcher m = Pattern.compile("/lists/candidates/(\\d+)").matcher(get(officers.get(e.getKey()), "/lists?tab=candidates&size=100"));
                    while (m.find()) {
                        more.add(Long.valueOf(m.group(1)));
                    }
                    e.setValue(more.stream().distinct().toList());
                }
                round = 0;
                if (candidates.values().stream().allMatch(List::isEmpty)) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%-22s %,10d in %8.1f s (%d refused)%n", "list notices", sent, seconds, refused);
        return sent == count ? 0 : 1;
    }

    boolean notice(HttpClient officer, String department, long key, long seq) throws IOException, InterruptedException {
        String page = get(officer, "/lists/candidates/" + key);
        Matcher subject = Pattern.compile("name=\"subjectIndex\" value=\"([^\"]+)\"").matcher(page);
        if (!subject.find()) {
            return false;
        }
        List<String> recordIds = new ArrayList<>();
        Matcher ids = Pattern.compile("name=\"recordIds\" value=\"(\\d+)\"").matcher(page);
        while (ids.find()) {
            recordIds.add(ids.group(1));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", Long.toString(key));
        fields.put("subjectIndex", subject.group(1));
        fields.put("recordIds", String.join(",", recordIds));
        fields.put("documentNumber", "岳" + department + "认〔" + LocalDate.now().getYear() + "〕Y" + run + "-" + seq + "号");
        fields.put("legalBasis", value(page, "legalBasis", "《岳阳市个人公共信用信息管理办法》"));
        fields.put("criteria", value(page, "criteria", "严重失信行为，情节严重"));
        fields.put("startDate", value(page, "startDate", LocalDate.now().toString()));
        fields.put("endDate", value(page, "endDate", LocalDate.now().plusYears(1).toString()));
        String after = form(officer, "/lists/candidates/" + key, "/lists/notices", fields, List.of(), true);
        return after.contains("已向当事人发出认定告知");
    }

    static String value(String page, String name, String otherwise) {
        Matcher m = Pattern.compile("name=\"" + name + "\"[^>]*?value=\"([^\"]*)\"").matcher(page);
        return m.find() && !m.group(1).isBlank() ? m.group(1).replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'") : otherwise;
    }

    /** A reviewer (审核员, who decides the list) of every department, created on /admin/staff and logged in. */
    Map<String, HttpClient> officers(HttpClient admin) throws IOException, InterruptedException {
        String staffPage = get(admin, "/admin/staff");
        Set<String> departments = new LinkedHashSet<>();
        Matcher m = Pattern.compile("<option value=\"([a-z]{2,12})\"").matcher(staffPage);
        while (m.find()) {
            departments.add(m.group(1));
        }
        Map<String, HttpClient> officers = new LinkedHashMap<>();
        for (String d : departments) {
            String account = "year-" + d + "-" + run;
            form(admin, "/admin/staff", "/admin/staff", Map.of("username", account, "displayName", "名单认定审核员（" + d + "）",
                    "role", "REVIEWER", "departmentCode", d, "password", PASSWORD), List.of(), true);
            officers.put(d, login(account));
        }
        return officers;
    }

    /** Every notice whose statement period has passed decided by its department's officer (run with the clock moved on). */
    int decideAll() throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpClient admin = login("admin");
        Matcher accounts = Pattern.compile("<td>(year-([a-z]{2,12})-[0-9a-z]+)</td><td>名单认定审核员").matcher(get(admin, "/admin/staff?size=1000"));
        // one reviewer a department: every reviewer of a department sees the department's notices
        Map<String, String> byDepartment = new LinkedHashMap<>();
        while (accounts.find()) {
            byDepartment.putIfAbsent(accounts.group(2), accounts.group(1));
        }
        long decided = 0, refused = 0;
        Map<String, Long> refusals = new TreeMap<>();
        Set<Long> tried = new HashSet<>();
        for (String account : byDepartment.values()) {
            HttpClient officer = login(account);
            while (true) {
                String page = get(officer, "/lists?tab=notices&size=100");
                Matcher ids = Pattern.compile("/lists/entries/(\\d+)/decision").matcher(page);
                List<Long> entries = new ArrayList<>();
                while (ids.find()) {
                    entries.add(Long.valueOf(ids.group(1)));
                }
                if (entries.isEmpty()) {
                    break;
                }
                long before = decided;
                for (long id : entries.stream().distinct().filter(tried::add).toList()) {
                    // the dates the form proposes: from today, as long as the notice said
                    int at = page.indexOf("id=\"decide-" + id + "\"");
                    String decideForm = at < 0 ? "" : page.substring(at, page.indexOf("</form>", at));
                    String after = form(officer, "/lists?tab=notices", "/lists/entries/" + id + "/decision",
                            Map.of("startDate", value(decideForm, "startDate", ""), "endDate", value(decideForm, "endDate", "")), List.of(), true);
                    if (after.contains("已依决定书")) {
                        decided++;
                    } else {
                        // a refusal the rules give (a basis record expired in the meantime: LIST_RECORD_NOT_USABLE) is counted by its code
                        Matcher code = Pattern.compile("data-code=\"([A-Z_]+)\"").matcher(after);
                        refusals.merge(code.find() ? code.group(1) : "NO_CODE", 1L, Long::sum);
                        refused++;
                    }
                }
                if (decided == before) {
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-22s %,10d in %8.1f s (%d refused) by %d reviewers%n", "list entries decided", decided,
                (System.nanoTime() - started) / 1e9, refused, byDepartment.size());
        if (refused > 0) {
            System.out.println("refusals by code: " + refusals);
        }
        return refusals.containsKey("NO_CODE") ? 1 : 0;
    }
}
