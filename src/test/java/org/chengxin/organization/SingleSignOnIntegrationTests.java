package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.organization.CitizenEnrolment.AccountState;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.OidcTestProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Citizens' single sign-on, end to end over real HTTP: a local OpenID Connect provider (Spring Authorization Server in
 * a context of its own, {@link OidcTestProvider}) and the platform on a random port with {@code chengxin.sso.enabled}.
 * A client with cookies follows every redirect by hand: the platform's login page, {@code /oauth2/authorization/province},
 * the provider's authorize endpoint and login form, the callback {@code /login/oauth2/code/province} (where the
 * platform redeems the code at the provider's token endpoint and checks the ID token against its JWKS), and then the
 * citizen's own pages. Pages and addresses are asked yes/no questions, so no assertion message prints a full
 * (synthetic) number.
 */
@ChengxinIntegrationTest
@TestPropertySource(properties = {
        "chengxin.sso.enabled=true",
        "chengxin.sso.display-name=测试省统一身份认证平台",
        "spring.security.oauth2.client.registration.province.client-id=" + OidcTestProvider.CLIENT_ID,
        "spring.security.oauth2.client.registration.province.client-secret=" + OidcTestProvider.CLIENT_SECRET,
        "spring.security.oauth2.client.registration.province.scope=openid"})
class SingleSignOnIntegrationTests {

    private static final OidcTestProvider PROVIDER = OidcTestProvider.start();
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String NAME = "单点登录测试";

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.province.issuer-uri", PROVIDER::issuer);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PopulationRegister register;

    @Autowired
    Citizens citizens;

