package org.chengxin.remedies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.chengxin.evaluation.Score;
import org.chengxin.evaluation.Scores;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.lists.Decision;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordStatus;
import org.chengxin.records.Records;
import org.chengxin.remedies.domain.Commitment;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.remedies.domain.ObjectionStatus;
import org.chengxin.remedies.domain.RepairApplication;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Objections and repairs through the staff pages and the department API: screening, the reviewer's
 * queue and decision forms, the department system's reads and decisions, and what follows in the
 * record, the score and the list; another department gets the answer a missing case gets.
 */
@ChengxinIntegrationTest
class RemediesReviewIntegrationTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    Scores scores;

    @Autowired
    Objections objections;

    @Autowired
    Repairs repairs;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    Http http;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        mvc = ApiContract.mockMvc(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anObjectionScreenedAndCorrectedOnThePagesBecomesVersionTwoAndTheScoreNoLongerShowsItDisputed() throws Exception {
        String department = fixtures.department();
        IdNumber person = fixtures.syntheticIdNumber();
        CreditRecord record = pushed(department, person, "YY-GN-002", LocalDate.now(clock).minusMonths(1), penalty("1000"));
        CitizenRef ref = citizens.find(person).orElseThrow();
        Objection filed = objections.file(ref, record.id(), "fineAmount", "罚款已依复议决定减为 500 元", "500",
                List.of(new Upload("复议决定书.pdf", "application/pdf", PDF)));
        long attachment = objections.attachmentsOf(filed.id()).get(0).id();
        Authentication admin = TestPrincipal.of(Role.SYSTEM_ADMIN, "fgw");
        Authentication reviewer = TestPrincipal.of(Role.REVIEWER, department);
        Authentication otherReviewer = TestPrincipal.of(Role.REVIEWER, fixtures.department());

        String screening = body(get("/remedies/screening"), admin);
        assertThat(screening).contains("screening-" + filed.id(), person.masked(), "罚款已依复议决定减为 500 元", "罚款金额（元）",
                "/remedies/attachments/" + attachment).doesNotContain(person.value()).doesNotContain(ref.subject().hex());
        assertThat(send(get("/remedies/attachments/" + attachment), admin).getContentAsByteArray()).isEqualTo(PDF);
        assertThat(send(get("/review/objections/" + filed.id()), reviewer).getStatus()).as("not yet screened").isEqualTo(404);
        assertThat(send(get("/review/attachments/" + attachment), reviewer).getStatus()).isEqualTo(404);
        Http.Response early = http.postJson("/api/v1/objections/" + filed.id() + "/decision", token(department),
                "{\"outcome\":\"UPHOLD\",\"reasons\":\"经核查无误\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("OBJECTION_NOT_SCREENED");

        assertThat(send(post("/remedies/screening/" + filed.id() + "/acceptance"), admin).getRedirectedUrl()).isEqualTo("/remedies/screening");
        assertThat(objections.find(filed.id()).orElseThrow().status()).isEqualTo(ObjectionStatus.WITH_DEPARTMENT);

        String queue = body(get("/review/cases"), reviewer);
        assertThat(queue).contains("href=\"/review/objections/" + filed.id() + "\"", person.masked(),
                "剩余 " + ChronoUnit.DAYS.between(LocalDate.now(clock), filed.dueOn()) + " 天")
                .doesNotContain(person.value());
        String detail = body(get("/review/objections/" + filed.id()), reviewer);
        assertThat(detail).contains("罚款金额（元）", "罚款已依复议决定减为 500 元", person.masked(), "/review/attachments/" + attachment,
                "id=\"revoke-form\"", "data-confirm=", "/js/confirm.js").doesNotContain(person.value());
        assertThat(send(get("/review/attachments/" + attachment), reviewer).getContentAsByteArray()).isEqualTo(PDF);
        assertThat(send(get("/review/objections/" + filed.id()), otherReviewer).getStatus()).isEqualTo(404);
        assertThat(send(post("/review/objections/" + filed.id() + "/decision").param("outcome", "REVOKE").param("reasons", "撤销"),
                otherReviewer).getStatus()).isEqualTo(404);

        String refused = body(post("/review/objections/" + filed.id() + "/decision").param("outcome", "CORRECT")
                .param("correctedValue", "500").param("reasons", " "), reviewer);
        assertThat(refused).contains("DECISION_REASON_REQUIRED", "请说明处理理由", "value=\"500\"");
        MockHttpServletResponse corrected = send(post("/review/objections/" + filed.id() + "/decision").param("outcome", "CORRECT")
                .param("correctedValue", "500").param("reasons", "复议决定已将罚款减为 500 元"), reviewer);
        assertThat(corrected.getRedirectedUrl()).isEqualTo("/review/objections/" + filed.id());

        CreditRecord after = records.find(record.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(after.content().get("fineAmount")).hasToString("500");
        assertThat(records.versionsOf(record.id())).hasSize(2);
        scores.recomputePending(10_000);
        assertThat(scores.scoreOf(record.subject()).orElseThrow().disputed()).as("the score was recomputed without the dispute")
                .isFalse();
        assertThat(body(get("/review/objections/" + filed.id()), reviewer)).contains("已处理：记录已更正", "复议决定已将罚款减为 500 元")
                .doesNotContain("id=\"decision-form\"");
    }

    @Test
    void aDepartmentSystemRevokesARecordOverTheApiAndTheListEntryRestingOnlyOnItEnds() {
        IdNumber person = fixtures.syntheticIdNumber();
        CreditRecord record = pushed("swj", person, "YY-TX-001", LocalDate.now(clock).minusDays(15),
                "{\"facts\":\"少缴税款\",\"penaltyResult\":\"追缴并罚款\",\"evadedAmount\":\"120000\",\"authority\":\"税务局\"}");
        SubjectKey subject = record.subject();
        LocalDate today = LocalDate.now(clock);
        SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(subject, "岳税认〔2026〕" + Math.floorMod(record.id(), 1000) + "号",
                "《中华人民共和国税收征收管理法》第六十三条", "偷税数额较大", today, today.plusYears(1), List.of(record.id())));
        assertThat(list.activeFor(subject)).hasSize(1);
        Objection filed = objections.file(citizens.find(person).orElseThrow(), record.id(), null, "该笔税款不是本人的", null, List.of());
        objections.accept(filed.id());
        String swj = token("swj");
        String stranger = token(fixtures.department());

        Http.Response open = http.get("/api/v1/objections?open=true", swj);
        assertThat(open.status()).isEqualTo(200);
        JsonNode row = find(open.json(), filed.id());
        assertThat(row.get("maskedId").asString()).isEqualTo(person.masked());
        assertThat(row.get("statusLabel").asString()).isEqualTo("认定部门核查中");
        assertThat(row.get("overdue").asBoolean()).isFalse();
        assertThat(open.body()).doesNotContain(person.value()).doesNotContain(subject.hex());
        Http.Response one = http.get("/api/v1/objections/" + filed.id(), swj);
        assertThat(one.json().get("record").get("content").toString()).contains("偷逃税款金额（元）", "120000");
        assertThat(one.body()).doesNotContain(person.value()).doesNotContain(subject.hex());
        Http.Response notTheirs = http.get("/api/v1/objections/" + filed.id(), stranger);
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.json().get("code").asString()).isEqualTo("OBJECTION_NOT_FOUND");
        assertThat(http.postJson("/api/v1/objections/" + filed.id() + "/decision", stranger,
                "{\"outcome\":\"REVOKE\",\"reasons\":\"撤销\"}").json().get("code").asString()).isEqualTo("OBJECTION_NOT_FOUND");
        Http.Response noReasons = http.postJson("/api/v1/objections/" + filed.id() + "/decision", swj, "{\"outcome\":\"REVOKE\"}");
        assertThat(noReasons.status()).isEqualTo(400);
        assertThat(noReasons.json().get("code").asString()).isEqualTo("DECISION_REASON_REQUIRED");

        Http.Response revoked = http.postJson("/api/v1/objections/" + filed.id() + "/decision", swj,
                "{\"outcome\":\"REVOKE\",\"reasons\":\"经核查该记录当事人有误，予以撤销\"}");

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.json().get("record").get("status").asString()).isEqualTo("REVOKED");
        assertThat(records.find(record.id()).orElseThrow().status()).isEqualTo(RecordStatus.REVOKED);
        assertThat(list.activeFor(subject)).as("the entry rested only on the revoked record").isEmpty();
        assertThat(audit.count("action = 'remedies.objection-decide' and detail like ?", "异议 " + filed.id() + " %")).isEqualTo(1);
    }

    @Test
    void aRepairGrantedOnThePageTakesTheRecordOutOfUseAndTheGradeChanges() throws Exception {
        IdNumber person = fixtures.syntheticIdNumber();
        CreditRecord record = pushed("swj", person, "YY-TX-001", LocalDate.now(clock).minusMonths(13),
                "{\"facts\":\"少缴税款\",\"penaltyResult\":\"追缴并罚款\",\"evadedAmount\":\"52000\",\"authority\":\"税务局\"}");
        scores.recomputePending(10_000);
        Score before = scores.scoreOf(record.subject()).orElseThrow();
        RepairApplication applied = repairs.apply(citizens.find(person).orElseThrow(), record.id(), "税款和罚款已于次月全部缴清", null,
                Commitment.ONLINE, List.of(new Upload("缴款凭证.pdf", "application/pdf", PDF)));
        Authentication reviewer = TestPrincipal.of(Role.REVIEWER, "swj");
        Authentication otherReviewer = TestPrincipal.of(Role.REVIEWER, fixtures.department());

        assertThat(body(get("/review/cases"), reviewer)).contains("href=\"/review/repairs/" + applied.id() + "\"");
        assertThat(body(get("/review/repairs/" + applied.id()), reviewer)).contains("税款和罚款已于次月全部缴清", person.masked(),
                "偷逃税款金额（元）", "缴款凭证.pdf");
        assertThat(send(get("/review/repairs/" + applied.id()), otherReviewer).getStatus()).isEqualTo(404);
        Http.Response notTheirs = http.get("/api/v1/repairs/" + applied.id(), token(fixtures.department()));
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.json().get("code").asString()).isEqualTo("REPAIR_NOT_FOUND");
        assertThat(body(post("/review/repairs/" + applied.id() + "/decision").param("reasons", "已履行"), reviewer))
                .contains("REPAIR_OUTCOME_REQUIRED", "已履行");

        MockHttpServletResponse granted = send(post("/review/repairs/" + applied.id() + "/decision").param("grant", "true")
                .param("reasons", "已履行法定义务并作出信用承诺"), reviewer);

        assertThat(granted.getRedirectedUrl()).isEqualTo("/review/repairs/" + applied.id());
        assertThat(records.find(record.id()).orElseThrow().status()).isEqualTo(RecordStatus.REPAIRED);
        assertThat(records.inForceFor(record.subject())).extracting(CreditRecord::id).doesNotContain(record.id());
        scores.recomputePending(10_000);
        Score after = scores.scoreOf(record.subject()).orElseThrow();
        assertThat(after.points()).isGreaterThan(before.points());
        assertThat(after.grade()).isNotEqualTo(before.grade());
        Http.Response read = http.get("/api/v1/repairs/" + applied.id(), token("swj"));
        assertThat(read.json().get("statusLabel").asString()).isEqualTo("已修复");
        assertThat(read.json().get("record").get("statusLabel").asString()).isEqualTo("已修复");
    }

    @Test
    void anObjectionWhoseTwentiethDayIsAHolidayIsDueOnTheNextWorkingDayAndIsEscalatedOnceAfterIt() throws Exception {
        clock.set(Instant.parse("2026-09-15T02:00:00Z"));
        String department = fixtures.department();
        IdNumber person = fixtures.syntheticIdNumber();
        CreditRecord record = pushed(department, person, "YY-GN-002", LocalDate.parse("2026-09-01"), penalty("800"));
        Objection filed = objections.file(citizens.find(person).orElseThrow(), record.id(), "fineAmount", "金额有误", "80", List.of());
        objections.accept(filed.id());

        assertThat(filed.dueOn()).as("2026-10-05 to 10-07 are the National Day holidays").isEqualTo(LocalDate.parse("2026-10-08"));
        clock.set(Instant.parse("2026-10-08T09:00:00Z"));
        objections.escalateOverdue();
        assertThat(escalations(filed)).as("on its last day it is not late yet").isZero();

        clock.set(Instant.parse("2026-10-09T01:00:00Z"));
        objections.escalateOverdue();
        objections.escalateOverdue();

        assertThat(escalations(filed)).isEqualTo(1);
        assertThat(objections.find(filed.id()).orElseThrow().escalatedAt()).isNotNull();
        assertThat(objections.overdue()).extracting(Objection::id).contains(filed.id());
        assertThat(body(get("/remedies/screening"), TestPrincipal.of(Role.SYSTEM_ADMIN, "fgw")))
                .containsPattern("(?s)id=\"overdue-objection-" + filed.id() + "\".*?已督办");
        assertThat(body(get("/review/cases"), TestPrincipal.of(Role.REVIEWER, department)))
                .containsPattern("<tr[^>]*(overdue-row[^>]*id=\"objection-" + filed.id() + "\"|id=\"objection-" + filed.id()
                        + "\"[^>]*overdue-row)").contains("已超期 1 天");
        Objection upheld = objections.decide(DepartmentCode.of(department), filed.id(), Objections.Outcome.UPHOLD, "经核查金额无误", null);
        assertThat(upheld.late()).isTrue();
        assertThat(records.find(record.id()).orElseThrow().status()).isEqualTo(RecordStatus.ACTIVE);
    }

    @Test
    void theScreenerDismissesForANamedGroundAndADepartmentSystemOpensOnlyTheFilesOfItsOwnCase() throws Exception {
        String department = fixtures.department();
        IdNumber person = fixtures.syntheticIdNumber();
        CreditRecord first = pushed(department, person, "YY-GN-002", LocalDate.now(clock).minusMonths(2), penalty("300"));
        CreditRecord second = pushed(department, person, "YY-GN-002", LocalDate.now(clock).minusMonths(1), penalty("600"));
        CitizenRef ref = citizens.find(person).orElseThrow();
        List<Upload> proof = List.of(new Upload("说明.pdf", "application/pdf", PDF));
        Objection dismissedOne = objections.file(ref, first.id(), null, "重复提出", null, proof);
        Objection passedOn = objections.file(ref, second.id(), "fineAmount", "金额有误", "60", proof);
        long dismissedFile = objections.attachmentsOf(dismissedOne.id()).get(0).id();
        long passedFile = objections.attachmentsOf(passedOn.id()).get(0).id();
        Authentication admin = TestPrincipal.of(Role.SYSTEM_ADMIN, "fgw");

        Object refused = mvc.perform(post("/remedies/screening/" + dismissedOne.id() + "/dismissal").param("explanation", "同一事项")
                .with(csrf()).with(authentication(admin))).andReturn().getFlashMap().get("error");
        assertThat(((ChengxinException) refused).code()).isEqualTo("OBJECTION_DISMISSAL_GROUND_REQUIRED");
        send(post("/remedies/screening/" + dismissedOne.id() + "/dismissal").param("ground", "DUPLICATE").param("explanation", "同一事项"),
                admin);
        send(post("/remedies/screening/" + passedOn.id() + "/acceptance"), admin);

        assertThat(objections.find(dismissedOne.id()).orElseThrow().status()).isEqualTo(ObjectionStatus.DISMISSED);
        assertThat(objections.find(dismissedOne.id()).orElseThrow().decisionReason()).startsWith("重复提出").endsWith("同一事项");
        assertThat(records.find(first.id()).orElseThrow().status()).as("the dispute ends").isEqualTo(RecordStatus.ACTIVE);
        String own = token(department);
        Http.Response file = http.get("/api/v1/objections/" + passedOn.id() + "/attachments/" + passedFile, own);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(file.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(PDF);
        Http.Response otherCasesFile = http.get("/api/v1/objections/" + passedOn.id() + "/attachments/" + dismissedFile, own);
        assertThat(otherCasesFile.status()).isEqualTo(404);
        assertThat(otherCasesFile.json().get("code").asString()).isEqualTo("ATTACHMENT_NOT_FOUND");
        Http.Response stranger = http.get("/api/v1/objections/" + passedOn.id() + "/attachments/" + passedFile, token(fixtures.department()));
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.json().get("code").asString()).isEqualTo("OBJECTION_NOT_FOUND");
    }

    private long escalations(Objection o) {
        return audit.count("action = 'remedies.objection-escalate' and detail like ?", "异议 " + o.id() + " %");
    }

    private static JsonNode find(JsonNode array, long id) {
        for (JsonNode n : array) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("case " + id + " not listed");
    }

    private String token(String department) {
        return http.token(fixtures.apiClientOf(department, "remedies:decide"), Fixtures.PASSWORD, "remedies:decide");
    }

    private CreditRecord pushed(String department, IdNumber person, String item, LocalDate decided, String content) {
        String pushToken = http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
        String source = "rem-" + UUID.randomUUID();
        String body = "{\"records\":[{\"sourceId\":\"" + source + "\",\"itemCode\":\"" + item + "\",\"idNumber\":\"" + person.value()
                + "\",\"name\":\"异议测试\",\"decisionDate\":\"" + decided + "\",\"documentNumber\":\"岳罚〔2026〕"
                + Math.floorMod(source.hashCode(), 1000) + "号\",\"content\":" + content + "}]}";
        Http.Response accepted = http.postJson("/api/v1/record-batches", pushToken, body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode report = http.awaitBatch(pushToken, accepted.json().get("id").asLong());
        assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(1);
        return records.findBySource(DepartmentCode.of(department), source).orElseThrow();
    }

    private static String penalty(String fine) {
        return "{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示信息\",\"fineAmount\":\"" + fine
                + "\",\"penaltyResult\":\"罚款\",\"authority\":\"岳阳市市场监督管理局\"}";
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Authentication who) throws Exception {
        return mvc.perform(request.with(csrf()).with(authentication(who))).andReturn().getResponse();
    }

    private String body(MockHttpServletRequestBuilder request, Authentication who) throws Exception {
        return send(request, who).getContentAsString(StandardCharsets.UTF_8);
    }
}
