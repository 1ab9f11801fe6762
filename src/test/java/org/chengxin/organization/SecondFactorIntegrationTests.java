package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.chengxin.support.TestTotp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * Staff's second factor (issue 19, item 1): an administrator enrols a TOTP authenticator at the first login (the code
 * computed from the secret the page shows), then logs in with password and code, each code once; recovery codes work once; a role the
 * policy leaves out logs in with the password alone; a lost factor is reset only by a second administrator's approval.
 */
@ChengxinIntegrationTest
class SecondFactorIntegrationTests {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");
    private static final Pattern RECOVERY = Pattern.compile("<code>([A-Z0-9]{10})</code>");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditRecords audit;

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

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
    void anAdministratorEnrolsAtTheFirstLoginAndThenNeedsTheCode() {
        String admin = unenrolled(Role.SYSTEM_ADMIN);
        Http http = new Http(port, clock);

        assertThat(http.passwordStep(admin, Fixtures.PASSWORD)).endsWith("/login/second-factor/enrolment");
        assertThat(location(http.getInSession("/home"))).as("nothing but the second factor before it").endsWith("/login/second-factor");
        assertThat(location(http.getInSession("/admin/staff"))).endsWith("/login/second-factor");
        Http.Response enrolment = http.getInSession("/login/second-factor/enrolment");
        assertThat(enrolment.status()).isEqualTo(200);
        assertThat(enrolment.body()).contains("<svg").contains("id=\"totp-qr\"");
        String secret = secretIn(enrolment.body());

        Http.Response wrong = http.postInSession("/login/second-factor/enrolment", "/login/second-factor/enrolment",
                "code=" + otherCode(TestTotp.code(secret, clock.instant())));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("SECOND_FACTOR_WRONG_CODE").contains("验证码不正确");

        Http.Response enrolled = http.postInSession("/login/second-factor/enrolment", "/login/second-factor/enrolment",
                "code=" + TestTotp.code(secret, clock.instant()));
        assertThat(enrolled.status()).isEqualTo(200);
        assertThat(recoveryCodes(enrolled.body())).hasSize(10).doesNotHaveDuplicates();
        assertThat(http.getInSession("/home").status()).isEqualTo(200);
        assertThat(audit.count("action = 'auth.second-factor-enrol' and actor = ? and outcome = 'SUCCESS'", admin)).isEqualTo(1);

        Http again = new Http(port, clock);
        assertThat(again.passwordStep(admin, Fixtures.PASSWORD)).as("enrolled: the code is asked").endsWith("/login/second-factor");
        assertThat(again.secondFactor(otherCode(TestTotp.code(secret, clock.instant())))).as("a wrong code").contains("no redirect: 200");
        assertThat(again.secondFactor(TestTotp.code(secret, clock.instant()))).as("the code of the enrolment, spent").contains("no redirect: 200");
        String code = TestTotp.nextCode(secret, clock);
        assertThat(again.secondFactor(code)).endsWith("/home");
        assertThat(again.getInSession("/admin/departments").status()).isEqualTo(200);

        Http replay = new Http(port, clock);
        replay.passwordStep(admin, Fixtures.PASSWORD);
        assertThat(replay.secondFactor(code)).as("a code is accepted once (RFC 6238, 5.2)").contains("no redirect: 200");
        assertThat(audit.count("action = 'auth.second-factor' and actor = ? and outcome = 'DENIED'", admin)).isEqualTo(3);
    }

    @Test
    void aRecoveryCodeStandsInForTheCodeOnce() {
        String auditor = unenrolled(Role.AUDITOR);
        Http http = new Http(port, clock);
        http.passwordStep(auditor, Fixtures.PASSWORD);
        String secret = secretIn(http.getInSession("/login/second-factor/enrolment").body());
        List<String> codes = recoveryCodes(http.postInSession("/login/second-factor/enrolment", "/login/second-factor/enrolment",
                "code=" + TestTotp.code(secret, clock.instant())).body());

        Http phoneLost = new Http(port, clock);
        phoneLost.passwordStep(auditor, Fixtures.PASSWORD);
        assertThat(phoneLost.secondFactor(codes.get(3).toLowerCase())).endsWith("/home");

        Http once = new Http(port, clock);
        once.passwordStep(auditor, Fixtures.PASSWORD);
        assertThat(once.secondFactor(codes.get(3))).as("each recovery code is used once").contains("no redirect: 200");
        assertThat(once.secondFactor(codes.get(4))).endsWith("/home");
    }

