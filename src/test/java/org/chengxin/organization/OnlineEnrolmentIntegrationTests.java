package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.messaging.SentMessages;
import org.chengxin.organization.CitizenEnrolment.AccountState;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * Online enrolment and password reset (网上开户、找回密码): the person gives number and name; when they match the
 * population register, a six-digit code goes by SMS — here the console adapter, read back through
 * {@link SentMessages} — to the number the register holds, and the person activates with it. An unknown number, a
 * wrong name, no registered mobile and a locked account get the very answer a sent code gets, and nothing is sent;
 * requests are rate limited per number and per address; a code expires in 15 minutes and is used once.
 */
@ChengxinIntegrationTest
class OnlineEnrolmentIntegrationTests {

    private static final String NAME = "网上开户";
    private static final String NEW_PASSWORD = "Online-Passw0rd-1";
    private static final Pattern SMS_CODE = Pattern.compile("验证码 (\\d{6})，");
    private static final Pattern ERROR_CODE = Pattern.compile("id=\"form-error\"[^>]*data-code=\"([A-Z_]+)\"");

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PopulationRegister register;

    @Autowired
    Citizens citizens;

    @Autowired
    CitizenEnrolment enrolment;

    @Autowired
    SentMessages sent;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditRecords audit;

    MockMvc mvc;
    String address;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
        address = "172.16." + ThreadLocalRandom.current().nextInt(250) + "." + ThreadLocalRandom.current().nextInt(250);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aResidentGetsACodeOnTheRegisteredMobileAndActivatesTheAccountWithIt() throws Exception {
        String mobile = mobile();
        IdNumber number = resident(mobile);
        MockHttpServletResponse asked = request(number.value(), NAME, address);
        assertThat(asked.getRedirectedUrl()).isEqualTo("/activate?sent");
        String code = awaitCode(mobile, 1);
        assertThat(sent.to(mobile).get(0).text()).contains("开通个人信用账号", "15分钟内有效").doesNotContain(number.value());
        assertThat(enrolment.stateOf(number)).isEqualTo(AccountState.PENDING);
        assertThat(mvc.perform(get("/activate").param("sent", "")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"enrol-sent\"");

        assertThat(activate(number.value(), code, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?activated");
        assertThat(enrolment.stateOf(number)).isEqualTo(AccountState.ACTIVE);
        assertThat(login(number, NEW_PASSWORD)).isEqualTo("/home");
        assertThat(errorCode(activate(number.value(), code, "Anderes-Passw0rt-2"))).as("used once").isEqualTo("ACTIVATION_FAILED");

        var subject = citizens.subjectKeyOf(number);
        assertThat(audit.count("action = 'organization.citizen-code-online' and outcome = 'SUCCESS' and subject_index = ? and detail like ?",
                subject, "%" + mobile.substring(0, 3) + "****" + mobile.substring(7) + "%")).isEqualTo(1);
        assertThat(audit.count("subject_index = ? and (detail like ? or detail like ? or detail like ?)", subject,
                "%" + number.value() + "%", "%" + code + "%", "%" + mobile + "%")).as("no number, code or mobile in the trail").isZero();
    }

    @Test
    void aLostPasswordIsResetOnlineAndTheCodeExpiresAfterFifteenMinutes() throws Exception {
        String mobile = mobile();
        IdNumber number = fixtures.citizenWithAccount();
        register.register(number, NAME, mobile, "测试");

        request(number.value(), NAME, address);
        String first = awaitCode(mobile, 1);
        assertThat(sent.to(mobile).get(0).text()).contains("重置个人信用账号的密码");
        clock.advance(Duration.ofMinutes(16));
        assertThat(errorCode(activate(number.value(), first, NEW_PASSWORD))).as("expired").isEqualTo("ACTIVATION_FAILED");
        assertThat(login(number, Fixtures.PASSWORD)).as("the old password stays until a code is used").isEqualTo("/home");

        request(number.value(), NAME, address);
        String second = awaitCode(mobile, 2);
        assertThat(activate(number.value(), second, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?activated");
        assertThat(login(number, Fixtures.PASSWORD)).isEqualTo("/login?error");
        assertThat(login(number, NEW_PASSWORD)).isEqualTo("/home");
    }

    @Test
    void anUnknownNumberAWrongNameNoMobileAndALockedAccountGetTheSameAnswerAndNothingIsSent() throws Exception {
        String mobile = mobile();
        IdNumber known = resident(mobile);
        IdNumber unknown = fixtures.syntheticIdNumber();
        IdNumber noMobile = fixtures.syntheticIdNumber();
        register.register(noMobile, NAME, "测试");
        String lockedMobile = mobile();
        IdNumber locked = fixtures.citizenWithAccount();
        register.register(locked, NAME, lockedMobile, "测试");
        for (int i = 0; i < 5; i++) {
            login(locked, "wrong-password-" + i);
        }

        List<MockHttpServletResponse> answers = List.of(request(unknown.value(), NAME, address), request(known.value(), "别的名字", address),
                request(noMobile.value(), NAME, address), request(locked.value(), NAME, address), request(known.value(), NAME, address));
        for (MockHttpServletResponse answer : answers) {
            assertThat(answer.getStatus()).isEqualTo(302);
            assertThat(answer.getRedirectedUrl()).isEqualTo("/activate?sent");
        }
        awaitCode(mobile, 1);
        Thread.sleep(300);
        assertThat(sent.to(mobile)).as("only the matching request sent a code").hasSize(1);
        assertThat(sent.to(lockedMobile)).as("not to a locked account").isEmpty();
        assertThat(enrolment.stateOf(unknown)).isEqualTo(AccountState.NONE);
        assertThat(audit.count("action = 'organization.citizen-code-online' and outcome = 'DENIED' and subject_index = ? and detail like ?",
                citizens.subjectKeyOf(locked), "%锁定%")).as("the audit trail alone says why").isEqualTo(1);
    }

    @Test
    void requestsAreRateLimitedPerNumberAndPerAddressFoundOrNot() throws Exception {
        IdNumber unknown = fixtures.syntheticIdNumber();
        for (int i = 0; i < 3; i++) {
            assertThat(request(unknown.value(), NAME, "10.9." + i + ".1").getRedirectedUrl()).isEqualTo("/activate?sent");
        }
        MockHttpServletResponse limited = request(unknown.value(), NAME, "10.9.99.1");
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(errorCode(limited)).isEqualTo("ACTIVATION_RATE_LIMITED");

        for (int i = 0; i < 10; i++) {
            request(fixtures.syntheticIdNumber().value(), NAME, address);
        }
        String mobile = mobile();
        IdNumber fresh = resident(mobile);
        assertThat(errorCode(request(fresh.value(), NAME, address))).as("per address").isEqualTo("ACTIVATION_RATE_LIMITED");
        clock.advance(Duration.ofMinutes(61));
        assertThat(request(fresh.value(), NAME, address).getRedirectedUrl()).isEqualTo("/activate?sent");
        awaitCode(mobile, 1);
    }

    @Test
    void badInputGetsAStableCodeAndTheRegisterRefusesAMalformedMobile() throws Exception {
        assertThat(errorCode(request("43060219900101123", NAME, address))).startsWith("ID_");
        assertThat(errorCode(request(fixtures.syntheticIdNumber().value(), " ", address))).isEqualTo("ENROLMENT_NAME_REQUIRED");
        MockHttpServletResponse empty = mvc.perform(post("/enrol").with(csrf())).andReturn().getResponse();
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat(mvc.perform(get("/enrol")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("登记的手机号码", "id=\"enrol-form\"");
        assertThatThrownBy(() -> register.register(fixtures.syntheticIdNumber(), NAME, "12345", "测试"))
                .hasMessageContaining("手机号码");
    }

    private IdNumber resident(String mobile) {
        IdNumber number = fixtures.syntheticIdNumber();
        register.register(number, NAME, mobile, "测试");
        return number;
    }

    private static String mobile() {
        return "1990" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    /** The code of the {@code n}th message to the mobile, waiting for the sender's thread. */
    private String awaitCode(String mobile, int n) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        while (sent.to(mobile).size() < n) {
            assertThat(Instant.now()).as("waited for the SMS").isBefore(until);
            Thread.sleep(20);
        }
        Matcher m = SMS_CODE.matcher(sent.to(mobile).get(n - 1).text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private MockHttpServletResponse request(String number, String name, String from) throws Exception {
        return mvc.perform(post("/enrol").with(csrf()).with(r -> {
            r.setRemoteAddr(from);
            return r;
        }).param("idNumber", number).param("name", name)).andReturn().getResponse();
    }

    private MockHttpServletResponse activate(String number, String code, String password) throws Exception {
        return mvc.perform(post("/activate").with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).param("idNumber", number).param("code", code).param("newPassword", password).param("confirmPassword", password))
                .andReturn().getResponse();
    }

    private String login(IdNumber number, String password) throws Exception {
        return mvc.perform(formLogin("/login").user("account", number.value()).password("password", password)).andReturn()
                .getResponse().getRedirectedUrl();
    }

    private static String errorCode(MockHttpServletResponse response) throws Exception {
        Matcher m = ERROR_CODE.matcher(response.getContentAsString(StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : "(no error on the page: " + response.getStatus() + ")";
    }
}
