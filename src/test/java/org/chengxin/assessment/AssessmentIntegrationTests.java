package org.chengxin.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.assessment.DepartmentAssessment.Scorecard;
import org.chengxin.assessment.domain.Indicator;
import org.chengxin.assessment.domain.Period;
import org.chengxin.organization.Departments;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
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
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A department pushes in October 2026 over 国庆 (1–7 October off, Saturday 10 worked): the scorecard counts the 双公示
 * records on time on the working calendar, the rows rejected, the volume; a department named by a catalog item covers it
 * or not. The pages, the chart JSON and the workbook say the same, and only the leading group, the administrator and the
 * auditor read them.
 */
@ChengxinIntegrationTest
class AssessmentIntegrationTests {

    private static final Period OCTOBER = Period.parse("2026-10");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    DepartmentAssessment assessment;

    @Autowired
    Departments departments;

    @Autowired
    AuditRecords audit;

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    Http http;
    String department;
    String departmentName;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
        http = new Http(port);
        department = fixtures.department();
        departmentName = departments.find(DepartmentCode.of(department)).orElseThrow().name();
        // Monday 12 October 2026
        clock.set(LocalDate.of(2026, 10, 12).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        push(department, json(
                // Wednesday 30 September: 8, 9, 10 (worked Saturday), 12 October = 4 working days (8 on weekends alone)
                record("YY-GN-002", fixtures.syntheticIdNumber().value(), "2026-09-30", penalty()),
                // Tuesday 15 September: well past 7 working days
                record("YY-GN-002", fixtures.syntheticIdNumber().value(), "2026-09-15", penalty()),
                // a minor penalty is not published (双公示): counted in the volume, not timed
                record("YY-GN-003", fixtures.syntheticIdNumber().value(), "2026-09-01",
                        "{\"penaltyType\":\"警告\",\"facts\":\"未按规定公示信息\",\"authority\":\"岳阳市测试局\"}"),
                // no valid ID number: rejected
                record("YY-GN-002", "430602199001011230", "2026-10-09", penalty())), 3, 1);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theScorecardCountsTimelinessOnTheWorkingCalendarRejectionsAndVolume() {
        Scorecard card = card(assessment.ranking(OCTOBER), department);
        assertThat(card.name()).isEqualTo(departmentName);
        assertThat(card.tally().accepted()).isEqualTo(3);
        assertThat(card.tally().timedPushes()).isEqualTo(2);
        assertThat(card.tally().latePushes()).as("only the push of 15 September is late: 国庆 does not count").isEqualTo(1);
        assertThat(card.tally().rows()).isEqualTo(4);
        assertThat(card.tally().rejected()).isEqualTo(1);
        assertThat(card.result().percent(Indicator.TIMELINESS)).isEqualTo(50.0);
        assertThat(card.result().percent(Indicator.QUALITY)).isEqualTo(75.0);
        assertThat(card.result().applies(Indicator.COVERAGE)).as("no catalog item names a new department").isFalse();
        assertThat(card.result().applies(Indicator.FEEDBACK)).isFalse();
        // (25 × 0.5 + 20 × 0.75) / 45 × 100
        assertThat(card.score()).isEqualTo(61.1);
        assertThat(card.rank()).isPositive();

        Scorecard quarter = card(assessment.ranking(Period.parse("2026-Q4")), department);
        assertThat(quarter.tally().accepted()).isEqualTo(3);
        assertThat(quarter.score()).isEqualTo(61.1);
        Scorecard september = card(assessment.ranking(Period.parse("2026-09")), department);
        assertThat(september.score()).as("nothing in September").isNull();
        assertThat(september.rank()).isZero();

        var report = assessment.department(DepartmentCode.of(department), OCTOBER);
        assertThat(report.trend()).hasSize(12);
        assertThat(report.trend().get(11).month()).hasToString("2026-10");
        assertThat(report.trend().get(11).tally().accepted()).isEqualTo(3);
        assertThat(report.trend().get(10).tally().accepted()).isZero();
    }

    @Test
    void coverageCountsTheCatalogItemsThatNameTheDepartment() {
        // 骗取财政资金 (YY-GN-009) names 财政局 and 审计局; 审计局 (sjj) pushes it, 林业局 (lyj) pushes nothing of its item
        fixtures.departmentWithCode("sjj");
        fixtures.departmentWithCode("lyj");
        push("sjj", json(record("YY-GN-009", fixtures.syntheticIdNumber().value(), "2026-10-09",
                "{\"facts\":\"虚报项目骗取补助资金\",\"penaltyResult\":\"追回资金并罚款\",\"defraudedAmount\":\"20000\",\"authority\":\"岳阳市审计局\"}")), 1, 0);
        var ranking = assessment.ranking(OCTOBER);
        Scorecard audited = card(ranking, "sjj");
        assertThat(audited.tally().mustItems()).containsExactly("YY-GN-009");
        assertThat(audited.result().percent(Indicator.COVERAGE)).isEqualTo(100.0);
        Scorecard forestry = card(ranking, "lyj");
        assertThat(forestry.tally().mustItems()).contains("YY-BS-001");
        assertThat(forestry.result().percent(Indicator.COVERAGE)).isEqualTo(0.0);
        assertThat(forestry.score()).as("bound to push, pushed nothing").isEqualTo(0.0);
        assertThat(ranking.scorecards().indexOf(audited)).isLessThan(ranking.scorecards().indexOf(forestry));
    }

    @Test
    void onlyTheLeadingGroupTheAdministratorAndTheAuditorReadTheAssessment() throws Exception {
        for (Role role : Role.values()) {
            if (role == Role.API_CLIENT) {
                continue;
            }
            int status = mvc.perform(get("/assessment").param("period", "2026-10").with(authentication(as(role))))
                    .andReturn().getResponse().getStatus();
            boolean reads = role == Role.LEADER || role == Role.SYSTEM_ADMIN || role == Role.AUDITOR;
            assertThat(status).as(role.name()).isEqualTo(reads ? 200 : 403);
            int export = mvc.perform(get("/assessment/export.xlsx").param("period", "2026-10").with(authentication(as(role))))
                    .andReturn().getResponse().getStatus();
            assertThat(export).as(role.name() + " export").isEqualTo(reads ? 200 : 403);
        }
        assertThat(mvc.perform(get("/assessment")).andReturn().getResponse().getStatus()).as("not logged in").isIn(302, 401);
    }

    @Test
    void thePagesShowNamesAndTheScores() throws Exception {
        String page = mvc.perform(get("/assessment").param("period", "2026-10").with(authentication(as(Role.LEADER))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("2026年10月", departmentName, "61.1", "计分方法", "data-charts=\"/assessment/charts?period=2026-10\"")
                .doesNotContain("<script>");
        MockHttpServletResponse detail = mvc.perform(get("/assessment/departments/" + department).param("period", "2026-Q4")
                .with(authentication(as(Role.LEADER)))).andReturn().getResponse();
        assertThat(detail.getStatus()).isEqualTo(200);
        assertThat(detail.getContentAsString()).contains(departmentName, "2026年第四季度", "双公示记录入库 2 条，超过 7 个工作日的 1 条",
                "报送批次共 4 行，被拒绝 1 行");
        assertThat(mvc.perform(get("/assessment/departments/no-such-dept").with(authentication(as(Role.LEADER))))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/assessment").param("period", "2026-Q7").with(authentication(as(Role.LEADER))))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void theChartJsonHoldsTheRankingAndTheTrend() throws Exception {
        JsonNode body = JSON.readTree(mvc.perform(get("/assessment/charts").param("period", "2026-10").with(authentication(as(Role.AUDITOR))))
                .andReturn().getResponse().getContentAsString());
        assertThat(body.get("period").asString()).isEqualTo("2026-10");
        JsonNode ranking = body.get("charts").get("ranking");
        assertThat(ranking.get("series").get(0).get("type").asString()).isEqualTo("bar");
        List<String> names = new ArrayList<>();
        ranking.get("yAxis").get("data").forEach(n -> names.add(n.asString()));
        int at = names.indexOf(departmentName);
        assertThat(at).as("the department's bar").isNotNegative();
        assertThat(ranking.get("series").get(0).get("data").get(at).asDouble()).isEqualTo(61.1);
        JsonNode trend = body.get("charts").get("trend");
        assertThat(trend.get("xAxis").get("data")).hasSize(12);
        assertThat(trend.get("xAxis").get("data").get(11).asString()).isEqualTo("2026-10");
        assertThat(trend.get("series").get(0).get("type").asString()).isEqualTo("bar");
        assertThat(trend.get("series").get(1).get("type").asString()).isEqualTo("line");
        assertThat(trend.get("series").get(0).get("data").get(11).asLong()).isGreaterThanOrEqualTo(3);

        JsonNode mine = JSON.readTree(mvc.perform(get("/assessment/departments/" + department + "/charts").param("period", "2026-10")
                .with(authentication(as(Role.LEADER)))).andReturn().getResponse().getContentAsString());
        JsonNode indicators = mine.get("charts").get("indicators");
        assertThat(indicators.get("series")).hasSize(Indicator.values().length + 1);
        assertThat(indicators.get("series").get(Indicator.TIMELINESS.ordinal()).get("data").get(11).asDouble()).isEqualTo(50.0);
        assertThat(indicators.get("series").get(Indicator.TIMELINESS.ordinal()).get("data").get(10).asString()).as("no push in September")
                .isEqualTo("-");
        assertThat(mine.get("charts").get("trend").get("series").get(0).get("data").get(11).asLong()).isEqualTo(3);
    }

    @Test
    void theWorkbookReadsBackWithTheScorecardAndIsAudited() throws Exception {
        long before = audit.count("action = 'assessment.export' and detail like ?", "导出部门考核 2026-10%");
        MockHttpServletResponse response = mvc.perform(get("/assessment/export.xlsx").param("period", "2026-10")
                .with(authentication(as(Role.LEADER)))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = book.getSheet("部门考核");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2026年10月");
            Row header = sheet.getRow(1);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("部门");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("综合得分");
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("双公示按时报送率（%）");
            Row mine = null;
            for (Row row : sheet) {
                Cell name = row.getCell(1);
                if (row.getRowNum() > 1 && name != null && departmentName.equals(name.getStringCellValue())) {
                    mine = row;
                }
            }
            assertThat(mine).as("the department's row").isNotNull();
            assertThat(mine.getCell(3).getNumericCellValue()).isEqualTo(61.1);
            assertThat(mine.getCell(4).getCellType()).as("coverage does not apply: blank").isEqualTo(CellType.BLANK);
            assertThat(mine.getCell(5).getNumericCellValue()).isEqualTo(50.0);
            assertThat(mine.getCell(6).getNumericCellValue()).isEqualTo(75.0);
            // 必报信息项, 已报送的必报信息项, 入库记录, 双公示入库记录, 超过7个工作日 follow the six indicators
            assertThat(mine.getCell(12).getNumericCellValue()).isEqualTo(3);
            assertThat(mine.getCell(13).getNumericCellValue()).isEqualTo(2);
            assertThat(mine.getCell(14).getNumericCellValue()).isEqualTo(1);
            assertThat(book.getSheet("计分说明").getRow(3).getCell(0).getStringCellValue()).isEqualTo("目录覆盖率");
        }
        assertThat(audit.count("action = 'assessment.export' and detail like ?", "导出部门考核 2026-10%")).isEqualTo(before + 1);
    }

    private static Scorecard card(DepartmentAssessment.Ranking ranking, String code) {
        return ranking.scorecards().stream().filter(s -> s.code().value().equals(code)).findFirst().orElseThrow();
    }

    private static Authentication as(Role role) {
        return TestPrincipal.of(role, role == Role.CITIZEN ? null : "fgw");
    }

    private void push(String departmentCode, String body, int accepted, int rejected) {
        String client = fixtures.apiClientOf(departmentCode, "records:write");
        String token = http.token(client, Fixtures.PASSWORD, "records:write");
        Http.Response response = http.postJson("/api/v1/record-batches", token, body);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode done = http.awaitBatch(token, response.json().get("id").asLong());
        assertThat(done.get("accepted").asInt()).as(done.toString()).isEqualTo(accepted);
        assertThat(done.get("rejected").asInt()).as(done.toString()).isEqualTo(rejected);
    }

    private static String penalty() {
        return "{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示信息\",\"penaltyResult\":\"罚款\",\"fineAmount\":\"200\",\"authority\":\"岳阳市测试局\"}";
    }

    private static String record(String item, String idNumber, String decided, String content) {
        return "{\"sourceId\":\"as-" + UUID.randomUUID() + "\",\"itemCode\":\"" + item + "\",\"idNumber\":\"" + idNumber
                + "\",\"name\":\"张测试\",\"decisionDate\":\"" + decided + "\",\"documentNumber\":\"岳测罚〔2026〕" + Math.abs(UUID.randomUUID().hashCode() % 1000)
                + "号\",\"content\":" + content + "}";
    }

    private static String json(String... records) {
        return "{\"records\":[" + String.join(",", records) + "]}";
    }

}