    @Autowired
    CitizenEnrolment enrolment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditRecords audit;

    Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser();
    }

    @Test
    void theLoginPageOffersTheProvidersLogin() {
        Page login = browser.get(platform("/login"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"sso-login\"", "href=\"/oauth2/authorization/province\"", "使用测试省统一身份认证平台登录");
    }

    @Test
    void aCitizenWithAnAccountSignsOnAndReachesTheirOwnPages() {
        IdNumber number = fixtures.citizenWithAccount();
        register.register(number, NAME, "测试");

        Page home = signOn(number.value());
        assertThat(home.uri()).isEqualTo(URI.create(platform("/home")));
        assertThat(home.status()).isEqualTo(200);
        Page credit = browser.get(platform("/my/credit"));
        assertThat(credit.uri()).isEqualTo(URI.create(platform("/my/credit")));
        assertThat(credit.status()).isEqualTo(200);
        assertThat(credit.body()).contains(number.masked());
        assertThat(credit.body().contains(number.value())).as("the page shows the masked number only").isFalse();
        assertThat(browser.get(platform("/my/account")).status()).isEqualTo(200);
        assertThat(browser.visited().stream().anyMatch(u -> u.toString().contains(number.value())))
                .as("no address of the flow carries the number").isFalse();

        assertThat(new Http(port).login(number.value(), Fixtures.PASSWORD)).as("the password still works").endsWith("/home");
        var subject = citizens.subjectKeyOf(number);
        assertThat(audit.count("action = 'auth.login' and outcome = 'SUCCESS' and subject_index = ? and role = 'CITIZEN'"
                + " and actor = ? and detail like ?", subject, number.masked(), "%测试省统一身份认证平台登录成功%")).isEqualTo(1);
        assertThat(audit.count("subject_index = ? and (detail like ? or actor like ?)", subject,
                "%" + number.value() + "%", "%" + number.value() + "%")).as("no full number in the audit trail").isZero();
    }

    @Test
    void theFirstSignOnOfARegisteredPersonOpensAnAccountWithoutPassword() {
        IdNumber number = resident();
        assertThat(enrolment.stateOf(number)).isEqualTo(AccountState.NONE);

        assertThat(signOn(number.value()).uri()).isEqualTo(URI.create(platform("/home")));
        assertThat(browser.get(platform("/my/credit")).status()).isEqualTo(200);
        assertThat(enrolment.stateOf(number)).isEqualTo(AccountState.ACTIVE);
        assertThat(jdbc.sql("select count(*) from organization_citizen_account a where a.blind_index = :k and a.password_hash is null")
                .param("k", citizens.subjectKeyOf(number).bytes()).query(Long.class).single()).isEqualTo(1);
        assertThat(new Http(port).login(number.value(), Fixtures.PASSWORD)).as("no password login without a password")
                .endsWith("/login?error");
        assertThat(audit.count("action = 'auth.login' and outcome = 'SUCCESS' and subject_index = ? and detail like ?",
                citizens.subjectKeyOf(number), "%首次登录，已开通公民账号%")).isEqualTo(1);

        Browser again = new Browser();
        browser = again;
        assertThat(signOn(number.value()).uri()).as("the second sign-on finds the account").isEqualTo(URI.create(platform("/home")));
        assertThat(jdbc.sql("select count(*) from organization_citizen_account where blind_index = :k")
                .param("k", citizens.subjectKeyOf(number).bytes()).query(Long.class).single()).isEqualTo(1);

        // without a password, the person closes the account on the strength of the sign-on alone
        assertThat(browser.get(platform("/my/account")).body()).contains("id=\"close-no-password\"").doesNotContain("id=\"password\"");
        assertThat(browser.get(platform("/account/password")).body()).as("no password to change: how to set one")
                .contains("id=\"password-none\"", "/enrol").doesNotContain("id=\"password-form\"");
        long subjectId = citizens.find(number).orElseThrow().id();
        record SignedOn(String displayName, Long subjectId) implements ChengxinPrincipal {
            @Override
            public Role role() {
                return Role.CITIZEN;
            }

            @Override
            public DepartmentCode departmentCode() {
                return null;
            }
        }
        SignedOn me = new SignedOn(number.masked(), subjectId);
        assertThat(enrolment.hasPassword(me)).isFalse();
        enrolment.close(me, null);
        assertThat(enrolment.stateOf(number)).isEqualTo(AccountState.CLOSED);
    }

    @Test
    void anAccountOpenedAtAWindowIsUsedWithoutItsCode() {
        IdNumber number = resident();
        enrolment.issueAtWindow(number, NAME, true);
        assertThat(enrolment.stateOf(number)).isEqualTo(AccountState.PENDING);

        assertThat(signOn(number.value()).uri()).isEqualTo(URI.create(platform("/home")));
        assertThat(enrolment.stateOf(number)).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void aPersonOutsideThePopulationRegisterIsRefused() {
        IdNumber number = fixtures.syntheticIdNumber();

        Page refused = signOn(number.value());
        assertThat(refused.uri()).isEqualTo(URI.create(platform("/login?sso=not-registered")));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"sso-error\"", "人口基础信息中没有您的登记");
        assertThat(refused.body().contains(number.value()) || refused.body().contains(number.masked())).isFalse();
        assertThat(enrolment.stateOf(number)).isEqualTo(AccountState.NONE);
        assertThat(browser.get(platform("/my/credit")).uri().getPath()).as("not logged in").isEqualTo("/login");
        assertThat(audit.count("action = 'auth.login' and outcome = 'DENIED' and subject_index = ? and detail like ?",
                citizens.subjectKeyOf(number), "%不在人口基础信息登记中%")).isEqualTo(1);
    }

    @Test
    void aClosedAccountIsRefused() {
        IdNumber number = fixtures.citizenWithAccount();
        register.register(number, NAME, "测试");
        enrolment.close(citizen(number), Fixtures.PASSWORD);

        Page refused = signOn(number.value());
        assertThat(refused.uri()).isEqualTo(URI.create(platform("/login?sso=closed")));
        assertThat(refused.body()).contains("该账户已注销，如需继续使用请到窗口或在线重新开通");
        assertThat(enrolment.stateOf(number)).isEqualTo(AccountState.CLOSED);
        assertThat(browser.get(platform("/my/credit")).uri().getPath()).as("not logged in").isEqualTo("/login");
        assertThat(audit.count("action = 'auth.login' and outcome = 'DENIED' and subject_index = ? and detail like ?",
                citizens.subjectKeyOf(number), "%账号已注销%")).isEqualTo(1);
    }

    @Test
    void aMissingOrInvalidIdNumberClaimIsRefused() {
        Page missing = signOn(null);
        assertThat(missing.uri()).isEqualTo(URI.create(platform("/login?sso=no-id")));
        assertThat(missing.body()).contains("未提供有效的身份证号码");

        browser = new Browser();
        String invalid = fixtures.syntheticIdNumber().value().substring(0, 17) + "Z";
        Page wrong = signOn(invalid);
        assertThat(wrong.uri()).isEqualTo(URI.create(platform("/login?sso=no-id")));
        assertThat(browser.get(platform("/my/credit")).uri().getPath()).as("not logged in").isEqualTo("/login");
    }

    @Test
    void aCallbackWithoutAnAuthorizationRequestEndsOnTheLoginPage() {
        Page page = browser.get(platform("/login/oauth2/code/province?code=forged&state=forged"));
        assertThat(page.uri()).isEqualTo(URI.create(platform("/login?sso=failed")));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("登录未完成");
        Page unknown = browser.get(platform("/oauth2/authorization/elsewhere"));
        assertThat(unknown.uri().getPath()).as("an unknown provider: no address for anonymous callers").isEqualTo("/login");
        assertThat(unknown.status()).isEqualTo(200);
    }

    /** Signs on at the provider as a new user whose ID token carries {@code claim} (null: none); the page it ends on. */
    private Page signOn(String claim) {
        String user = "person-" + USERS.incrementAndGet();
        PROVIDER.person(user, claim);
        Page providerLogin = browser.get(platform("/oauth2/authorization/province"));
        assertThat(providerLogin.uri().toString()).startsWith(PROVIDER.issuer() + "/login");
        Matcher csrf = CSRF.matcher(providerLogin.body());
        assertThat(csrf.find()).as("the provider's login form").isTrue();
        return browser.post(URI.create(PROVIDER.issuer() + "/login"),
                "username=" + user + "&password=" + OidcTestProvider.PASSWORD + "&_csrf=" + encode(csrf.group(1)));
    }

    private IdNumber resident() {
        IdNumber number = fixtures.syntheticIdNumber();
        register.register(number, NAME, "测试");
        return number;
    }

    private ChengxinPrincipal citizen(IdNumber number) {
        long subjectId = citizens.find(number).orElseThrow().id();
        return new ChengxinPrincipal() {
            @Override
            public String displayName() {
                return number.masked();
            }

            @Override
            public Role role() {
                return Role.CITIZEN;
            }

            @Override
            public DepartmentCode departmentCode() {
                return null;
            }

            @Override
            public Long subjectId() {
                return subjectId;
            }
        };
    }

    /** The platform at 127.0.0.1: the provider sends a loopback client back to any port of that address only. */
    private String platform(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    record Page(URI uri, int status, String body) {
    }

    /** A browser's cookies and redirects, followed by hand so that every address of the flow is seen. */
    static final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final List<URI> visited = new ArrayList<>();

        Page get(String uri) {
            return follow(HttpRequest.newBuilder(URI.create(uri)).GET().build());
        }

        Page post(URI uri, String form) {
            return follow(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        List<URI> visited() {
            return visited;
        }

        private Page follow(HttpRequest first) {
            HttpRequest request = first;
            for (int hop = 0; hop < 20; hop++) {
                visited.add(request.uri());
                HttpResponse<String> response = send(request);
                String location = response.headers().firstValue("Location").orElse(null);
                if (response.statusCode() / 100 != 3 || location == null) {
                    return new Page(request.uri(), response.statusCode(), response.body());
                }
                request = HttpRequest.newBuilder(request.uri().resolve(location)).GET().build();
            }
            throw new AssertionError("more than 20 redirects");
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