    @Test
    void aRoleThePolicyLeavesOutLogsInWithThePasswordAloneAndReviewersCannot() {
        assertThat(new Http(port, clock).passwordStep(fixtures.staff(Role.CLERK), Fixtures.PASSWORD)).endsWith("/home");
        assertThat(new Http(port, clock).passwordStep(fixtures.staff(Role.DATA_OFFICER), Fixtures.PASSWORD)).endsWith("/home");
        assertThat(new Http(port, clock).passwordStep(unenrolled(Role.REVIEWER), Fixtures.PASSWORD))
                .endsWith("/login/second-factor/enrolment");
        assertThat(new Http(port, clock).passwordStep(fixtures.staff(Role.REVIEWER), Fixtures.PASSWORD)).endsWith("/login/second-factor");
    }

    @Test
    void wrongCodesCountTowardsTheLockoutLikeWrongPasswords() {
        String reviewer = fixtures.staff(Role.REVIEWER);
        Http http = new Http(port, clock);
        http.passwordStep(reviewer, Fixtures.PASSWORD);
        String wrong = otherCode(TestTotp.code(clock.instant()));
        for (int i = 0; i < 4; i++) {
            assertThat(http.secondFactor(wrong)).contains("no redirect: 200");
        }
        assertThat(http.secondFactor(wrong)).as("the fifth wrong code locks the account").endsWith("/login?error");
        assertThat(new Http(port, clock).passwordStep(reviewer, Fixtures.PASSWORD)).as("locked").endsWith("/login?error");
    }

    @Test
    void aLostFactorIsResetOnlyWithASecondAdministratorsApproval() throws Exception {
        String reviewer = fixtures.staff(Role.REVIEWER);
        long accountId = accounts.staff().stream().filter(a -> a.username().equals(reviewer)).findFirst().orElseThrow().id();
        Authentication first = administrator("first-admin-" + System.nanoTime());
        Authentication second = administrator("second-admin-" + System.nanoTime());

        assertThat(mvc.perform(post("/admin/second-factor-resets").with(authentication(first)).with(csrf())
                .param("accountId", String.valueOf(accountId))).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/admin/second-factor-resets");
        long requestId = requestOf(accountId);

        String own = mvc.perform(post("/admin/second-factor-resets/{id}/approval", requestId).with(authentication(first)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(own).contains("SECOND_FACTOR_RESET_SAME_ADMIN");
        assertThat(new Http(port, clock).passwordStep(reviewer, Fixtures.PASSWORD)).as("still enrolled").endsWith("/login/second-factor");

        assertThat(mvc.perform(post("/admin/second-factor-resets/{id}/approval", requestId).with(authentication(second)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/admin/second-factor-resets");
        assertThat(new Http(port, clock).passwordStep(reviewer, Fixtures.PASSWORD)).as("enrols anew").endsWith("/login/second-factor/enrolment");

        assertThat(audit.count("action = 'auth.second-factor-reset-request' and actor = ? and detail like ?", first.getName(),
                "%" + reviewer + "%")).isEqualTo(1);
        assertThat(audit.count("action = 'auth.second-factor-reset-approve' and actor = ? and outcome = 'DENIED'", first.getName()))
                .isEqualTo(1);
        assertThat(audit.count("action = 'auth.second-factor-reset-approve' and actor = ? and outcome = 'SUCCESS' and detail like ?",
                second.getName(), "%" + reviewer + "%")).isEqualTo(1);
    }

    @Test
    void onlyAnAdministratorMayAskForAReset() throws Exception {
        Authentication clerk = TestPrincipal.of(Role.CLERK, "scjg");
        int status = mvc.perform(post("/admin/second-factor-resets").with(authentication(clerk)).with(csrf()).param("accountId", "1"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    private long requestOf(long accountId) {
        return jdbc.sql("select id from organization_second_factor_reset where account_id = :id and approved_at is null")
                .param("id", accountId).query(Long.class).single();
    }

    /** A staff member of the role without the fixtures' enrolment: as an administrator would have created them. */
    private String unenrolled(Role role) {
        String username = "unenrolled-" + role.name().toLowerCase().replace('_', '-') + "-" + System.nanoTime() % 1_000_000_000;
        accounts.createStaff(username, "测试" + role.label(), role, DepartmentCode.of(fixtures.department()), Fixtures.PASSWORD);
        return username;
    }

    private static Authentication administrator(String name) {
        TestPrincipal admin = new TestPrincipal(name, Role.SECURITY_ADMIN, DepartmentCode.of("fgw"));
        return UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities());
    }

    private static String secretIn(String html) {
        Matcher m = SECRET.matcher(html);
        assertThat(m.find()).as("the page shows the secret as text").isTrue();
        return m.group(1).replace(" ", "");
    }

    private static List<String> recoveryCodes(String html) {
        List<String> codes = new ArrayList<>();
        Matcher m = RECOVERY.matcher(html);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    /** Six digits that are not the given code. */
    private static String otherCode(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);
    }

    private static String location(Http.Response response) {
        return response.headers().firstValue("Location").orElse("(no redirect: " + response.status() + ")");
    }
}
