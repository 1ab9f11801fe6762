package org.chengxin.remedies;

import org.chengxin.shared.organization.DepartmentCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chengxin.evaluation.Score;
import org.chengxin.evaluation.Scores;
import org.chengxin.evaluation.domain.Evaluation;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.CreditReports;
import org.chengxin.lists.Decision;
import org.chengxin.lists.ListEntry;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.measures.MeasureLists;
import org.chengxin.measures.domain.ObjectedRecords;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordStatus;
import org.chengxin.records.Records;
import org.chengxin.remedies.Objections.Outcome;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.standing.Standings;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * An objection not verified in time, on a moved clock, under the default rule
 * ({@code chengxin.remedies.overdue-rule=SUSPEND}): the escalation suspends the record, which then counts
 * for neither the score, the list entry resting on it nor the measure checks, while it stays shown and
 * marked; the department's decision ends the suspension and everything follows again. And the measure
 * list's rule for records under objection, as a department system's check sees it.
 */
@ChengxinIntegrationTest
class OverdueObjectionIntegrationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    Records records;

    @Autowired
    Objections objections;

    @Autowired
    Scores scores;

    @Autowired
    Standings standings;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    MeasureLists measureLists;

    @Autowired
    CreditReports reports;

    @Autowired
    PopulationRegister register;

    @Autowired
    AuditRecords audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    WebApplicationContext context;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anObjectionPastItsDaySuspendsTheRecordFromScoreListAndMeasuresUntilTheDepartmentUpholdsIt() throws Exception {
        Listed p = listedOnASeriousRecord();
        assertThat(scores.standingOf(p.subject()).points()).as("1000 less a serious record").isEqualTo(850);

        Objection filed = objections.file(p.person(), p.record().id(), null, "该处罚决定已被复议撤销", null, List.of());
        objections.accept(filed.id());
        assertThat(records.find(p.record().id()).orElseThrow().status()).isEqualTo(RecordStatus.OBJECTED);
        assertThat(scores.standingOf(p.subject()).points()).as("by default an objected record still counts").isEqualTo(850);
        assertThat(scores.standingOf(p.subject()).disputed()).isTrue();
        JsonNode objected = check(p.number(), "yjj", "XZSP");
        assertThat(codes(objected.get("punishments"))).contains("CJ-RQSL");
        JsonNode noPromise = measure(objected.get("punishments"), "CJ-RQSL");
        assertThat(noPromise.get("records").get(0).get("disputed").asBoolean()).as("marked disputed").isTrue();
        assertThat(noPromise.get("reason").asString()).contains("正在异议处理中");

        // on its last day the objection is not late yet: nothing happens
        clock.set(filed.dueOn().atTime(20, 0).atZone(SHANGHAI).toInstant());
        objections.escalateOverdue();
        assertThat(records.find(p.record().id()).orElseThrow().status()).isEqualTo(RecordStatus.OBJECTED);

        // the next morning the escalation job finds it past its day: escalated, and the record suspended
        clock.set(filed.dueOn().plusDays(1).atTime(0, 15).atZone(SHANGHAI).toInstant());
        objections.escalateOverdue();
        objections.escalateOverdue();

        CreditRecord suspended = records.find(p.record().id()).orElseThrow();
        assertThat(suspended.status()).isEqualTo(RecordStatus.SUSPENDED);
        assertThat(suspended.status().label()).isEqualTo("异议逾期未核查，暂停使用");
        assertThat(objections.find(filed.id()).orElseThrow().escalatedAt()).isNotNull();
        assertThat(statusHistory(p.record().id())).containsExactly("ACTIVE>OBJECTED", "OBJECTED>SUSPENDED");
        assertThat(audit.count("action = 'records.suspend' and subject_index = ?", p.subject())).isEqualTo(1);
        assertThat(audit.count("action = 'remedies.objection-escalate' and detail like ?", "异议 " + filed.id() + " %记录暂停使用"))
                .isEqualTo(1);
        assertThat(records.inForceFor(p.subject())).as("still shown to the person, marked")
                .extracting(CreditRecord::id).containsExactly(p.record().id());
        CreditReport report = reports.ofMyself(p.person().id(), null);
        assertThat(report.dishonesty()).singleElement().satisfies(r -> {
            assertThat(r.recordId()).isEqualTo(p.record().id());
            assertThat(r.objectionNote()).contains("异议逾期未核查，暂停使用");
        });

        Evaluation explained = scores.explain(p.subject());
        assertThat(explained.points()).isEqualTo(1000);
        assertThat(explained.lines()).isEmpty();
        assertThat(explained.setAside()).singleElement().satisfies(a -> {
            assertThat(a.recordId()).isEqualTo(p.record().id());
            assertThat(a.reason()).contains("异议逾期未核查，暂停使用");
        });
        assertThat(myCreditPage(p)).contains("id=\"set-aside\"", "暂不计分的记录", "异议逾期未核查，暂停使用，待认定部门处理后恢复",
                "<strong id=\"my-points\">1000</strong>");
        assertThat(storedPoints(p.subject(), 1000)).as("the stored score follows through the queue").isEqualTo(1000);
        assertThat(standings.of(p.subject()).dishonesty()).isEmpty();
        assertThat(standings.of(p.subject()).lists()).as("the entry rests only on the suspended record").isEmpty();
        assertThat(codes(check(p.number(), "yjj", "XZSP").get("punishments"))).doesNotContain("CJ-RQSL");
        JsonNode recruitment = check(p.number(), "rsj", "GWY-LY");
        assertThat(recruitment.get("status").get("seriouslyDishonest").asBoolean()).isFalse();
        assertThat(codes(recruitment.get("punishments"))).doesNotContain("CJ-GWY");
        assertThat(list.activeFor(p.subject())).as("the entry itself is not ended").extracting(ListEntry::id)
                .containsExactly(p.entry().id());

        // the department answers late: the record stands, the suspension ends, and everything follows again
        Objection upheld = objections.decide(DepartmentCode.of("swj"), filed.id(), Outcome.UPHOLD, "经核查原处罚决定有效，维持原记录", null);

        assertThat(upheld.late()).isTrue();
        assertThat(records.find(p.record().id()).orElseThrow().status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(statusHistory(p.record().id())).endsWith("SUSPENDED>ACTIVE");
        assertThat(scores.explain(p.subject()).points()).isEqualTo(850);
        assertThat(scores.explain(p.subject()).setAside()).isEmpty();
        assertThat(storedPoints(p.subject(), 850)).isEqualTo(850);
        assertThat(standings.of(p.subject()).lists()).extracting(l -> l.entryId()).containsExactly(p.entry().id());
        assertThat(codes(check(p.number(), "yjj", "XZSP").get("punishments"))).contains("CJ-RQSL");
        assertThat(codes(check(p.number(), "rsj", "GWY-LY").get("punishments"))).contains("CJ-GWY");
    }

    @Test
    void aCorrectionOrAWithdrawalEndsASuspensionAsWell() throws Exception {
        Listed corrected = listedOnASeriousRecord();
        Listed withdrawn = listedOnASeriousRecord();
        Objection one = objections.file(corrected.person(), corrected.record().id(), "evadedAmount", "金额有误", "100000", List.of());
        Objection two = objections.file(withdrawn.person(), withdrawn.record().id(), null, "不是我", null, List.of());
        objections.accept(one.id());
        clock.set(LocalDate.ofInstant(clock.instant(), SHANGHAI).plusDays(40).atTime(1, 0).atZone(SHANGHAI).toInstant());
        objections.escalateOverdue();
        assertThat(records.find(corrected.record().id()).orElseThrow().status()).isEqualTo(RecordStatus.SUSPENDED);
        assertThat(records.find(withdrawn.record().id()).orElseThrow().status())
                .as("an objection the platform has not screened in time is no less late").isEqualTo(RecordStatus.SUSPENDED);

        objections.decide(DepartmentCode.of("swj"), one.id(), Outcome.CORRECT, "金额录入错误", "100000");
        objections.withdraw(withdrawn.person(), two.id());

        CreditRecord afterCorrection = records.find(corrected.record().id()).orElseThrow();
        assertThat(afterCorrection.status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(afterCorrection.version()).isEqualTo(corrected.record().version() + 1);
        assertThat(records.find(withdrawn.record().id()).orElseThrow().status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(scores.explain(withdrawn.subject()).points()).isEqualTo(850);
        assertThat(storedPoints(corrected.subject(), 850)).isEqualTo(850);
    }

    @Test
    void aMeasureListThatSetsObjectedRecordsAsideTriggersNothingOnThemWhileTheDefaultMarksThem() throws Exception {
        Listed p = listedOnASeriousRecord();
        objections.file(p.person(), p.record().id(), null, "该处罚决定已被复议撤销", null, List.of());
        assertThat(measureLists.current().objectedRecords()).isEqualTo(ObjectedRecords.COUNT);
        assertThat(http.get("/api/v1/measures", null).json().get("objectedRecords").asString()).isEqualTo("COUNT");
        assertThat(codes(check(p.number(), "yjj", "XZSP").get("punishments"))).contains("CJ-RQSL");

        LocalDate today = LocalDate.now(clock);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        measureLists.setObjectedRecords("objected-exclude-" + suffix, today, ObjectedRecords.EXCLUDE);
        try {
            JsonNode excluded = check(p.number(), "yjj", "XZSP");
            assertThat(excluded.get("listVersion").asString()).isEqualTo("objected-exclude-" + suffix);
            assertThat(codes(excluded.get("punishments"))).doesNotContain("CJ-RQSL");
            assertThat(excluded.get("status").get("disputed").asBoolean()).as("the grade still follows the points model").isTrue();
            assertThat(audit.count("action = 'measures.list-publish' and detail like ?", "%objected-exclude-" + suffix + "%异议处理期间不触发措施"))
                    .isEqualTo(1);
        } finally {
            measureLists.setObjectedRecords("objected-count-" + suffix, today, ObjectedRecords.COUNT);
        }
        assertThat(codes(check(p.number(), "yjj", "XZSP").get("punishments"))).contains("CJ-RQSL");
    }

    private record Listed(IdNumber number, CitizenRef person, SubjectKey subject, CreditRecord record, ListEntry entry) {
    }

    /** A person with a serious tax record of the tax office, listed by it on that record alone. */
    private Listed listedOnASeriousRecord() {
        IdNumber number = fixtures.syntheticIdNumber();
        register.register(number, "名单测试", "测试");
        String source = "overdue-" + UUID.randomUUID();
        SeriousDishonestyListAccess.push(http, http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write"),
                number, source);
        CitizenRef person = citizens.find(number).orElseThrow();
        CreditRecord record = records.findBySource(DepartmentCode.of("swj"), source).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        ListEntry entry = SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(person.subject(), "岳税认〔2026〕" + Math.abs(source.hashCode() % 1000) + "号",
                "《中华人民共和国税收征收管理法》第六十三条", "偷税数额较大", today, today.plusYears(1), List.of(record.id())));
        return new Listed(number, person, person.subject(), record, entry);
    }

    /** The citizen's own page 我的信用积分与等级, as they see it logged in. */
    private String myCreditPage(Listed p) throws Exception {
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
        Authentication me = UsernamePasswordAuthenticationToken.authenticated(new Citizen(p.number().masked(), p.person().id()), null,
                List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
        return ApiContract.mockMvc(context)
                .perform(get("/my/credit").with(authentication(me))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode check(IdNumber person, String department, String matter) {
        String token = http.token(fixtures.apiClientOf(department, "measures:check"), Fixtures.PASSWORD, "measures:check");
        Http.Response r = http.postJson("/api/v1/measure-checks", token,
                "{\"idNumber\":\"" + person.value() + "\",\"matterCode\":\"" + matter + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static List<String> codes(JsonNode measures) {
        List<String> codes = new ArrayList<>();
        measures.forEach(m -> codes.add(m.get("code").asString()));
        return codes;
    }

    private static JsonNode measure(JsonNode measures, String code) {
        return measures.get(codes(measures).indexOf(code));
    }

    /** The stored score once the queue has reached the person (the worker runs too; this drains it as well). */
    private int storedPoints(SubjectKey subject, int expected) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            scores.recomputePending(500);
            Integer points = scores.scoreOf(subject).map(Score::points).orElse(null);
            if (points != null && points == expected) {
                return points;
            }
            Thread.sleep(100);
        }
        return scores.scoreOf(subject).map(Score::points).orElse(-1);
    }

    private List<String> statusHistory(long recordId) {
        return jdbc.sql("select from_status || '>' || to_status from records_status_change where record_id = :id order by id")
                .param("id", recordId).query(String.class).list();
    }
}
