package org.chengxin.mutual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.inquiry.QueryLog;
import org.chengxin.lists.Decision;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.organization.ApiClients;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * POST /api/v1/mutual/credit-status (issue 18 item 4): another city's platform receives the list entries in force and the
 * public records in force, never a record of an authorized-query or government-shared item, a minor record or the
 * points; a department's system is refused; a bad duty or number has its code; each query is an entry of the person's
 * query log under the asking platform's name, with the duty, the case number and the answer, and is audited. Assertions
 * on bodies ask yes/no questions, so that no message can print a full (synthetic) ID number.
 */
@ChengxinIntegrationTest
class MutualQueryIntegrationTests {

    private static final String PATH = "/api/v1/mutual/credit-status";

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
    PopulationRegister register;

    @Autowired
    QueryLog log;

    @Autowired
    ApiClients clients;

    @Autowired
    Departments departments;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    @Autowired
    WebApplicationContext context;

    @Test
    void anotherCityReceivesTheListAndThePublicRecordsInForceAndNothingElse() {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        pushed(http, "swj", person, "YY-TX-001", 15, "{\"facts\":\"少缴税款\",\"penaltyResult\":\"追缴并罚款\",\"evadedAmount\":\"120000\","
                + "\"authority\":\"税务局\"}");
        pushed(http, "scjg", person, "YY-GN-003", 20, "{\"penaltyType\":\"警告\",\"facts\":\"未按规定公示\",\"authority\":\"市场监督管理局\"}");
        pushed(http, "scjg", person, "YY-GN-002", 25, "{\"penaltyType\":\"罚款\",\"facts\":\"虚假宣传\",\"penaltyResult\":\"罚款五千元\","
                + "\"authority\":\"市场监督管理局\"}");
        pushed(http, "wmb", person, "YY-GN-004", 60, "{\"honourTitle\":\"岳阳市诚信道德模范\",\"awardingAuthority\":\"市文明委\"}");
        pushed(http, "tsw", person, "YY-VL-002", 30, "{\"serviceHours\":\"120\",\"organizationName\":\"岳阳市志愿者协会\"}");
        CreditRecord general = inForce(subject, "YY-GN-002");
        records.markObjected(general.id(), "本人对处罚事实提出异议");
        String token = cityToken(http);

        JsonNode before = answered(http, token, body(person.value(), "GWY-LY", "公务员录用考察", "常人社〔2026〕12号", null));

        assertThat(before.get("idNumber").asString()).isEqualTo(person.masked());
        assertThat(before.get("duty").asString()).isEqualTo("GWY-LY");
        assertThat(before.get("dutyName").asString()).isEqualTo("公务员录用");
        assertThat(before.get("nameCheck").asString()).isEqualTo("NOT_GIVEN");
        assertThat(before.get("seriouslyDishonest").asBoolean()).isFalse();
        assertThat(before.get("lists").size()).isZero();
        assertThat(items(before.get("dishonesty"))).as("public items only: not the minor, government-shared YY-GN-003")
                .containsExactlyInAnyOrder("YY-TX-001", "YY-GN-002");
        assertThat(items(before.get("goodCredit"))).as("not the authorized-query volunteer hours").containsExactly("YY-GN-004");
        for (JsonNode r : before.get("dishonesty")) {
            assertThat(r.get("disputed").asBoolean()).isEqualTo(r.get("itemCode").asString().equals("YY-GN-002"));
        }
        assertThat(before.get("disputed").asBoolean()).isTrue();
        assertThat(before.get("dishonesty").get(0).get("departmentName").asString()).isNotBlank();
        for (String internal : List.of("grade", "gradeLabel", "points", "modelVersion", "threeYearsClean", "recordsCounted")) {
            assertThat(before.has(internal)).as("the city's evaluation does not cross the region: " + internal).isFalse();
        }

        LocalDate today = LocalDate.now(clock);
        SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(subject, "岳税认〔2026〕31号",
                "《中华人民共和国税收征收管理法》第六十三条", "偷税数额较大", today, today.plusYears(1),
                List.of(inForce(subject, "YY-TX-001").id())));

