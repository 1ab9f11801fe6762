package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.ZoneOffset;

import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/**
 * Account and session rules (issue 19, item 3), on a moved clock: an idle session ends after 15 minutes, a new login
 * of a staff account ends its other session, failed logins from one address are limited, and an administrator-set
 * password is changed before anything else.
 */
@ChengxinIntegrationTest
class LoginRulesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditRecords audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    @Value("${chengxin.security.login.max-failures-per-address}")
    int maxFailuresPerAddress;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSessionIdleForMoreThanFifteenMinutesEnds() {
        String clerk = fixtures.staff(Role.CLERK);
        Http http = new Http(port, clock);
        assertThat(http.login(clerk, Fixtures.PASSWORD)).endsWith("/home");

        clock.advance(Duration.ofMinutes(14));
        assertThat(http.getInSession("/home").status()).as("14 minutes idle: still logged in").isEqualTo(200);
        clock.advance(Duration.ofMinutes(14));
        assertThat(http.getInSession("/home").status()).as("each request starts the count again").isEqualTo(200);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(location(http.getInSession("/home"))).endsWith("/login?timeout");
        assertThat(location(http.getInSession("/home"))).as("the session is gone").endsWith("/login");
        assertThat(audit.count("action = 'auth.idle-timeout' and actor = ?", clerk)).isEqualTo(1);
    }

    @Test
    void theStaffPagesWarnBeforeTheSessionEnds() {
        Http http = new Http(port, clock);
        http.login(fixtures.staff(Role.DATA_OFFICER), Fixtures.PASSWORD);
        String home = http.getInSession("/home").body();

        assertThat(home).contains("id=\"idle-timeout\"").contains("data-seconds=\"900\"").contains("/js/idle-timeout.js");
        assertThat(new Http(port).get("/js/idle-timeout.js", null).status()).isEqualTo(200);
    }

    @Test
    void aNewLoginOfTheSameStaffAccountEndsTheOldSession() {
        String reviewer = fixtures.staff(Role.REVIEWER);
        Http office = new Http(port, clock);
        assertThat(office.login(reviewer, Fixtures.PASSWORD)).endsWith("/home");
        assertThat(office.getInSession("/home").status()).isEqualTo(200);

        Http elsewhere = new Http(port, clock);
        assertThat(elsewhere.login(reviewer, Fixtures.PASSWORD)).endsWith("/home");

        assertThat(location(office.getInSession("/home"))).as("the first session ended").endsWith("/login");
        assertThat(elsewhere.getInSession("/home").status()).isEqualTo(200);
        assertThat(audit.count("action = 'auth.session-replaced' and actor = ?", reviewer)).isEqualTo(1);
    }

    @Test
    void anAddressPastItsFailuresMayNotTryAgainUntilTheyAge() throws Exception {
        String address = "203.0.113." + (System.nanoTime() % 200 + 1);
        String clerk = fixtures.staff(Role.CLERK);
        jdbc.sql("insert into organization_login_failure (address, failed_at) select :a, :at from generate_series(1, :n)")
                .param("a", address).param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("n", maxFailuresPerAddress - 1).update();

        assertThat(login(clerk, "wrong-password-1", address)).as("the last failure allowed").endsWith("/login?error");
        assertThat(login(clerk, Fixtures.PASSWORD, address)).as("past the limit: not even the right password").endsWith("/login?limited");
        assertThat(login(clerk, Fixtures.PASSWORD, "198.51.100.7")).as("another address").endsWith("/home");
        assertThat(audit.count("action = 'auth.login' and actor = ? and outcome = 'DENIED'", address)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(16));
        assertThat(login(clerk, Fixtures.PASSWORD, address)).as("the failures aged out of the window").endsWith("/home");
        assertThat(new Http(port).get("/login?limited", null).body()).contains("LOGIN_RATE_LIMITED").contains("登录失败次数过多");
    }

    @Test
    void anAccountAnAdministratorCreatedChangesItsPasswordFirst() throws Exception {
        String department = fixtures.department();
        String username = "new-clerk-" + System.nanoTime() % 1_000_000;
        mvc.perform(post("/admin/staff").with(authentication(TestPrincipal.of(Role.SECURITY_ADMIN, "fgw"))).with(csrf())
                .param("username", username).param("displayName", "测试窗口人员").param("role", "CLERK")
                .param("departmentCode", department).param("password", Fixtures.PASSWORD));

        Http http = new Http(port, clock);
        assertThat(http.login(username, Fixtures.PASSWORD)).endsWith("/account/password?required");
        assertThat(location(http.getInSession("/home"))).endsWith("/account/password?required");
        assertThat(location(http.getInSession("/window/accounts"))).endsWith("/account/password?required");
        assertThat(http.getInSession("/account/password?required").body()).contains("id=\"password-required\"");

        Http.Response changed = http.postInSession("/account/password", "/account/password",
                "currentPassword=" + Fixtures.PASSWORD + "&newPassword=Own-Chosen-2026&confirmPassword=Own-Chosen-2026");
        assertThat(location(changed)).endsWith("/home");
        assertThat(http.getInSession("/home").status()).isEqualTo(200);
        assertThat(new Http(port, clock).login(username, "Own-Chosen-2026")).as("asked once only").endsWith("/home");
    }

    @Test
    void aWeakOrCommonPasswordIsRefusedWithItsReason() throws Exception {
        String page = mvc.perform(post("/admin/staff").with(authentication(TestPrincipal.of(Role.SECURITY_ADMIN, "fgw"))).with(csrf())
                .param("username", "weak-" + System.nanoTime() % 1_000_000).param("displayName", "测试")
                .param("role", "CLERK").param("departmentCode", fixtures.department()).param("password", "Password@2024"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("ACCOUNT_WEAK_PASSWORD").contains("过于常见");
    }

    private String login(String account, String password, String address) throws Exception {
        RequestPostProcessor from = request -> {
            request.setRemoteAddr(address);
            return request;
        };
        return mvc.perform(post("/login").with(from).with(csrf()).param("account", account).param("password", password))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private static String location(Http.Response response) {
        return response.headers().firstValue("Location").orElse("(no redirect: " + response.status() + ")");
    }
}
