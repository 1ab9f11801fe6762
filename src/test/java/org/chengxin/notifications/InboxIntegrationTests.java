package org.chengxin.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.Decision;
import org.chengxin.lists.ListEntry;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.remedies.Objections;
import org.chengxin.remedies.Objections.Outcome;
import org.chengxin.remedies.RemedyDecided;
import org.chengxin.remedies.Repairs;
import org.chengxin.remedies.Upload;
import org.chengxin.remedies.domain.Commitment;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.remedies.domain.RepairApplication;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The person is told the answers to their objection and repair application in their inbox (征信业管理条例
 * 第二十五条), after the decision commits; a second delivery of the same event adds nothing; the header
 * counts the unread messages until the inbox page is opened; nobody reads another person's inbox.
 */
@ChengxinIntegrationTest
class InboxIntegrationTests {

    private static final String PENALTY = "YY-GN-002";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;

    @Autowired
    Departments departments;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    Objections objections;

    @Autowired
    Repairs repairs;

    @Autowired
    Inbox inbox;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    PopulationRegister register;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    WebApplicationContext context;

    @Autowired
    MutableClock clock;

    Http http;
    String department;
    String token;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        department = fixtures.department();
        token = http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theAnswersToAnObjectionAndARepairApplicationReachThePersonsInboxOnceAndTheHeaderCountsThem() throws Exception {
        CitizenRef person = pushed(LocalDate.now(clock).minusMonths(4)).person();
        CreditRecord record = records.inForceFor(person.subject()).get(0);
        CitizenRef someoneElse = pushed(LocalDate.now(clock).minusMonths(4)).person();

        Objection filed = objections.file(person, record.id(), "fineAmount", "罚款金额有误", "500", List.of());
        objections.accept(filed.id());
        objections.decide(DepartmentCode.of(department), filed.id(), Outcome.UPHOLD, "经核对处罚决定书，金额无误", null);
        awaitTrue(() -> inbox.unread(person.subject()) == 1);

        RepairApplication applied = repairs.apply(person, record.id(), "罚款已缴清", null, Commitment.ONLINE,
                List.of(new Upload("缴款凭证.png", "image/png", PNG)));
        repairs.decide(DepartmentCode.of(department), applied.id(), false, "缴款凭证与处罚决定书金额不符");
        awaitTrue(() -> inbox.unread(person.subject()) == 2);

        List<Inbox.Notice> notices = inbox.of(person.subject(), 10);
        assertThat(notices).extracting(Inbox.Notice::title).containsExactly(
                "您的信用修复申请（编号 " + applied.id() + "）已有处理结果：不予修复",
                "您的异议（编号 " + filed.id() + "）已有处理结果：维持原记录");
        assertThat(notices.get(0).body()).contains("#" + record.id(), "行政处罚信息", "缴款凭证与处罚决定书金额不符");
        assertThat(notices.get(1).body()).contains("经核对处罚决定书，金额无误").doesNotContain("超过规定期限");
        assertThat(notices).extracting(Inbox.Notice::link).containsExactly("/my/repairs", "/my/objections");
        assertThat(inbox.of(someoneElse.subject(), 10)).as("only the person concerned is told").isEmpty();

        // the registry delivers an event again after a restart: the same answer is not told twice
        transactions.executeWithoutResult(tx -> events.publishEvent(new RemedyDecided(RemedyDecided.Kind.OBJECTION, filed.id(),
                record.id(), person.subject(), record.itemCode(), "维持原记录", "经核对处罚决定书，金额无误", false, Instant.now(clock))));
        Thread.sleep(500);
        assertThat(inbox.of(person.subject(), 10)).hasSize(2);

        String credit = page("/my/credit", person);
        assertThat(credit).contains("id=\"inbox-unread\"").contains(">2</span>");
        String inboxPage = page("/my/inbox", person);
        assertThat(inboxPage).contains("共 2 条消息，其中 2 条为新消息", "不予修复", "维持原记录", "缴款凭证与处罚决定书金额不符")
                .doesNotContain("id=\"inbox-unread\"");
        assertThat(inbox.unread(person.subject())).as("opening the inbox marks it read").isZero();
        assertThat(page("/my/credit", person)).doesNotContain("id=\"inbox-unread\"").contains("我的消息");
        assertThat(page("/my/inbox", person)).contains("共 2 条消息，其中 0 条为新消息");
        assertThat(page("/my/inbox", someoneElse)).contains("暂无消息").doesNotContain("不予修复");
    }

