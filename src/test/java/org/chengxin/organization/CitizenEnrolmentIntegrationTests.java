package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.organization.CitizenEnrolment.AccountState;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * Citizen accounts in production: a window clerk opens the account and prints a one-time code (read back from the
 * PDF), the person activates it with a new password on the public page and logs in; the code is single-use and
 * expires on a moved clock; an unknown number, a wrong code, an expired code and a locked account get one answer;
 * failed activations are rate limited per number and per address; the person closes the account and a window
 * enrols them again. Pages are asked yes/no questions, so no assertion message prints a full (synthetic) number.
 */
@ChengxinIntegrationTest
class CitizenEnrolmentIntegrationTests {

    private static final String NAME = "开户测试";
    private static final String NEW_PASSWORD = "Neues-Passw0rt-1";
    private static final Pattern CODE = Pattern.compile("\\b([A-HJ-NP-Z2-9]{4})-([A-HJ-NP-Z2-9]{4})-([A-HJ-NP-Z2-9]{4})\\b");
    private static final Pattern ERROR_CODE = Pattern.compile("id=\"form-error\"[^>]*data-code=\"([A-Z_]+)\"");
    private static final Pattern ERROR_TEXT = Pattern.compile("id=\"form-error\"[^>]*><span>([^<]*)</span>");

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
    MutableClock clock;

    @Autowired
    AuditRecords audit;