        JsonNode listed = answered(http, token, body(person.value(), "ZFCG", "政府采购供应商资格审查", "常采〔2026〕5号", null));
        assertThat(listed.get("seriouslyDishonest").asBoolean()).isTrue();
        assertThat(listed.get("lists").size()).isEqualTo(1);
        assertThat(listed.get("lists").get(0).get("listName").asString()).isEqualTo("严重失信主体名单");
        assertThat(listed.get("lists").get(0).get("documentNumber").asString()).isEqualTo("岳税认〔2026〕31号");
        assertThat(listed.get("lists").get(0).get("endDate").asString()).isEqualTo(today.plusYears(1).toString());
        assertThat(listed.has("entryId")).isFalse();
    }

    @Test
    void eachQueryIsInThePersonsLogUnderTheAskingCityWithTheDutyAndTheAnswerAndIsAudited() throws Exception {
        Http http = new Http(port);
        IdNumber person = fixtures.citizenWithAccount();
        SubjectKey subject = citizens.subjectKeyOf(person);
        String client = fixtures.externalPlatformClient("mutual:query");
        String token = http.token(client, Fixtures.PASSWORD, "mutual:query");
        String city = platformName(client);

        answered(http, token, body(person.value(), "PYPX", "市级劳动模范评选资格审查", "常评〔2026〕3号", null));

        assertThat(log.of(subject, Instant.EPOCH)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("MUTUAL");
            assertThat(e.kindLabel()).isEqualTo("异地信用互查");
            assertThat(e.organization()).isEqualTo(city);
            assertThat(e.shownActor()).isEqualTo("测试外部平台系统");
            assertThat(e.purpose()).isEqualTo("市级劳动模范评选资格审查");
            assertThat(e.basis()).contains("评优评先与荣誉表彰（PYPX）").contains("常评〔2026〕3号");
            assertThat(e.refused()).isFalse();
            assertThat(e.outcome()).isEqualTo("已答复：未列入严重失信主体名单，失信信息 0 条，优良信用记录 0 条");
        });
        assertThat(audit.count("action = 'mutual.query' and actor = ? and subject_index = ? and purpose = ? and outcome = 'SUCCESS'",
                client, subject, "市级劳动模范评选资格审查")).isEqualTo(1);

        Long subjectId = citizens.find(person).orElseThrow().id();
        var page = ApiContract.mockMvc(context).perform(get("/my/queries").with(authentication(citizen(person, subjectId))))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String mine = page.getContentAsString(StandardCharsets.UTF_8);
        for (String shown : List.of(city, "异地信用互查", "市级劳动模范评选资格审查", "常评〔2026〕3号", "已答复：未列入严重失信主体名单")) {
            assertThat(mine.contains(shown)).as("the person's query log shows " + shown).isTrue();
        }
        assertThat(mine.contains(person.value())).as("the page must not contain the full ID number").isFalse();
    }

    @Test
    void aNameNotTheRegisteredOneIsRefusedAndLoggedAsRefusedTheRegisteredOneIsChecked() {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        register.register(person, "互查甲", "测试");
        String token = cityToken(http);

        Http.Response wrong = http.postJson(PATH, token, body(person.value(), "XZSP", "行政许可审批", "常审〔2026〕1号", "互查乙"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("code").asString()).isEqualTo("MUTUAL_NAME_MISMATCH");
        assertThat(log.of(subject, Instant.EPOCH)).singleElement().satisfies(e -> {
            assertThat(e.refused()).isTrue();
            assertThat(e.refusalCode()).isEqualTo("MUTUAL_NAME_MISMATCH");
            assertThat(e.outcome()).startsWith("已拒绝：查询方所填姓名");
        });

        JsonNode right = answered(http, token, body(person.value(), "XZSP", "行政许可审批", "常审〔2026〕1号", "互查甲"));
        assertThat(right.get("nameCheck").asString()).isEqualTo("MATCH");
        assertThat(log.of(subject, Instant.EPOCH)).hasSize(2);
    }

    @Test
    void refusalsHaveStableCodesAndNeverEchoTheNumber() {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        String token = cityToken(http);

        assertThat(code(http.postJson(PATH, token, body(person.value(), "TSJY", "借阅", "常1号", null)))).isEqualTo("MUTUAL_DUTY_UNKNOWN");
        assertThat(code(http.postJson(PATH, token, body(person.value(), null, "资格审查", "常1号", null)))).isEqualTo("MUTUAL_DUTY_REQUIRED");
        assertThat(code(http.postJson(PATH, token, body(person.value(), "ZBTB", " ", "常1号", null)))).isEqualTo("MUTUAL_PURPOSE_REQUIRED");
        assertThat(code(http.postJson(PATH, token, body(person.value(), "ZBTB", "投标资格审查", null, null))))
                .isEqualTo("MUTUAL_CASE_NUMBER_REQUIRED");

        String wrongCheck = person.value().substring(0, 17) + (person.value().endsWith("0") ? "1" : "0");
        Http.Response invalid = http.postJson(PATH, token, body(wrongCheck, "ZBTB", "投标资格审查", "常1号", null));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("code").asString()).isEqualTo("ID_BAD_CHECK_CHARACTER");
        assertThat(invalid.body().contains(wrongCheck)).as("the refusal does not echo the number").isFalse();
        assertThat(log.of(citizens.subjectKeyOf(person), Instant.EPOCH)).as("a refused request names nobody: no entry").isEmpty();
    }

    @Test
    void aDepartmentsSystemCannotAskHoweverItIsScoped() {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        String reader = http.token(fixtures.apiClient("reports:read"), Fixtures.PASSWORD, "reports:read");

        Http.Response refused = http.postJson(PATH, reader, body(person.value(), "GWY-LY", "公务员录用考察", "岳人社1号", null));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("ACCESS_DENIED");
        assertThat(http.postJson(PATH, null, body(person.value(), "GWY-LY", "公务员录用考察", "岳人社1号", null)).status()).isEqualTo(401);
        assertThat(log.of(citizens.subjectKeyOf(person), Instant.EPOCH)).isEmpty();
    }

    private void pushed(Http http, String department, IdNumber person, String itemCode, int daysAgo, String content) {
        String token = http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
        SeriousDishonestyListAccess.pushSerious(http, token, person, itemCode, "mutual-" + UUID.randomUUID(), daysAgo, content);
    }

    private CreditRecord inForce(SubjectKey subject, String itemCode) {
        return records.allFor(subject).stream().filter(r -> r.itemCode().equals(itemCode)).findFirst().orElseThrow();
    }

    private String cityToken(Http http) {
        return http.token(fixtures.externalPlatformClient("mutual:query"), Fixtures.PASSWORD, "mutual:query");
    }

    private String platformName(String clientId) {
        DepartmentCode code = clients.all().stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElseThrow().departmentCode();
        return departments.find(code).map(Department::name).orElseThrow();
    }

    private static JsonNode answered(Http http, String token, String body) {
        Http.Response answer = http.postJson(PATH, token, body);
        assertThat(answer.status()).as("answered").isEqualTo(200);
        assertThat(answer.body().contains("\"points\"")).isFalse();
        return answer.json();
    }

    private static String code(Http.Response refused) {
        assertThat(refused.status()).isEqualTo(400);
        return refused.json().get("code").asString();
    }

    private static List<String> items(JsonNode records) {
        List<String> codes = new ArrayList<>();
        records.forEach(r -> codes.add(r.get("itemCode").asString()));
        return codes;
    }

    private static String body(String idNumber, String duty, String purpose, String caseNumber, String name) {
        return "{\"idNumber\":\"" + idNumber + "\"" + field("duty", duty) + field("purpose", purpose) + field("caseNumber", caseNumber)
                + field("name", name) + "}";
    }

    private static String field(String name, String value) {
        return value == null ? "" : ",\"" + name + "\":\"" + value + "\"";
    }

    /** A logged-in citizen, as the login makes one. */
    private static Authentication citizen(IdNumber number, Long subjectId) {
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
        return UsernamePasswordAuthenticationToken.authenticated(new Citizen(number.masked(), subjectId), null,
                List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
    }
}