    @Test
    void aPersonIsToldOfTheNoticeBeforeListingOfTheListingAndOfItsEnd() throws Exception {
        IdNumber number = fixtures.syntheticIdNumber();
        register.register(number, "名单测试", "测试");
        String source = "inbox-list-" + UUID.randomUUID();
        SeriousDishonestyListAccess.push(http, http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write"),
                number, source);
        CitizenRef person = citizens.find(number).orElseThrow();
        CreditRecord record = records.findBySource(DepartmentCode.of("swj"), source).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        ListEntry entry = SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(person.subject(), "岳税认〔2026〕77号",
                "《中华人民共和国税收征收管理法》第六十三条", "偷税数额较大", today, today.plusYears(1), List.of(record.id())));
        awaitTrue(() -> inbox.unread(person.subject()) == 2);
        List<Inbox.Notice> told = inbox.of(person.subject(), 10);
        String swj = departments.find(DepartmentCode.of("swj")).orElseThrow().name();
        assertThat(told).extracting(Inbox.Notice::title).containsExactlyInAnyOrder("认定告知：" + swj + "拟将您列入严重失信主体名单",
                "您已被列入严重失信主体名单");
        assertThat(told).filteredOn(n -> n.title().startsWith("认定告知")).singleElement().satisfies(n -> {
            assertThat(n.body()).contains("岳税认〔2026〕77号", "您有权陈述和申辩", entry.noticeDue() + " 前").doesNotContain(number.value());
            assertThat(n.link()).isEqualTo("/my/list-notices");
        });
        assertThat(told).filteredOn(n -> n.title().startsWith("您已被列入")).singleElement().satisfies(n -> {
            assertThat(n.body()).contains(swj + "依据", "岳税认〔2026〕77号", "《中华人民共和国税收征收管理法》第六十三条",
                    today + " 至 " + today.plusYears(1)).doesNotContain(number.value());
            assertThat(n.link()).isEqualTo("/my/credit");
        });

        list.remove(entry.id(), DepartmentCode.of("swj"), "当事人已补缴税款及滞纳金");
        awaitTrue(() -> inbox.unread(person.subject()) == 3);
        assertThat(inbox.of(person.subject(), 10).get(0)).satisfies(n -> {
            assertThat(n.title()).isEqualTo("您的严重失信主体名单条目已结束");
            assertThat(n.body()).contains("岳税认〔2026〕77号", "审核员决定移出：当事人已补缴税款及滞纳金");
        });
    }

    private void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for the inbox").isBefore(until);
            Thread.sleep(50);
        }
    }

    /** A citizen's page as they see it logged in. */
    private String page(String path, CitizenRef person) throws Exception {
        record Citizen(String displayName, Long subjectId) implements ChengxinPrincipal {
            @Override
            public Role role() {
                return Role.CITIZEN;
            }

            @Override
            public DepartmentCode departmentCode() {
                return null;
            }
        }
        Authentication me = UsernamePasswordAuthenticationToken.authenticated(new Citizen("430602********0000", person.id()), null,
                List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
        var response = ApiContract.mockMvc(context)
                .perform(get(path).with(authentication(me))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private record Pushed(CitizenRef person, IdNumber number) {
    }

    private Pushed pushed(LocalDate decided) {
        IdNumber person = fixtures.syntheticIdNumber();
        String source = "inbox-" + UUID.randomUUID();
        Http.Response accepted = http.postJson("/api/v1/record-batches", token, "{\"records\":[{\"sourceId\":\"" + source
                + "\",\"itemCode\":\"" + PENALTY + "\",\"idNumber\":\"" + person.value() + "\",\"name\":\"周生命\",\"decisionDate\":\""
                + decided + "\",\"documentNumber\":\"岳罚〔2026〕9号\",\"content\":{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示信息\","
                + "\"fineAmount\":\"1000\",\"penaltyResult\":\"罚款\",\"authority\":\"岳阳市市场监督管理局\"}}]}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode report = http.awaitBatch(token, accepted.json().get("id").asLong());
        assertThat(report.get("rejected").asInt()).as(report.toString()).isZero();
        return new Pushed(citizens.find(person).orElseThrow(), person);
    }
}
