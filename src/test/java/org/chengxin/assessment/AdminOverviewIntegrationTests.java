package org.chengxin.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chengxin.evaluation.Scores;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.Decision;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.measures.MeasureCheck;
import org.chengxin.measures.MeasureChecks;
import org.chengxin.records.Records;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The administrator's overview on the workbench (issue 16): an honour and a serious tax record pushed today, the tax
 * record listed, a credit-status query and a measure check with its feedback each move their figure by exactly one (a
 * measure check is no credit query), the graded persons by grade follow the recomputation, and the page shows the same
 * numbers as the chart JSON. Only the administrator sees the overview; every other role keeps its workbench and is
 * refused the JSON. The months and days run on the clock.
 */
@ChengxinIntegrationTest
class AdminOverviewIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    Scores scores;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    Records records;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    MeasureChecks checks;

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
    void eachFigureCountsWhatHappenedToday() throws Exception {
        settleScores();
        JsonNode before = charts();
        Http http = new Http(port);

        // an honour (good credit, grade AA) and a serious tax record, listed, of two new persons
        IdNumber honoured = fixtures.syntheticIdNumber();
        String morals = http.token(fixtures.apiClientOf("wmb", "records:write"), Fixtures.PASSWORD, "records:write");
        SeriousDishonestyListAccess.pushBody(http, morals, "{\"records\":[{\"sourceId\":\"overview-" + UUID.randomUUID()
                + "\",\"itemCode\":\"YY-GN-004\",\"idNumber\":\"" + honoured.value() + "\",\"name\":\"概况测试\",\"decisionDate\":\""
                + LocalDate.now(clock).minusMonths(6) + "\",\"documentNumber\":\"岳文明〔2026〕8号\",\"content\":{\"honourTitle\":\"岳阳市诚信道德模范\","
                + "\"awardingAuthority\":\"市文明委\"}}]}");
        IdNumber evader = fixtures.syntheticIdNumber();
        register.register(evader, "名单测试", "测试");
        String source = "overview-" + UUID.randomUUID();
        SeriousDishonestyListAccess.push(http, http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write"),
                evader, source);
        long recordId = records.findBySource(DepartmentCode.of("swj"), source).orElseThrow().id();
        LocalDate today = LocalDate.now(clock);
        SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(citizens.subjectKeyOf(evader), "岳税认〔2026〕98号",
                "《中华人民共和国税收征收管理法》第六十三条", "偷税数额较大", today, today.plusYears(1), List.of(recordId)));
        awaitScores(citizens.subjectKeyOf(honoured), citizens.subjectKeyOf(evader));

        // one credit-status query, one measure check (logged as a use, but no credit query) with its feedback
        String status = http.token(fixtures.apiClient("reports:read"), Fixtures.PASSWORD, "reports:read");
        assertThat(http.postJson("/api/v1/credit-status", status, "{\"idNumber\":\"" + fixtures.syntheticIdNumber().value()
                + "\",\"purpose\":\"行政审批容缺受理核查\"}").status()).isEqualTo(200);
        String dept = fixtures.departmentWithCode("cgj");
        String checker = http.token(fixtures.apiClientOf(dept, "measures:check"), Fixtures.PASSWORD, "measures:check");
        Http.Response check = http.postJson("/api/v1/measure-checks", checker, "{\"idNumber\":\"" + fixtures.syntheticIdNumber().value()
                + "\",\"matterCode\":\"XZSP\"}");
        assertThat(check.status()).isEqualTo(201);
        List<MeasureCheck.MeasureDecision> answers = new ArrayList<>();
        check.json().get("incentives").forEach(m -> answers.add(new MeasureCheck.MeasureDecision(m.get("code").asString(), true, null)));
        check.json().get("punishments").forEach(m -> answers.add(new MeasureCheck.MeasureDecision(m.get("code").asString(), true, null)));
        checks.feedback(check.json().get("id").asLong(), DepartmentCode.of(dept), answers, "已办结", today, null);

        JsonNode after = charts();
        assertThat(after.get("today").asString()).isEqualTo(today.toString());
        assertThat(delta(before, after, "recordsThisMonth")).isEqualTo(2);
        assertThat(delta(before, after, "recordsTotal")).isEqualTo(2);
        assertThat(delta(before, after, "listEntriesInForce")).isEqualTo(1);
        assertThat(delta(before, after, "goodCreditInForce")).isEqualTo(1);
        assertThat(delta(before, after, "queriesToday")).as("the measure check is not a credit query").isEqualTo(1);
        assertThat(delta(before, after, "queriesTotal")).isEqualTo(1);
        assertThat(delta(before, after, "checksTotal")).isEqualTo(1);
        assertThat(delta(before, after, "feedbackTotal")).isEqualTo(1);
        assertThat(delta(before, after, "personsGraded")).isEqualTo(2);

        JsonNode recordsChart = after.get("charts").get("recordsByDomain");
        assertThat(recordsChart.get("xAxis").get("data")).hasSize(12);
        assertThat(recordsChart.get("xAxis").get("data").get(11).asString()).isEqualTo(today.toString().substring(0, 7));
        long stacked = 0;
        for (JsonNode series : recordsChart.get("series")) {
            assertThat(series.get("type").asString()).isEqualTo("bar");
            assertThat(series.get("stack").asString()).isEqualTo("records");
            stacked += series.get("data").get(11).asLong();
        }
        assertThat(stacked).as("the stacked bars of this month add up to the figure").isEqualTo(after.get("figures").get("recordsThisMonth").asLong());

        JsonNode grades = after.get("charts").get("grades");
        assertThat(grades.get("xAxis").get("data").get(1).asString()).isEqualTo("AA 良好");
        assertThat(grades.get("series").get(0).get("data").get(1).asLong() - before.get("charts").get("grades").get("series").get(0)
                .get("data").get(1).asLong()).as("the honoured person is AA").isEqualTo(1);

        JsonNode queries = after.get("charts").get("queries");
        assertThat(queries.get("xAxis").get("data")).hasSize(30);
        assertThat(queries.get("series").get(0).get("type").asString()).isEqualTo("line");
        assertThat(queries.get("series").get(0).get("data").get(29).asLong()).isEqualTo(after.get("figures").get("queriesToday").asLong());

        JsonNode checksChart = after.get("charts").get("checks");
        assertThat(checksChart.get("series").get(0).get("type").asString()).isEqualTo("bar");
        assertThat(checksChart.get("series").get(1).get("type").asString()).isEqualTo("line");
        assertThat(checksChart.get("series").get(0).get("data").get(11).asLong()
                - before.get("charts").get("checks").get("series").get(0).get("data").get(11).asLong()).isEqualTo(1);
        assertThat(checksChart.get("series").get(1).get("data").get(11).asDouble()).isBetween(0.1, 100.0);

        String page = page(Role.SYSTEM_ADMIN);
        assertThat(page).contains("全市概况", "data-charts=\"/home/overview/charts\"", "data-chart=\"recordsByDomain\"",
                "data-chart=\"grades\"", "data-chart=\"queries\"", "data-chart=\"checks\"", "id=\"overview-records-table\"",
                "id=\"overview-grades-table\"", "id=\"overview-checks-table\"", "/webjars/echarts/5.3.1/dist/echarts.min.js",
                "/js/assessment.js",
                "id=\"figure-list-entries\">" + after.get("figures").get("listEntriesInForce").asLong() + "<",
                "id=\"figure-good-credit\">" + after.get("figures").get("goodCreditInForce").asLong() + "<",
                "id=\"figure-checks\">" + after.get("figures").get("checksTotal").asLong() + "<",
                "id=\"figure-queries\">" + after.get("figures").get("queriesTotal").asLong() + "<")
                .doesNotContain(honoured.value()).doesNotContain(evader.value());
        assertThat(page.replaceAll("<script[^>]*src=\"[^\"]*\"[^>]*></script>", "")).as("no inline script").doesNotContain("<script");
    }

    @Test
    void theMonthsAndDaysRunOnTheClock() throws Exception {
        clock.set(LocalDate.of(2027, 3, 15).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        JsonNode body = charts();
        assertThat(body.get("today").asString()).isEqualTo("2027-03-15");
        JsonNode months = body.get("charts").get("recordsByDomain").get("xAxis").get("data");
        assertThat(months.get(0).asString()).isEqualTo("2026-04");
        assertThat(months.get(11).asString()).isEqualTo("2027-03");
        JsonNode days = body.get("charts").get("queries").get("xAxis").get("data");
        assertThat(days.get(0).asString()).isEqualTo("02-14");
        assertThat(days.get(29).asString()).isEqualTo("03-15");
        assertThat(body.get("figures").get("queriesToday").asLong()).as("nothing was queried on that day yet").isZero();
        assertThat(body.get("charts").get("checks").get("xAxis").get("data").get(11).asString()).isEqualTo("2027-03");
    }

    @Test
    void onlyTheAdministratorSeesTheOverview() throws Exception {
        for (Role role : Role.values()) {
            if (role == Role.API_CLIENT) {
                continue;
            }
            int status = mvc.perform(get("/home/overview/charts").with(authentication(as(role)))).andReturn().getResponse().getStatus();
            assertThat(status).as(role.name()).isEqualTo(role == Role.SYSTEM_ADMIN ? 200 : 403);
            if (role != Role.SYSTEM_ADMIN) {
                String home = page(role);
                assertThat(home).as(role.name()).contains("工作台").doesNotContain("全市概况").doesNotContain("data-charts")
                        .doesNotContain("echarts.min.js");
            }
        }
        assertThat(mvc.perform(get("/home/overview/charts")).andReturn().getResponse().getStatus()).as("not logged in").isIn(302, 401);
    }

    private JsonNode charts() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/home/overview/charts").with(authentication(as(Role.SYSTEM_ADMIN))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }

    private String page(Role role) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/home").with(authentication(as(role)))).andReturn().getResponse();
        assertThat(response.getStatus()).as(role.name()).isEqualTo(200);
        return response.getContentAsString();
    }

    private static long delta(JsonNode before, JsonNode after, String figure) {
        return after.get("figures").get(figure).asLong() - before.get("figures").get(figure).asLong();
    }

    /** Recomputes whoever waits, so that the grades counted before are not moved by earlier tests' people. */
    private void settleScores() throws InterruptedException {
        for (int i = 0; i < 100 && scores.pending() > 0; i++) {
            scores.recomputePending(10_000);
            Thread.sleep(50);
        }
        assertThat(scores.pending()).isZero();
    }

    private void awaitScores(SubjectKey... subjects) throws InterruptedException {
        settleScores();
        for (SubjectKey s : subjects) {
            for (int i = 0; i < 100 && scores.scoreOf(s).isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertThat(scores.scoreOf(s)).isPresent();
        }
    }

    private static Authentication as(Role role) {
        return TestPrincipal.of(role, role == Role.CITIZEN ? null : "fgw");
    }
}