    MockMvc mvc;
    Authentication clerk;
    int address;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
        clerk = TestPrincipal.of(Role.CLERK, fixtures.department());
        address = (int) (System.nanoTime() % 200);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aClerkEnrolsThePersonWhoActivatesWithThePrintedCodeAndLogsIn() throws Exception {
        IdNumber number = resident();
        MockHttpServletResponse step2 = asClerk("/window/accounts/person", number, NAME, false);
        assertThat(step2.getStatus()).isEqualTo(200);
        assertThat(step2.getContentAsString()).contains("id=\"account-state\">未开户<");

        MockHttpServletResponse letter = asClerk("/window/accounts/code", number, NAME, true);
        assertThat(letter.getStatus()).isEqualTo(200);
        assertThat(letter.getContentType()).isEqualTo("application/pdf");
        assertThat(letter.getHeader("Cache-Control")).isEqualTo("no-store");
        String text = pdfText(letter.getContentAsByteArray());
        assertThat(text).contains("公民账号激活通知书", NAME, number.masked(), "有效期至", "/activate");
        assertThat(text.contains(number.value())).as("the letter shows the masked number only").isFalse();
        String code = codeIn(text);
        assertThat(enrolment.stateOf(number)).isEqualTo(AccountState.PENDING);

        assertThat(login(number, NEW_PASSWORD).getResponse().getRedirectedUrl()).as("no password yet").isEqualTo("/login?error");
        MockHttpServletResponse activated = activate(number.value(), code.toLowerCase(), NEW_PASSWORD);
        assertThat(activated.getRedirectedUrl()).isEqualTo("/login?activated");
        assertThat(enrolment.stateOf(number)).isEqualTo(AccountState.ACTIVE);
        assertThat(login(number, NEW_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/home");

        assertThat(errorCode(activate(number.value(), code, "Anderes-Passw0rt-2"))).as("a code is used once").isEqualTo("ACTIVATION_FAILED");
        assertThat(login(number, NEW_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/home");

        var subject = citizens.subjectKeyOf(number);
        assertThat(audit.count("action = 'organization.citizen-code' and outcome = 'SUCCESS' and subject_index = ? and role = 'CLERK'",
                subject)).isEqualTo(1);
        assertThat(audit.count("action = 'organization.citizen-activate' and outcome = 'SUCCESS' and subject_index = ?", subject))
                .isEqualTo(1);
        assertThat(audit.count("subject_index = ? and (detail like ? or detail like ? or detail like ?)", subject,
                "%" + number.value() + "%", "%" + code + "%", "%" + code.substring(0, 4) + "-" + code.substring(4, 8) + "%"))
                .as("no full number and no code in the audit trail").isZero();
    }

    @Test
    void aLostPasswordIsResetAtTheWindowAndTheOldPasswordEndsWhenTheCodeIsUsed() throws Exception {
        IdNumber number = fixtures.citizenWithAccount();
        register.register(number, NAME, "测试");
        assertThat(asClerk("/window/accounts/person", number, NAME, false).getContentAsString()).contains(">已激活<");
        String text = pdfText(asClerk("/window/accounts/code", number, NAME, true).getContentAsByteArray());
        assertThat(text).contains("公民账号密码重置通知书");
        assertThat(login(number, Fixtures.PASSWORD).getResponse().getRedirectedUrl()).as("still valid until the code is used")
                .isEqualTo("/home");

        assertThat(activate(number.value(), codeIn(text), NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?activated");
        assertThat(login(number, Fixtures.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(login(number, NEW_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/home");
    }

    @Test
    void aCodeExpiresAfterSeventyTwoHoursAndANewCodeSupersedesTheOld() throws Exception {
        IdNumber number = resident();
        String first = codeIn(pdfText(asClerk("/window/accounts/code", number, NAME, true).getContentAsByteArray()));
        clock.advance(Duration.ofHours(72).plusMinutes(1));
        assertThat(errorCode(activate(number.value(), first, NEW_PASSWORD))).isEqualTo("ACTIVATION_FAILED");

        String second = codeIn(pdfText(asClerk("/window/accounts/code", number, NAME, true).getContentAsByteArray()));
        String third = codeIn(pdfText(asClerk("/window/accounts/code", number, NAME, true).getContentAsByteArray()));
        clock.advance(Duration.ofHours(71));
        assertThat(errorCode(activate(number.value(), second, NEW_PASSWORD))).as("superseded by the third").isEqualTo("ACTIVATION_FAILED");
        assertThat(activate(number.value(), third, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?activated");
        assertThat(login(number, NEW_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/home");
    }

    @Test
    void anUnknownNumberAWrongCodeAnExpiredCodeAndALockedAccountGetTheSameAnswer() throws Exception {
        IdNumber unknown = fixtures.syntheticIdNumber();
        IdNumber pending = resident();
        String pendingCode = codeIn(pdfText(asClerk("/window/accounts/code", pending, NAME, true).getContentAsByteArray()));
        IdNumber locked = fixtures.citizenWithAccount();
        register.register(locked, NAME, "测试");
        String lockedCode = codeIn(pdfText(asClerk("/window/accounts/code", locked, NAME, true).getContentAsByteArray()));
        for (int i = 0; i < 5; i++) {
            login(locked, "wrong-password-" + i);
        }

        MockHttpServletResponse unknownAnswer = activate(unknown.value(), pendingCode, NEW_PASSWORD);
        MockHttpServletResponse wrongAnswer = activate(pending.value(), otherThan(pendingCode), NEW_PASSWORD);
        MockHttpServletResponse lockedAnswer = activate(locked.value(), lockedCode, NEW_PASSWORD);
        clock.advance(Duration.ofHours(73));
        MockHttpServletResponse expiredAnswer = activate(pending.value(), pendingCode, NEW_PASSWORD);

        assertThat(errorText(unknownAnswer)).startsWith("激活失败");
        for (MockHttpServletResponse answer : new MockHttpServletResponse[] { unknownAnswer, wrongAnswer, lockedAnswer, expiredAnswer }) {
            assertThat(answer.getStatus()).isEqualTo(400);
            assertThat(errorCode(answer)).isEqualTo("ACTIVATION_FAILED");
            assertThat(errorText(answer)).isEqualTo(errorText(unknownAnswer));
        }
        assertThat(audit.count("action = 'organization.citizen-activate' and outcome = 'DENIED' and subject_index = ? and detail like ?",
                citizens.subjectKeyOf(locked), "%锁定%")).as("the audit trail alone says why").isEqualTo(1);
        assertThat(enrolment.stateOf(unknown)).as("nothing created for an unknown number").isEqualTo(AccountState.NONE);
    }

    @Test
    void failedActivationsAreRateLimitedPerNumberAndPerAddress() throws Exception {
        IdNumber number = resident();
        String code = codeIn(pdfText(asClerk("/window/accounts/code", number, NAME, true).getContentAsByteArray()));
        for (int i = 0; i < 5; i++) {
            assertThat(errorCode(activateFrom("10.1.0." + i, number.value(), otherThan(code), NEW_PASSWORD))).isEqualTo("ACTIVATION_FAILED");
        }
        MockHttpServletResponse limited = activateFrom("10.1.0.99", number.value(), code, NEW_PASSWORD);
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(errorCode(limited)).as("even the right code, from another address").isEqualTo("ACTIVATION_RATE_LIMITED");
        clock.advance(Duration.ofMinutes(61));
        assertThat(activateFrom("10.1.0.99", number.value(), code, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?activated");

        String from = "10.2." + address + ".7";
        for (int i = 0; i < 20; i++) {
            activateFrom(from, fixtures.syntheticIdNumber().value(), "AAAA-BBBB-CCCC", NEW_PASSWORD);
        }
        IdNumber fresh = resident();
        String freshCode = codeIn(pdfText(asClerk("/window/accounts/code", fresh, NAME, true).getContentAsByteArray()));
        assertThat(errorCode(activateFrom(from, fresh.value(), freshCode, NEW_PASSWORD))).as("per address")
                .isEqualTo("ACTIVATION_RATE_LIMITED");
        assertThat(activateFrom("10.3." + address + ".1", fresh.value(), freshCode, NEW_PASSWORD).getRedirectedUrl())
                .isEqualTo("/login?activated");
    }

    @Test
    void thePersonClosesTheAccountWhichCannotLogInUntilAWindowEnrolsThemAgain() throws Exception {
        IdNumber number = fixtures.citizenWithAccount();
        register.register(number, NAME, "测试");
        MockHttpSession session = (MockHttpSession) login(number, Fixtures.PASSWORD).getRequest().getSession();
        MockHttpServletResponse page = mvc.perform(get("/my/account").session(session)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("不因注销账号而删除");

        MockHttpServletResponse wrong = mvc.perform(post("/my/account/closure").session(session).with(csrf())
                .param("password", "not-my-password-1").param("confirm", "true")).andReturn().getResponse();
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(errorCode(wrong)).isEqualTo("ACCOUNT_WRONG_PASSWORD");
        MockHttpServletResponse unconfirmed = mvc.perform(post("/my/account/closure").session(session).with(csrf())
                .param("password", Fixtures.PASSWORD)).andReturn().getResponse();
        assertThat(errorCode(unconfirmed)).isEqualTo("ACCOUNT_CLOSE_NOT_CONFIRMED");

        MockHttpServletResponse closed = mvc.perform(post("/my/account/closure").session(session).with(csrf())
                .param("password", Fixtures.PASSWORD).param("confirm", "true")).andReturn().getResponse();
        assertThat(closed.getRedirectedUrl()).isEqualTo("/login?closed");
        assertThat(enrolment.stateOf(number)).isEqualTo(AccountState.CLOSED);
        assertThat(citizens.find(number)).as("the person stays a credit subject").isPresent();
        assertThat(login(number, Fixtures.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(audit.count("action = 'organization.citizen-close' and outcome = 'SUCCESS' and subject_index = ?",
                citizens.subjectKeyOf(number))).isEqualTo(1);

        assertThat(asClerk("/window/accounts/person", number, NAME, false).getContentAsString()).contains(">已注销<");
        String text = pdfText(asClerk("/window/accounts/code", number, NAME, true).getContentAsByteArray());
        assertThat(text).contains("公民账号激活通知书");
        assertThat(activate(number.value(), codeIn(text), NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?activated");
        assertThat(login(number, NEW_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/home");
    }

    @Test
    void badInputGetsAStableCodeAndNeverAServerError() throws Exception {
        IdNumber number = resident();
        MockHttpServletResponse mismatch = asClerk("/window/accounts/code", number, "别的名字", true);
        assertThat(mismatch.getStatus()).isEqualTo(400);
        assertThat(errorCode(mismatch)).isEqualTo("ENROLMENT_NAME_MISMATCH");
        MockHttpServletResponse absent = asClerk("/window/accounts/code", number, NAME, false);
        assertThat(errorCode(absent)).isEqualTo("ENROLMENT_PRESENCE_REQUIRED");
        assertThat(enrolment.stateOf(number)).isEqualTo(AccountState.NONE);
        MockHttpServletResponse badNumber = mvc.perform(post("/window/accounts/person").with(authentication(clerk)).with(csrf())
                .param("idNumber", "43060219900101123").param("name", NAME)).andReturn().getResponse();
        assertThat(badNumber.getStatus()).isEqualTo(400);
        assertThat(errorCode(badNumber)).startsWith("ID_");

        assertThat(errorCode(activate("not a number", "AAAA", NEW_PASSWORD))).startsWith("ID_");
        assertThat(errorCode(activate(number.value(), "AAAA", "short"))).isEqualTo("ACCOUNT_WEAK_PASSWORD");
        MockHttpServletResponse empty = mvc.perform(post("/activate").with(csrf())).andReturn().getResponse();
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat(errorCode(empty)).isEqualTo("ACCOUNT_PASSWORD_MISMATCH");
        MockHttpServletResponse longCode = activate(number.value(), "X".repeat(5000), NEW_PASSWORD);
        assertThat(errorCode(longCode)).isEqualTo("ACTIVATION_FAILED");
        assertThat(mvc.perform(get("/activate")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    /** A synthetic resident of the population register, named {@link #NAME}. */
    private IdNumber resident() {
        IdNumber number = fixtures.syntheticIdNumber();
        register.register(number, NAME, "测试");
        return number;
    }

    private MockHttpServletResponse asClerk(String path, IdNumber number, String name, boolean present) throws Exception {
        var request = post(path).with(authentication(clerk)).with(csrf()).param("idNumber", number.value()).param("name", name);
        if (present) {
            request.param("personPresent", "true");
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private MockHttpServletResponse activate(String number, String code, String password) throws Exception {
        return activateFrom("192.168." + address + ".1", number, code, password);
    }

    private MockHttpServletResponse activateFrom(String remote, String number, String code, String password) throws Exception {
        return mvc.perform(post("/activate").with(csrf()).with(r -> {
            r.setRemoteAddr(remote);
            return r;
        }).param("idNumber", number).param("code", code).param("newPassword", password).param("confirmPassword", password))
                .andReturn().getResponse();
    }

    private MvcResult login(IdNumber number, String password) throws Exception {
        return mvc.perform(formLogin("/login").user("account", number.value()).password("password", password)).andReturn();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String codeIn(String text) {
        Matcher m = CODE.matcher(text);
        assertThat(m.find()).as("the letter holds a code").isTrue();
        return m.group(1) + m.group(2) + m.group(3);
    }

    /** Another code of the same form, wrong. */
    private static String otherThan(String code) {
        return (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
    }

    private static String errorCode(MockHttpServletResponse response) throws Exception {
        Matcher m = ERROR_CODE.matcher(response.getContentAsString(StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : "(no error on the page: " + response.getStatus() + ")";
    }

    private static String errorText(MockHttpServletResponse response) throws Exception {
        Matcher m = ERROR_TEXT.matcher(response.getContentAsString(StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : "";
    }
}
