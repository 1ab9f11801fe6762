package org.chengxin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.organization.Departments;
import org.chengxin.portal.StaffMenu;
import org.chengxin.shared.security.Role;
import org.chengxin.support.IntegrationTestConfiguration;
import org.chengxin.support.TestTotp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;

/**
 * Walks every page a person of each role reaches on the demo platform (the role's menu and the pages those link to)
 * and reads what the page shows, as a person would see it: no English enum constant, no error code outside a tooltip,
 * no department code where the department's name belongs. Codes may stay in {@code title} tooltips, attributes and
 * form values.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chengxin.demo.enabled=true", "chengxin.demo.citizens=300", "chengxin.demo.records-per-item=5"})
@Import(IntegrationTestConfiguration.class)
@DisabledIfSystemProperty(named = "spring.profiles.active", matches = ".*prod.*", disabledReason = "prod never loads demo data")
class PagesInWordsIntegrationTests {

    /** A constant with an underscore (an error code, an enum such as DATA_OFFICER): never shown as text. */
    private static final Pattern SNAKE = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9_])");
    private static final Pattern HREF_SKIP = Pattern.compile(".*(\\.(csv|xlsx|pdf|json|js|css|png|svg)$|^/logout|^/api/|^/swagger|^/v3/|^/actuator|/progress$|/charts$|^/webjars/).*");
    /** Links followed from each menu page, at most this many of one shape (digits read as one). */
    private static final int PER_SHAPE = 2;

    /** Upper-case words that are the same in Chinese texts (file formats, standards, grades): allowed as text. */
    private static final Set<String> PLAIN_WORDS = Set.of("AAA", "AA", "A", "B", "C", "D", "PDF", "CSV", "XLSX", "API", "SM3", "SM4",
            "GBK", "UTF", "HTTP", "HTTPS", "JSON", "JSONL", "SMS", "ID", "OK");

    /** The register of departments, where the code is the thing kept (next to the name), may show codes. */
    private static final Set<String> CODES_ARE_THE_SUBJECT = Set.of("/admin/departments");

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    Departments departments;

    Set<String> enumConstants;
    Set<String> departmentCodes;

    @BeforeEach
    void vocabulary() throws Exception {
        enumConstants = new TreeSet<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        for (var definition : scanner.findCandidateComponents("org.chengxin")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    String name = ((Enum<?>) constant).name();
                    if (name.length() >= 4 && name.equals(name.toUpperCase()) && !PLAIN_WORDS.contains(name)) {
                        enumConstants.add(name);
                    }
                }
            }
        }
        departmentCodes = new TreeSet<>();
        departments.all().forEach(d -> departmentCodes.add(d.code().value()));
        assertThat(enumConstants).as("the enums were found").contains("DATA_OFFICER", "ACTIVE");
        assertThat(departmentCodes).contains("scjg", "swj");
    }

    @Test
    void everyPageOfEveryStaffRoleSpeaksInWords() throws Exception {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Map<String, Role> logins = new LinkedHashMap<>();
        logins.put("admin", Role.SYSTEM_ADMIN);
        logins.put("security", Role.SECURITY_ADMIN);
        logins.put("auditadmin", Role.AUDIT_ADMIN);
        logins.put("officer", Role.DATA_OFFICER);
        logins.put("reviewer", Role.REVIEWER);
        // the education bureau's reviewer holds the teachers' and the student archive (DemoArchives)
        logins.put("reviewer-jyj", Role.REVIEWER);
        logins.put("clerk", Role.CLERK);
        logins.put("auditor", Role.AUDITOR);
        logins.put("leader", Role.LEADER);
        int pages = 0;
        for (Map.Entry<String, Role> login : logins.entrySet()) {
            Session session = new Session(login.getKey());
            List<String> start = new ArrayList<>();
            StaffMenu.entries(login.getValue()).forEach(e -> start.add(e.path()));
            pages += walk(session, start, problems);
        }
        assertThat(pages).as("pages read").isGreaterThan(40);
        assertThat(problems).as("pages showing codes instead of words").isEmpty();
    }

    @Test
    void everyPageOfACitizenSpeaksInWords() throws Exception {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Session session = new Session(DemoDataLoader.CITIZEN_IDS.get(0));
        int pages = walk(session, List.of("/home"), problems);
        assertThat(pages).as("pages read").isGreaterThan(5);
        assertThat(problems).as("pages showing codes instead of words").isEmpty();
    }

    /** Reads the start pages and, from each, the in-application links of up to {@link #PER_SHAPE} pages per shape. */
    private int walk(Session session, List<String> start, Map<String, List<String>> problems) throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        Map<String, Integer> shapes = new LinkedHashMap<>();
        List<String> queue = new ArrayList<>(start);
        int read = 0;
        for (int i = 0; i < queue.size(); i++) {
            String path = queue.get(i);
            if (!seen.add(path)) {
                continue;
            }
            HttpResponse<String> page = session.get(path);
            String where = session.account + " " + path;
            if (page.statusCode() != 200) {
                problems.computeIfAbsent(where, k -> new ArrayList<>()).add("HTTP " + page.statusCode());
                continue;
            }
            if (!page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            read++;
            Document html = Jsoup.parse(page.body());
            List<String> found = codesShown(html, CODES_ARE_THE_SUBJECT.contains(path));
            if (!found.isEmpty()) {
                problems.put(where, found);
            }
            boolean fromStart = start.contains(path);
            if (fromStart) {
                for (Element link : html.select("main a[href]")) {
                    String href = link.attr("href");
                    if (!href.startsWith("/") || href.startsWith("//") || HREF_SKIP.matcher(href).matches() || link.hasAttr("download")) {
                        continue;
                    }
                    String target = href.replaceAll("#.*$", "");
                    String shape = target.replaceAll("\\?.*$", "").replaceAll("\\d+", "N");
                    if (shapes.merge(shape, 1, Integer::sum) <= PER_SHAPE) {
                        queue.add(target);
                    }
                }
            }
        }
        return read;
    }

    /** What the page shows as text (not attributes, not scripts) that is a code. */
    private List<String> codesShown(Document html, boolean departmentCodesAllowed) {
        html.select("script, style, template, noscript").remove();
        String text = html.body().text();
        Set<String> found = new TreeSet<>();
        Matcher snake = SNAKE.matcher(text);
        while (snake.find()) {
            found.add("code " + snake.group() + context(text, snake.start()));
        }
        Matcher word = Pattern.compile("(?<![A-Za-z0-9_.-])[A-Z][A-Z0-9]{3,}(?![A-Za-z0-9_-])").matcher(text);
        while (word.find()) {
            if (enumConstants.contains(word.group())) {
                found.add("enum " + word.group() + context(text, word.start()));
            }
        }
        Matcher lower = Pattern.compile("(?<![A-Za-z0-9_./@:-])[a-z][a-z0-9-]{1,30}(?![A-Za-z0-9_/@:-])").matcher(text);
        while (lower.find()) {
            if (!departmentCodesAllowed && departmentCodes.contains(lower.group())) {
                found.add("department code " + lower.group() + context(text, lower.start()));
            }
        }
        return new ArrayList<>(found);
    }

    private static String context(String text, int at) {
        String around = text.substring(Math.max(0, at - 20), Math.min(text.length(), at + 30));
        return " in “" + around.replaceAll("\\d{17}[\\dX]", "(身份证号码)") + "”";
    }

    /** A browser's session: logs in through the form, keeps the cookie. */
    private final class Session {

        /** Who, as the report names them: the login name, or "citizen" (an ID number is never printed). */
        final String account;
        final HttpClient client;

        Session(String account) throws Exception {
            this.account = account.matches("\\d.*") ? "citizen" : account;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> login = get("/login");
            String csrf = Jsoup.parse(login.body()).select("input[name=_csrf]").attr("value");
            String form = "account=" + encode(account) + "&password=" + encode(DemoDataLoader.PASSWORD) + "&_csrf=" + encode(csrf);
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String location = answer.headers().firstValue("Location").orElse("");
            if (location.endsWith("/login/second-factor")) {
                // the demo's administrator, reviewer and auditor are enrolled with the documented synthetic secret
                String code = "code=" + TestTotp.nextCode(clock) + "&_csrf=" + encode(
                        Jsoup.parse(get("/login/second-factor").body()).select("input[name=_csrf]").attr("value"));
                location = client.send(HttpRequest.newBuilder(uri("/login/second-factor"))
                        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(code)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).headers().firstValue("Location").orElse("");
            }
            assertThat(location).as("login of " + this.account).endsWith("/home");
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
