package org.chengxin.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.chengxin.identity.Citizens;
import org.chengxin.lists.Decision;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.organization.Departments;
import org.chengxin.records.Records;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The measures pages: a window clerk of 人社局 checks a person on the serious-dishonesty list for 公务员录用,
 * reads the punishment and what it rests on and reports back; the administrator publishes a measure;
 * everybody reads the list; the administrator reads the figures. Pages that may hold a full (synthetic)
 * ID number are only ever asked yes/no questions, so no assertion message can print one.
 */
@ChengxinIntegrationTest
class MeasuresPagesIntegrationTests {

    private static final Authentication CLERK = TestPrincipal.of(Role.CLERK, "rsj");
    private static final Authentication ADMIN = TestPrincipal.of(Role.SYSTEM_ADMIN, "fgw");

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    Departments departments;

    @Autowired
    MeasureLists lists;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
        fixtures.departmentWithCode("rsj");
    }

    @Test
    void theClerkChecksAListedPersonSeesThePunishmentWithItsBasisAndReportsBack() throws Exception {
        IdNumber person = listedPerson();

        MockHttpServletResponse checked = send(post("/checks").param("idNumber", person.value()).param("matterCode", "GWY-LY"), CLERK);
        assertThat(checked.getRedirectedUrl()).as("the browser is sent to the check, named by its number").matches("/checks/\\d+");
        String url = checked.getRedirectedUrl();
        String page = body(get(url), CLERK);
        assertContains(page, "限制录用为公务员", "《公务员录用规定》", "应当实施", person.masked(), "已列入", "严重失信主体名单", "岳税认〔2026〕");
        assertThat(page.contains(person.value())).as("the check page must not contain the full ID number").isFalse();

        String refused = body(post(url + "/feedback").param("applied_CJ-GWY", "false").param("reason_CJ-GWY", " ")
                .param("outcome", "不予录用的办理结果").param("handledOn", LocalDate.now(clock).toString()), CLERK);
        assertContains(refused, "MEASURE_FEEDBACK_REASON_REQUIRED", "不予录用的办理结果", "id=\"feedback-form\"");

        MockHttpServletResponse given = send(post(url + "/feedback").param("applied_CJ-GWY", "true")
                .param("outcome", "依规定不予录用").param("handledOn", LocalDate.now(clock).toString()), CLERK);
        assertThat(given.getRedirectedUrl()).isEqualTo(url);
        String after = body(get(url), CLERK);
        assertContains(after, "id=\"feedback-given\"", "已实施", "依规定不予录用");
        assertThat(after.contains("id=\"feedback-form\"")).as("feedback is given once").isFalse();

        String home = body(get("/checks"), CLERK);
        assertContains(home, "href=\"" + url + "\"", "已反馈");
        assertThat(home.contains(person.value())).as("the checks page must not contain the full ID number").isFalse();

        MockHttpServletResponse other = send(get(url), TestPrincipal.of(Role.CLERK, "scjg"));
        assertThat(other.getStatus()).as("another department's check is not found").isEqualTo(404);
    }

    @Test
    void aMatterTheDepartmentDoesNotHandleAndAnInvalidNumberAreRefusedOnThePage() throws Exception {
        IdNumber person = fixtures.syntheticIdNumber();
        String notHandled = body(post("/checks").param("idNumber", person.value()).param("matterCode", "ZFCG"), CLERK);
        assertContains(notHandled, "MEASURE_MATTER_NOT_HANDLED", "id=\"check-error\"");

        String body = person.value().substring(0, 17);
        char wrong = IdNumber.checkCharacterOf(body) == '1' ? '2' : '1';
        String invalid = body(post("/checks").param("idNumber", body + wrong).param("matterCode", "GWY-LY"), CLERK);
        assertContains(invalid, "ID_BAD_CHECK_CHARACTER", "身份证号码校验码错误");

        String noMeasures = body(get(send(post("/checks").param("idNumber", person.value()).param("matterCode", "SYDW-ZP"), CLERK)
                .getRedirectedUrl()), CLERK);
        assertContains(noMeasures, "id=\"no-measures\"", "没有适用的守信激励或失信惩戒措施");
    }

    @Test
    void theAdministratorPublishesAMeasureAsANewVersionAndAnInvalidOneIsRefused() throws Exception {
        String version = "test-measures-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String code = "JL-T" + ThreadLocalRandom.current().nextInt(1_000_000);
        MockHttpServletResponse published = send(measure(code, "INCENTIVE", "GRADE_RANGE", version), ADMIN);
        assertThat(published.getRedirectedUrl()).isEqualTo("/admin/measures");
        String page = body(get("/admin/measures"), ADMIN);
        assertContains(page, version, code, "测试激励措施", "信用等级在 AAA 至 AA 之间");

        String refused = body(measure("JL-BAD", "INCENTIVE", "SERIOUS_DISHONESTY_LIST", version + "-x"), ADMIN);
        assertContains(refused, "MEASURE_INVALID", "激励措施不得以失信情形为条件", "value=\"JL-BAD\"");

        String removal = version + "-r";
        send(post("/admin/measures/" + code + "/removal").param("version", removal)
                .param("effectiveFrom", LocalDate.now(clock).toString()), ADMIN);
        assertContains(body(get("/admin/measures"), ADMIN), removal);
        assertThat(body(get("/measures"), null)).doesNotContain(code);
    }

    @Test
    void aMeasureIsEditedFromItsEditButtonWithItsCodeFixedAndDepartmentsPickedByName() throws Exception {
        String version = "test-measures-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String code = "JL-E" + ThreadLocalRandom.current().nextInt(1_000_000);
        send(measure(code, "INCENTIVE", "GRADE_RANGE", version), ADMIN);
        String department = fixtures.department();
        String departmentName = departments.find(DepartmentCode.of(department)).orElseThrow().name();
        String list = body(get("/admin/measures"), ADMIN);
        assertContains(list, "id=\"edit-" + code + "\"", ">编辑</a>", "data-confirm=\"移除措施“测试激励措施”将发布不含该措施的清单新版本");
        assertThat(list).as("departments are picked, not typed as codes").doesNotContain("以逗号分隔的部门编码");

        String editor = body(get("/admin/measures").param("edit", code), ADMIN);
        assertContains(editor, "修改措施：测试激励措施", "<input type=\"hidden\" name=\"code\" value=\"" + code + "\"",
                "编码不可修改", "name=\"departments\" value=\"*\" checked=\"checked\"", departmentName);
        assertThat(editor).as("the code is not retyped").doesNotContain("name=\"code\" required");

        MockHttpServletResponse saved = send(post("/admin/measures").param("code", code).param("name", "修改后的措施")
                .param("kind", "INCENTIVE").param("content", "测试内容").param("triggerKind", "GRADE_RANGE").param("bestGrade", "AAA")
                .param("worstGrade", "AA").param("minSeverity", "GENERAL").param("withinMonths", "").param("matters", "PYPX")
                .param("departments", department, "scjg").param("legalBasis", "测试依据").param("version", version + "-e")
                .param("effectiveFrom", LocalDate.now(clock).toString()), ADMIN);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/measures");
        String after = body(get("/admin/measures"), ADMIN);
        int row = after.indexOf("id=\"incentive-measures-" + code + "\"");
        assertThat(row).as("the measure is still listed under its code").isNotNegative();
        String cells = after.substring(row, after.indexOf("</tr>", row));
        assertThat(cells).contains("修改后的措施", departmentName).doesNotContain("全部部门");
    }

    @Test
    void theAdministratorSeesAndSetsWhetherObjectedRecordsTriggerMeasuresAsANewVersion() throws Exception {
        String page = body(get("/admin/measures"), ADMIN);
        assertContains(page, "id=\"objected-records\"", "异议中的记录：<strong>可以触发措施，标注异议</strong>", "异议处理期间不触发措施",
                "id=\"objected-form\"");
        assertContains(body(get("/measures"), null), "可以触发措施，标注异议");

        // far ahead, so the list in force for the other tests stays as it is
        LocalDate later = LocalDate.now(clock).plusYears(40);
        String version = "test-objected-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Object refused = mvc.perform(post("/admin/measures/objected-records").param("objectedRecords", "SOMETIMES")
                .param("version", version).param("effectiveFrom", later.toString()).with(csrf()).with(authentication(ADMIN)))
                .andReturn().getFlashMap().get("error");
        assertThat(((ChengxinException) refused).code()).isEqualTo("MEASURE_INVALID");

        MockHttpServletResponse published = send(post("/admin/measures/objected-records").param("objectedRecords", "EXCLUDE")
                .param("version", version).param("effectiveFrom", later.toString()), ADMIN);
        assertThat(published.getRedirectedUrl()).isEqualTo("/admin/measures");
        assertContains(body(get("/admin/measures"), ADMIN), "<code>" + version + "</code>");
        assertThat(jdbc.sql("select config ->> 'objectedRecords' from measures_version where version = ?").param(version)
                .query(String.class).single()).isEqualTo("EXCLUDE");
        assertThat(jdbc.sql("select jsonb_array_length(config -> 'measures') = ? from measures_version where version = ?")
                .params(lists.current().measures().size(), version).query(Boolean.class).single()).as("the measures unchanged").isTrue();
    }

    @Test
    void aPunishmentTriggeredByAGradeIsRefusedAsAFormErrorAndTheInputIsKept() throws Exception {
        String before = currentVersion(body(get("/admin/measures"), ADMIN));
        String code = "CJ-G" + ThreadLocalRandom.current().nextInt(1_000_000);
        MockHttpServletResponse refused = send(measure(code, "PUNISHMENT", "GRADE_RANGE", "C", "D", "test-grade-" + code.substring(4)),
                ADMIN);
        assertThat(refused.getStatus()).isEqualTo(200);
        String page = refused.getContentAsString(StandardCharsets.UTF_8);
        assertContains(page, "id=\"form-error\"", "MEASURE_PUNISHMENT_BY_GRADE",
                "惩戒措施不能以信用等级或分数为触发条件，须以失信记录或名单为依据（国办发〔2020〕49号）",
                "value=\"" + code + "\"", "<option value=\"PUNISHMENT\" selected=\"selected\">",
                "<option value=\"GRADE_RANGE\" selected=\"selected\">", "测试依据");
        String after = body(get("/admin/measures"), ADMIN);
        assertThat(currentVersion(after)).as("no version was published").isEqualTo(before);
        assertThat(after).doesNotContain(code);
    }

    @Test
    void everybodyReadsTheListWithoutLoggingIn() throws Exception {
        MockHttpServletResponse response = send(get("/measures"), null);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("守信激励和失信惩戒措施清单", "限制录用为公务员",
                "《公务员录用规定》", "应当实施", "可以实施", "列入严重失信主体名单", "公务员录用");
        assertThat(body(get("/"), null)).contains("href=\"/measures\"");
    }

    @Test
    void theFiguresCountTheChecksAndABadDateIsSaidPlainly() throws Exception {
        send(post("/checks").param("idNumber", fixtures.syntheticIdNumber().value()).param("matterCode", "GWY-LY"), CLERK);
        String figures = body(get("/admin/measures/figures"), ADMIN);
        assertThat(figures).contains("id=\"figures-rsj\"", departments.find(DepartmentCode.of("rsj")).orElseThrow().name(), "id=\"figures-chart\"");

        MockHttpServletResponse bad = send(get("/admin/measures/figures").param("from", "2026-13-01"), ADMIN);
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("MEASURE_FIGURES_DATE_INVALID", "开始日期格式应为");
    }

    /** A person with a serious tax record, listed by 税务局. */
    private IdNumber listedPerson() {
        Http http = new Http(port);
        String tax = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        SeriousDishonestyListAccess.push(http, tax, person, "measures-" + UUID.randomUUID());
        long recordId = records.allFor(subject).get(0).id();
        LocalDate today = LocalDate.now(clock);
        SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(subject, "岳税认〔2026〕" + ThreadLocalRandom.current().nextInt(1000) + "号",
                "《中华人民共和国税收征收管理法》第六十三条", "偷税数额较大", today, today.plusYears(1), List.of(recordId)));
        return person;
    }

    private MockHttpServletRequestBuilder measure(String code, String kind, String trigger, String version) {
        return measure(code, kind, trigger, "AAA", "AA", version);
    }

    private MockHttpServletRequestBuilder measure(String code, String kind, String trigger, String bestGrade, String worstGrade,
            String version) {
        return post("/admin/measures").param("code", code).param("name", "测试激励措施").param("kind", kind)
                .param("content", "测试内容").param("triggerKind", trigger).param("bestGrade", bestGrade).param("worstGrade", worstGrade)
                .param("minSeverity", "GENERAL").param("withinMonths", "").param("matters", "PYPX").param("departments", "*")
                .param("legalBasis", "测试依据").param("version", version).param("effectiveFrom", LocalDate.now(clock).toString());
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Authentication who) throws Exception {
        request.with(csrf());
        if (who != null) {
            request.with(authentication(who));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String body(MockHttpServletRequestBuilder request, Authentication who) throws Exception {
        return send(request, who).getContentAsString(StandardCharsets.UTF_8);
    }

    private static String currentVersion(String adminPage) {
        int start = adminPage.indexOf("id=\"current-version\">");
        assertThat(start).as("the page names the version in force").isNotNegative();
        return adminPage.substring(start, adminPage.indexOf("</code>", start));
    }

    /** Yes/no per expected text: the page may hold a full ID number, which must never reach a report. */
    private static void assertContains(String page, String... texts) {
        for (String text : texts) {
            assertThat(page.contains(text)).as("the page shows " + text).isTrue();
        }
    }
}
