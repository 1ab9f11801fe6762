package org.chengxin.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.Contacts;
import org.chengxin.evaluation.GradeChanged;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.inquiry.QueryLog;
import org.chengxin.lists.Decision;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.messaging.SentMessages;
import org.chengxin.notifications.Inbox;
import org.chengxin.notifications.NoticeKind;
import org.chengxin.notifications.NotificationPreferences;
import org.chengxin.notifications.NotificationPreferences.Channels;
import org.chengxin.organization.ApiClients;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The notification service's channels (issue 14, item 2): every notice reaches the inbox; SMS and e-mail go as the
 * person chose per kind (SMS by default for a listing and a new dishonesty record), from the outbox, after the
 * business change has committed; a failing gateway leaves the change in place and is retried; each attempt is
 * audited with the masked address and no text of the message. The notices of a new dishonesty record and of a use of
 * the person's data by somebody else come from the sweepers; a grade change is told as it is published.
 */
@ChengxinIntegrationTest
class NotificationChannelsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PopulationRegister register;

    @Autowired
    Citizens citizens;

    @Autowired
    Contacts contacts;

    @Autowired
    Inbox inbox;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    Deliveries deliveries;

    @Autowired
    Sweepers sweepers;

    @Autowired
    SentMessages sent;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    Records records;

    @Autowired
    QueryLog log;

    @Autowired
    ApiClients clients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    WebApplicationContext context;

    @Autowired
    TransactionTemplate transactions;

    Http http;
    String taxToken;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        taxToken = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        drain();
    }

    @AfterEach
    void resetClock() {
        sent.failNext(0);
        clock.reset();
    }

    @Test
    void aFailingSmsGatewayLeavesTheListingNoticeInPlaceAndTheSmsIsRetriedUntilSent() throws Exception {
        String mobile = mobile();
        Person p = resident(mobile);
        String source = "channels-" + UUID.randomUUID();
        SeriousDishonestyListAccess.push(http, taxToken, p.number(), source);
        CreditRecord record = records.findBySource(DepartmentCode.of("swj"), source).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        var noticed = list.notice(DepartmentCode.of("swj"), new Decision(p.ref().subject(), "岳税认〔2026〕88号",
                "《中华人民共和国税收征收管理法》第六十三条", "偷税数额较大", today, today.plusYears(1), List.of(record.id())));
        awaitTrue(() -> inbox.of(p.ref().subject(), 10).stream().anyMatch(n -> n.kind().equals("LIST_ENTRY")));
        Inbox.Notice notice = inbox.of(p.ref().subject(), 10).stream().filter(n -> n.kind().equals("LIST_ENTRY")).findFirst().orElseThrow();
        assertThat(delivery(notice.id(), "SMS")).as("SMS by default for a listing notice").isEqualTo("PENDING/0/null");
        assertThat(delivery(notice.id(), "EMAIL")).as("no e-mail unless chosen").isEqualTo("none");

        sent.failNext(1);
        deliveries.sendDue(Instant.now(clock));
        assertThat(delivery(notice.id(), "SMS")).isEqualTo("PENDING/1/GATEWAY_UNAVAILABLE");
        assertThat(sent.to(mobile)).isEmpty();
        assertThat(list.noticesFor(p.ref().subject())).as("the business change stands").extracting(e -> e.id()).containsExactly(noticed.id());

        deliveries.sendDue(Instant.now(clock));
        assertThat(delivery(notice.id(), "SMS")).as("not before the pause").isEqualTo("PENDING/1/GATEWAY_UNAVAILABLE");
        clock.advance(Duration.ofMinutes(2));
        deliveries.sendDue(Instant.now(clock));
        assertThat(delivery(notice.id(), "SMS")).isEqualTo("SENT/2/null");
        assertThat(sent.to(mobile)).singleElement().satisfies(m -> assertThat(m.text())
                .contains("【信用岳阳】", notice.title(), "登录平台").doesNotContain(p.number().value()));

        var subject = p.ref().subject();
        assertThat(audit.count("action = 'notifications.delivery' and subject_index = ? and outcome = 'FAILED' and detail like ?",
                subject, "%GATEWAY_UNAVAILABLE%")).isEqualTo(1);
        assertThat(audit.count("action = 'notifications.delivery' and subject_index = ? and outcome = 'SUCCESS' and detail like ?",
                subject, "%" + mobile.substring(0, 3) + "****" + mobile.substring(7) + "%")).isEqualTo(1);
        assertThat(audit.count("action = 'notifications.delivery' and subject_index = ? and (detail like ? or detail like ? or detail like ?)",
                subject, "%" + mobile + "%", "%岳税认%", "%" + p.number().value() + "%")).as("no address, no text of the message").isZero();
    }

    @Test
    void aSystemsQueryIsToldByTheChannelsThePersonChoseAndANewDishonestyRecordBySmsByDefault() throws Exception {
        String mobile = mobile();
        Person p = resident(mobile);
        String email = "p" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.org";
        contacts.setEmail(p.ref().subject(), email);
        Map<NoticeKind, Channels> choice = new EnumMap<>(NoticeKind.class);
        choice.put(NoticeKind.DATA_USE, new Channels(true, true));
        preferences.set(p.ref().subject(), choice);
        assertThat(preferences.of(p.ref().subject())).containsEntry(NoticeKind.DATA_USE, new Channels(true, true))
                .containsEntry(NoticeKind.LIST_ENTRY, new Channels(true, false)).containsEntry(NoticeKind.GRADE_CHANGE, new Channels(false, false));

        fixtures.departmentWithCode("rsj");
        String system = "rsj-notify-" + UUID.randomUUID().toString().substring(0, 8);
        clients.register(system, Fixtures.PASSWORD, "人社局招录审查系统", DepartmentCode.of("rsj"), Set.of("reports:read", "measures:check"));
        String token = http.token(system, Fixtures.PASSWORD, "reports:read");
        assertThat(http.postJson("/api/v1/credit-status", token,
                "{\"idNumber\":\"" + p.number().value() + "\",\"purpose\":\"公务员录用资格审查\"}").status()).isEqualTo(200);
        String source = "channels-record-" + UUID.randomUUID();
        SeriousDishonestyListAccess.push(http, taxToken, p.number(), source);
        long recordId = records.findBySource(DepartmentCode.of("swj"), source).orElseThrow().id();

        // other tests move the clock: far enough ahead, every row so far is older than the lag
        Instant later = Instant.now(clock).plus(Duration.ofDays(3650));
        Instant queried = log.of(p.ref().subject(), Instant.EPOCH).get(0).at();
        sweepers.sweepQueries(queried);
        assertThat(inbox.of(p.ref().subject(), 20)).as("not within the lag").noneMatch(n -> n.kind().equals("DATA_USE"));
        assertThat(sweepers.sweepQueries(later)).isPositive();
        assertThat(sweepers.sweepRecords(later)).isPositive();
        assertThat(sweepers.sweepRecords(later)).as("the cursor moved").isZero();

        List<Inbox.Notice> notices = inbox.of(p.ref().subject(), 20);
        Inbox.Notice query = notices.stream().filter(n -> n.kind().equals("DATA_USE")).findFirst().orElseThrow();
        assertThat(query.title()).contains("信用状况查询");
        assertThat(query.body()).contains("人社局招录审查系统", "公务员录用资格审查", "已答复信用状况", "谁查询了我").doesNotContain(p.number().value());
        Inbox.Notice record = notices.stream().filter(n -> n.kind().equals("DISHONESTY_RECORD")).findFirst().orElseThrow();
        assertThat(record.body()).contains("#" + recordId, "提出异议", "信用修复").doesNotContain(p.number().value());

        assertThat(delivery(query.id(), "SMS")).isEqualTo("PENDING/0/null");
        assertThat(delivery(query.id(), "EMAIL")).isEqualTo("PENDING/0/null");
        assertThat(delivery(record.id(), "SMS")).as("a new dishonesty record goes by SMS by default").isEqualTo("PENDING/0/null");
        assertThat(delivery(record.id(), "EMAIL")).isEqualTo("none");
        drain();
        assertThat(delivery(query.id(), "EMAIL")).isEqualTo("SENT/1/null");
        assertThat(sent.to(email)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo(query.title());
            assertThat(m.text()).contains("人社局招录审查系统", "/my/queries");
        });
        assertThat(sent.to(mobile)).hasSize(2);
    }

    @Test
    void aNoticeToAPersonWithoutAMobileIsMarkedAndAGradeChangeIsTold() throws Exception {
        IdNumber number = fixtures.syntheticIdNumber();
        register.register(number, "名单测试", "测试");
        String source = "channels-grade-" + UUID.randomUUID();
        SeriousDishonestyListAccess.push(http, taxToken, number, source);
        CitizenRef person = citizens.find(number).orElseThrow();
        long recordId = records.findBySource(DepartmentCode.of("swj"), source).orElseThrow().id();
        // the grade of a new person is a first grade, not a change: the change is published as the queue worker does
        GradeChanged change = new GradeChanged(person.subject(), "AA", "B", 720, 610, recordId, Instant.now(clock));
        transactions.executeWithoutResult(tx -> events.publishEvent(change));
        awaitTrue(() -> inbox.of(person.subject(), 10).stream().anyMatch(n -> n.kind().equals("GRADE_CHANGE")));
        Inbox.Notice grade = inbox.of(person.subject(), 10).stream().filter(n -> n.kind().equals("GRADE_CHANGE")).findFirst().orElseThrow();
        assertThat(grade.title()).isEqualTo("您的信用等级已变为一般（B）");
        assertThat(grade.body()).contains("由良好（AA）变为一般（B）", "720 → 610", "信用记录 #" + recordId, "我的信用");
        assertThat(delivery(grade.id(), "SMS")).as("a grade change is not sent by SMS by default").isEqualTo("none");
        transactions.executeWithoutResult(tx -> events.publishEvent(change));
        Thread.sleep(500);
        assertThat(inbox.of(person.subject(), 10).stream().filter(n -> n.kind().equals("GRADE_CHANGE"))).as("told once").hasSize(1);

        sweepers.sweepRecords(Instant.now(clock).plus(Duration.ofDays(3650)));
        Inbox.Notice record = inbox.of(person.subject(), 10).stream().filter(n -> n.kind().equals("DISHONESTY_RECORD")).findFirst().orElseThrow();
        drain();
        assertThat(delivery(record.id(), "SMS")).isEqualTo("NO_ADDRESS/1/NO_ADDRESS");
        assertThat(audit.count("action = 'notifications.delivery' and subject_index = ? and outcome = 'FAILED' and detail like ?",
                person.subject(), "%没有登记手机号码%")).isEqualTo(1);
    }

    @Test
    void thePersonChoosesTheChannelsOnTheSettingsPageAndBadInputGetsAStableCode() throws Exception {
        String mobile = mobile();
        IdNumber number = fixtures.citizenWithAccount();
        register.register(number, "名单测试", mobile, "测试");
        MockMvc mvc = ApiContract.mockMvc(context);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("account", number.value())
                .password("password", Fixtures.PASSWORD)).andReturn().getRequest().getSession();

        String page = mvc.perform(get("/my/notification-settings").session(session)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(mobile.substring(0, 3) + "****" + mobile.substring(7), "id=\"kind-DATA_USE\"")
                .doesNotContain(mobile).containsPattern("id=\"sms-LIST_ENTRY\"[^>]*checked");

        MockHttpServletResponse noAddress = mvc.perform(post("/my/notification-settings").session(session).with(csrf())
                .param("email-DATA_USE", "on")).andReturn().getResponse();
        assertThat(noAddress.getStatus()).isEqualTo(400);
        assertThat(noAddress.getContentAsString(StandardCharsets.UTF_8)).contains("EMAIL_REQUIRED");
        MockHttpServletResponse bad = mvc.perform(post("/my/notification-settings").session(session).with(csrf())
                .param("email-DATA_USE", "on").param("email", "not-an-address")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("EMAIL_INVALID");

        MockHttpServletResponse saved = mvc.perform(post("/my/notification-settings").session(session).with(csrf())
                .param("sms-DATA_USE", "on").param("email-DATA_USE", "on").param("email", "me@example.org")).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/my/notification-settings?saved");
        var subject = citizens.subjectKeyOf(number);
        assertThat(preferences.of(subject)).containsEntry(NoticeKind.DATA_USE, new Channels(true, true))
                .as("an unticked default is a choice too").containsEntry(NoticeKind.LIST_ENTRY, new Channels(false, false));
        assertThat(contacts.emailOf(subject)).contains("me@example.org");
        assertThat(audit.count("action = 'notifications.preferences' and subject_index = ? and detail like ?", subject, "%电子邮件%"))
                .isEqualTo(1);
        assertThat(mvc.perform(get("/my/notification-settings")).andReturn().getResponse().getStatus()).as("login required")
                .isIn(302, 401);
    }

    /** Sends whatever is due, so that a test's own deliveries are the only ones a failure can hit. */
    private void drain() {
        for (int i = 0; i < 100 && deliveries.sendDue(Instant.now(clock)) > 0; i++) {
            assertThat(i).isLessThan(99);
        }
    }

    /** status/attempts/last error of the notice's delivery by a channel, or "none". */
    private String delivery(long noticeId, String channel) {
        return jdbc.sql("select status || '/' || attempts || '/' || coalesce(last_error, 'null') from notifications_delivery"
                        + " where notice_id = :n and channel = :c").param("n", noticeId).param("c", channel).query(String.class).optional()
                .orElse("none");
    }

    private record Person(IdNumber number, CitizenRef ref) {
    }

    private Person resident(String mobile) {
        IdNumber number = fixtures.syntheticIdNumber();
        register.register(number, "名单测试", mobile, "测试");
        return new Person(number, citizens.find(number).orElseThrow());
    }

    private static String mobile() {
        return "1980" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited").isBefore(until);
            Thread.sleep(50);
        }
    }
}
