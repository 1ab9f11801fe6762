package org.chengxin.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chengxin.identity.Citizens;
import org.chengxin.lists.Decision;
import org.chengxin.lists.ListEntry;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.measures.domain.FeedbackDeadline;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.time.WorkingCalendar;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The check and the feedback as a department system uses them: only its OAuth2 client, over HTTP. A
 * person on the serious-dishonesty list gets the punishments of the matter, not those of another; the
 * end of the entry and the revocation of the record take the measures off at once; feedback is
 * checked item by item; a check left without feedback becomes overdue on a moved clock.
 */
@ChengxinIntegrationTest
class MeasureChecksIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    Records records;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    MeasureChecks checks;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WorkingCalendar calendar;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String taxToken(Http http) {
        return http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
    }

    /** A person with a serious tax-evasion record pushed by the tax office. */
    private CreditRecord seriousRecord(Http http, IdNumber person) {
        String source = "measures-" + UUID.randomUUID();
        SeriousDishonestyListAccess.push(http, taxToken(http), person, source);
        return records.allFor(citizens.subjectKeyOf(person)).stream().filter(r -> r.sourceId().equals(source)).findFirst().orElseThrow();
    }

    private static String check(String number, String matter) {
        return "{\"idNumber\":\"" + number + "\",\"matterCode\":\"" + matter + "\"}";
    }

    private static List<String> codes(JsonNode measures) {
        List<String> codes = new ArrayList<>();
        measures.forEach(m -> codes.add(m.get("code").asString()));
        return codes;
    }

    @Test
    void aListedPersonGetsThePunishmentsOfTheMatterAndTheEndOfTheEntryTakesThemOffAtOnce() {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        CreditRecord record = seriousRecord(http, person);
        LocalDate today = LocalDate.now(clock);
        ListEntry entry = SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(subject, "岳税认〔2026〕8号", "《中华人民共和国税收征收管理法》第六十三条",
                "偷税数额较大", today, today.plusYears(1), List.of(record.id())));

        String client = fixtures.apiClientOf("rsj", "measures:check");
        String token = http.token(client, Fixtures.PASSWORD, "measures:check");
        Http.Response recruitment = http.postJson("/api/v1/measure-checks", token, check(person.value(), "GWY-LY"));
        assertThat(recruitment.status()).isEqualTo(201);
        JsonNode c = recruitment.json();
        assertThat(recruitment.headers().firstValue("Location")).hasValue("/api/v1/measure-checks/" + c.get("id").asLong());
        assertThat(c.get("maskedIdNumber").asString()).isEqualTo(person.masked());
        assertThat(recruitment.body()).doesNotContain(person.value());
        assertThat(c.get("departmentCode").asString()).isEqualTo("rsj");
        assertThat(c.get("status").get("seriouslyDishonest").asBoolean()).isTrue();
        assertThat(codes(c.get("punishments"))).contains("CJ-GWY").doesNotContain("CJ-SYDW", "CJ-ZFCG");
        JsonNode gwy = c.get("punishments").get(codes(c.get("punishments")).indexOf("CJ-GWY"));
        assertThat(gwy.get("mandatory").asBoolean()).isTrue();
        assertThat(gwy.get("legalBasis").asString()).contains("（十四）");
        assertThat(gwy.get("listEntries").get(0).get("entryId").asLong()).isEqualTo(entry.id());
        assertThat(gwy.get("listEntries").get(0).get("documentNumber").asString()).isEqualTo("岳税认〔2026〕8号");
        assertThat(audit.count("action = 'measures.check' and actor = ? and subject_index = ? and purpose = ?", client, subject, "公务员录用"))
                .isEqualTo(1);

        // the same person for another matter of the same department: only that matter's measures
        JsonNode hiring = http.postJson("/api/v1/measure-checks", token, check(person.value(), "SYDW-ZP")).json();
        assertThat(codes(hiring.get("punishments"))).contains("CJ-SYDW").doesNotContain("CJ-GWY");

        // a reviewer's removal ends the entry: the next check no longer carries the list's punishments
        list.remove(entry.id(), DepartmentCode.of("swj"), "当事人已补缴税款并纠正失信行为，经审核提前移出");
        JsonNode after = http.postJson("/api/v1/measure-checks", token, check(person.value(), "GWY-LY")).json();
        assertThat(after.get("status").get("seriouslyDishonest").asBoolean()).isFalse();
        assertThat(codes(after.get("punishments"))).doesNotContain("CJ-GWY");

        // the stored check keeps what applied when it was made
        assertThat(checks.find(c.get("id").asLong(), DepartmentCode.of("rsj")).punishments()).extracting(MeasureCheck.Applicable::code).contains("CJ-GWY");
    }

    @Test
    void aDishonestyRecordTriggersItsMeasureAndItsRevocationTakesItOffAtOnce() {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        CreditRecord record = seriousRecord(http, person);
        String token = http.token(fixtures.apiClientOf("yjj", "measures:check"), Fixtures.PASSWORD, "measures:check");

        JsonNode inspection = http.postJson("/api/v1/measure-checks", token, check(person.value(), "RCJG")).json();
        assertThat(codes(inspection.get("punishments"))).contains("CJ-JCPC").doesNotContain("CJ-ZDJG");
        JsonNode jcpc = inspection.get("punishments").get(codes(inspection.get("punishments")).indexOf("CJ-JCPC"));
        assertThat(jcpc.get("records").get(0).get("recordId").asLong()).isEqualTo(record.id());
        assertThat(jcpc.get("records").get(0).get("departmentCode").asString()).isEqualTo("swj");

        records.revoke(record.id(), DepartmentCode.of("swj"), "行政复议撤销原处罚决定");
        JsonNode after = http.postJson("/api/v1/measure-checks", token, check(person.value(), "RCJG")).json();
        assertThat(codes(after.get("punishments"))).doesNotContain("CJ-JCPC");
        assertThat(after.get("status").get("grade").asString()).isEqualTo("A");
    }

    @Test
    void noPromiseAndNoMissingDocumentsRestOnAGraveRecordAndEndWithIt() {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        CreditRecord record = seriousRecord(http, person);
        String token = http.token(fixtures.apiClientOf("yjj", "measures:check"), Fixtures.PASSWORD, "measures:check");

        JsonNode licence = http.postJson("/api/v1/measure-checks", token, check(person.value(), "XZSP")).json();
        assertThat(codes(licence.get("punishments"))).contains("CJ-RQSL");
        JsonNode noPromise = licence.get("punishments").get(codes(licence.get("punishments")).indexOf("CJ-RQSL"));
        assertThat(noPromise.get("records").get(0).get("recordId").asLong()).as("it rests on the record").isEqualTo(record.id());
        assertThat(noPromise.get("reason").asString()).contains("较重及以上失信记录").doesNotContain("信用等级");
        assertThat(noPromise.get("legalBasis").asString()).contains("国办发〔2020〕42号");

        records.revoke(record.id(), DepartmentCode.of("swj"), "行政复议撤销原处罚决定");
        JsonNode after = http.postJson("/api/v1/measure-checks", token, check(person.value(), "XZSP")).json();
        assertThat(codes(after.get("punishments"))).doesNotContain("CJ-RQSL");
    }

    @Test
    void aPersonWithAGoodRecordAndADishonestyRecordGetsBothKindsAndTheDepartmentDecides() {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        seriousRecord(http, person);
        String morals = http.token(fixtures.apiClientOf("wmb", "records:write"), Fixtures.PASSWORD, "records:write");
        SeriousDishonestyListAccess.pushBody(http, morals, "{\"records\":[{\"sourceId\":\"honour-" + UUID.randomUUID()
                + "\",\"itemCode\":\"YY-GN-004\",\"idNumber\":\"" + person.value() + "\",\"name\":\"名单测试\",\"decisionDate\":\""
                + LocalDate.now(clock).minusMonths(3) + "\",\"documentNumber\":\"岳文明〔2026〕9号\",\"content\":{\"honourTitle\":\"岳阳市诚信道德模范\","
                + "\"awardingAuthority\":\"市文明委\"}}]}");
        String token = http.token(fixtures.apiClientOf("czj", "measures:check"), Fixtures.PASSWORD, "measures:check");

        JsonNode subsidy = http.postJson("/api/v1/measure-checks", token, check(person.value(), "ZFBT")).json();
        assertThat(codes(subsidy.get("incentives"))).contains("JL-LSTD");
        assertThat(codes(subsidy.get("punishments"))).contains("CJ-YHZC");
    }

    @Test
    void feedbackIsGivenMeasureByMeasureAndOnlyOnce() {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        seriousRecord(http, person);
        String token = http.token(fixtures.apiClientOf("yjj", "measures:check"), Fixtures.PASSWORD, "measures:check");
        JsonNode c = http.postJson("/api/v1/measure-checks", token, check(person.value(), "RCJG")).json();
        long id = c.get("id").asLong();
        String path = "/api/v1/measure-checks/" + id + "/feedback";
        String today = LocalDate.now(clock).toString();

        assertThat(code(http.postJson(path, token, "{\"measures\":[],\"outcome\":\"已检查\",\"handledOn\":\"" + today + "\"}")))
                .isEqualTo("MEASURE_FEEDBACK_INCOMPLETE");
        assertThat(code(http.postJson(path, token, "{\"measures\":[{\"code\":\"CJ-JCPC\",\"applied\":false}],\"outcome\":\"已检查\","
                + "\"handledOn\":\"" + today + "\"}"))).isEqualTo("MEASURE_FEEDBACK_REASON_REQUIRED");
        assertThat(code(http.postJson(path, token, "{\"measures\":[{\"code\":\"CJ-NOPE\",\"applied\":true}],\"outcome\":\"已检查\","
                + "\"handledOn\":\"" + today + "\"}"))).isEqualTo("MEASURE_FEEDBACK_UNKNOWN_MEASURE");
        assertThat(code(http.postJson(path, token, "{\"measures\":[{\"code\":\"CJ-JCPC\",\"applied\":true}],\"outcome\":\"\","
                + "\"handledOn\":\"" + today + "\"}"))).isEqualTo("MEASURE_FEEDBACK_OUTCOME_REQUIRED");
        assertThat(code(http.postJson(path, token, "{\"measures\":[{\"code\":\"CJ-JCPC\",\"applied\":true}],\"outcome\":\"已检查\","
                + "\"handledOn\":\"2020-01-01\"}"))).isEqualTo("MEASURE_FEEDBACK_DATE_INVALID");
        assertThat(code(http.postJson(path, token, "{\"measures\":[{\"code\":\"CJ-JCPC\",\"applied\":true}],\"outcome\":\"已检查\","
                + "\"handledOn\":\"not-a-date\"}"))).isEqualTo("MEASURE_FEEDBACK_DATE_INVALID");

        StringBuilder all = new StringBuilder("{\"measures\":[");
        for (String code : codes(c.get("punishments"))) {
            all.append("{\"code\":\"").append(code).append("\",\"applied\":").append(code.equals("CJ-JCPC"))
                    .append(",\"reason\":\"本次事项不涉及\"},");
        }
        all.setLength(all.length() - 1);
        all.append("],\"outcome\":\"已纳入本季度重点抽查名单\",\"handledOn\":\"").append(today).append("\",\"note\":\"窗口核查\"}");
        Http.Response given = http.postJson(path, token, all.toString());
        assertThat(given.status()).isEqualTo(200);
        assertThat(given.json().get("feedback").get("outcome").asString()).isEqualTo("已纳入本季度重点抽查名单");
        assertThat(given.json().get("feedback").get("late").asBoolean()).isFalse();
        assertThat(code(http.postJson(path, token, all.toString()))).isEqualTo("MEASURE_FEEDBACK_GIVEN");

        // another department's system cannot read or answer it
        String other = http.token(fixtures.apiClientOf("rsj", "measures:check"), Fixtures.PASSWORD, "measures:check");
        assertThat(http.get("/api/v1/measure-checks/" + id, other).status()).isEqualTo(404);
        assertThat(code(http.postJson(path, other, all.toString()))).isEqualTo("MEASURE_CHECK_NOT_FOUND");
        assertThat(audit.count("action = 'measures.feedback' and detail like ?", "%#" + id + " %")).isEqualTo(1);
    }

    @Test
    void theFeedbackOfACheckBeforeSpringFestivalIsDueAfterTheHolidayCountingTheWorkedSaturday() {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        String dept = fixtures.departmentWithCode("cgj");
        String token = http.token(fixtures.apiClientOf(dept, "measures:check"), Fixtures.PASSWORD, "measures:check");
        // the calendar of V32: 15–23 February 2026 off, Saturday 14 February worked
        clock.set(LocalDate.of(2026, 2, 12).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());

        JsonNode c = http.postJson("/api/v1/measure-checks", token, check(person.value(), "XZSP")).json();

        // Thursday 12 February + 5 working days: Friday 13, Saturday 14, Tuesday 24, 25, Thursday 26 (weekends alone: 19)
        assertThat(LocalDate.parse(c.get("feedbackDue").asString())).isEqualTo(LocalDate.of(2026, 2, 26));
    }

    @Test
    void aCheckWithoutFeedbackBecomesOverdueAfterItsWorkingDaysAndLateFeedbackIsCounted() {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        String dept = fixtures.departmentWithCode("cgj");
        String token = http.token(fixtures.apiClientOf(dept, "measures:check"), Fixtures.PASSWORD, "measures:check");
        LocalDate start = LocalDate.now(clock);
        JsonNode c = http.postJson("/api/v1/measure-checks", token, check(person.value(), "XZSP")).json();
        long id = c.get("id").asLong();
        LocalDate due = LocalDate.parse(c.get("feedbackDue").asString());
        assertThat(due).isEqualTo(FeedbackDeadline.due(calendar, start, 5));
        assertThat(checks.overdue(DepartmentCode.of(dept))).extracting(MeasureCheck::id).doesNotContain(id);

        clock.advance(Duration.between(start.atStartOfDay(), due.atStartOfDay()));
        assertThat(checks.overdue(DepartmentCode.of(dept))).as("on its due day it is not overdue yet").extracting(MeasureCheck::id).doesNotContain(id);
        clock.advance(Duration.ofDays(1));
        assertThat(checks.overdue(DepartmentCode.of(dept))).extracting(MeasureCheck::id).contains(id);
        Http.Response overdue = http.get("/api/v1/measure-checks/overdue", token);
        assertThat(overdue.status()).isEqualTo(200);
        assertThat(overdue.body()).contains("\"id\":" + id);

        // a person without records is three years clean: the check showed 容缺受理, which must be answered
        List<MeasureCheck.MeasureDecision> answers = new ArrayList<>();
        c.get("incentives").forEach(m -> answers.add(new MeasureCheck.MeasureDecision(m.get("code").asString(), true, null)));
        c.get("punishments").forEach(m -> answers.add(new MeasureCheck.MeasureDecision(m.get("code").asString(), true, null)));
        assertThat(answers).extracting(MeasureCheck.MeasureDecision::code).contains("JL-RQSL");
        MeasureCheck late = checks.feedback(id, DepartmentCode.of(dept), answers, "已办结", LocalDate.now(clock), null);
        assertThat(late.feedback().late()).isTrue();
        assertThat(checks.overdue(DepartmentCode.of(dept))).extracting(MeasureCheck::id).doesNotContain(id);
        MeasureChecks.DepartmentFigures figures = checks.figures(start.minusDays(1), LocalDate.now(clock)).stream()
                .filter(f -> f.departmentCode().value().equals(dept)).findFirst().orElseThrow();
        assertThat(figures.checks()).isGreaterThanOrEqualTo(1);
        assertThat(figures.feedbackLate()).isGreaterThanOrEqualTo(1);
        assertThat(figures.feedbackRate()).isBetween(1, 100);
    }

    @Test
    void aCheckMustNameAMatterTheDepartmentHandlesAndAValidNumber() {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        String token = http.token(fixtures.apiClientOf("yjj", "measures:check"), Fixtures.PASSWORD, "measures:check");

        assertThat(code(http.postJson("/api/v1/measure-checks", token, "{\"idNumber\":\"" + person.value() + "\"}")))
                .isEqualTo("MEASURE_MATTER_REQUIRED");
        assertThat(code(http.postJson("/api/v1/measure-checks", token, check(person.value(), "NO-SUCH")))).isEqualTo("MEASURE_MATTER_UNKNOWN");
        Http.Response notHandled = http.postJson("/api/v1/measure-checks", token, check(person.value(), "GWY-LY"));
        assertThat(notHandled.status()).isEqualTo(403);
        assertThat(code(notHandled)).isEqualTo("MEASURE_MATTER_NOT_HANDLED");
        Http.Response mismatch = http.postJson("/api/v1/measure-checks", token,
                "{\"idNumber\":\"" + person.value() + "\",\"matterCode\":\"XZSP\",\"departmentCode\":\"rsj\"}");
        assertThat(code(mismatch)).isEqualTo("MEASURE_DEPARTMENT_MISMATCH");
        for (String malformed : new String[] {"YJJ", "市药监局", "y", "yjj;drop"}) {
            Http.Response refused = http.postJson("/api/v1/measure-checks", token,
                    "{\"idNumber\":\"" + person.value() + "\",\"matterCode\":\"XZSP\",\"departmentCode\":\"" + malformed + "\"}");
            assertThat(refused.status()).as("a code no department can have is another department: " + malformed).isEqualTo(403);
            assertThat(code(refused)).isEqualTo("MEASURE_DEPARTMENT_MISMATCH");
            assertThat(refused.body()).contains("只能以本部门（yjj）名义核查");
        }
        String wrong = person.value().substring(0, 17) + (person.value().endsWith("0") ? "1" : "0");
        Http.Response invalid = http.postJson("/api/v1/measure-checks", token, check(wrong, "XZSP"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("ID_BAD_CHECK_CHARACTER").doesNotContain(wrong);
        // refused checks store nothing and are not a use of the person's data
        assertThat(audit.count("action = 'measures.check' and subject_index = ?", citizens.subjectKeyOf(person))).isZero();

        String records = http.token(fixtures.apiClientOf("yjj", "records:write"), Fixtures.PASSWORD, "records:write");
        assertThat(http.postJson("/api/v1/measure-checks", records, check(person.value(), "XZSP")).status()).as("wrong scope").isEqualTo(403);
        assertThat(http.postJson("/api/v1/measure-checks", null, check(person.value(), "XZSP")).status()).isEqualTo(401);
    }

    /**
     * Checks arriving together are stored together (the checks' group commit): each is answered with its own id, and
     * each has its one entry of the person's query log naming that id and its one audit entry, whichever group it
     * was written in.
     */
    @Test
    void checksMadeAtOnceAreEachStoredWithTheirOwnQueryLogAndAuditEntries() throws Exception {
        Http http = new Http(port);
        String client = fixtures.apiClientOf("yjj", "measures:check");
        String token = http.token(client, Fixtures.PASSWORD, "measures:check");
        List<IdNumber> people = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            people.add(fixtures.syntheticIdNumber());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (IdNumber person : people) {
                answers.add(pool.submit(() -> http.postJson("/api/v1/measure-checks", token, check(person.value(), "XZSP"))));
            }
            Set<Long> ids = new HashSet<>();
            for (int i = 0; i < people.size(); i++) {
                Http.Response answer = answers.get(i).get(60, TimeUnit.SECONDS);
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
                JsonNode c = answer.json();
                long id = c.get("id").asLong();
                assertThat(ids.add(id)).as("every check its own id").isTrue();
                IdNumber person = people.get(i);
                SubjectKey subject = citizens.subjectKeyOf(person);
                assertThat(c.get("maskedIdNumber").asString()).isEqualTo(person.masked());
                assertThat(checks.find(id, DepartmentCode.of("yjj")).maskedIdNumber()).isEqualTo(person.masked());
                assertThat(jdbc.queryForList("select basis from inquiry_query where subject_index = ? and kind = 'MEASURE'", String.class,
                        (Object) subject.bytes())).singleElement().asString().contains("核查 #" + id);
                assertThat(audit.count("action = 'measures.check' and actor = ? and subject_index = ? and detail like ?", client, subject,
                        "联合奖惩核查 #" + id + "，%")).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theMeasureListIsPublic() {
        Http http = new Http(port);
        Http.Response published = http.get("/api/v1/measures", null);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body()).contains("限制录用为公务员").contains("容缺受理").contains("GWY-LY");
    }

    private static String code(Http.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
        return r.json().get("code").asString();
    }
}
