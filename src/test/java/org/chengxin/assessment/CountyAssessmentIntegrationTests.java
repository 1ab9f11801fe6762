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

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.assessment.DepartmentAssessment.CountyRanking;
import org.chengxin.assessment.DepartmentAssessment.CountyScorecard;
import org.chengxin.assessment.DepartmentAssessment.MonitoringReport;
import org.chengxin.assessment.DepartmentAssessment.Scorecard;
import org.chengxin.assessment.domain.Indicator;
import org.chengxin.assessment.domain.Monitoring;
import org.chengxin.assessment.domain.Period;
import org.chengxin.assessment.domain.Tally;
import org.chengxin.organization.Departments;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
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
 * Departments of four counties push in October 2026 (国庆 1–7 October off, Saturday 10 worked): 湘阴县's two departments
 * add up to the county's scorecard; 岳阳县 and 华容县 push the same and share a rank; 汨罗市 pushes late and ranks below
 * them; 云溪区 has no department and is 不适用. The monitoring indicators, the pages, the chart JSON and the workbook say the
 * same. No other test registers a department outside 430600.
 */
@ChengxinIntegrationTest
class CountyAssessmentIntegrationTests {

    private static final Period OCTOBER = Period.parse("2026-10");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String XIANGYIN = "430624";
    private static final String YUEYANG_COUNTY = "430621";
    private static final String HUARONG = "430623";
    private static final String MILUO = "430681";
    private static final String YUNXI = "430603";
    private static List<String> xiangyin;

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
    WebApplicationContext context;

    MockMvc mvc;
    Http http;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
        http = new Http(port);
        // Monday 12 October 2026
        clock.set(LocalDate.of(2026, 10, 12).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        if (xiangyin != null) {
            return;
        }
        String first = fixtures.departmentIn(XIANGYIN);
        String second = fixtures.departmentIn(XIANGYIN);
        push(first, json(
                // 30 September: 4 working days to 12 October (国庆 off, Saturday 10 worked)
                record("YY-GN-002", fixtures.syntheticIdNumber().value(), "2026-09-30"),
                // 15 September: late
                record("YY-GN-002", fixtures.syntheticIdNumber().value(), "2026-09-15"),
                // no valid ID number: rejected
                record("YY-GN-002", "430602199001011230", "2026-10-09")), 2, 1);
        push(second, json(record("YY-GN-002", fixtures.syntheticIdNumber().value(), "2026-10-09")), 1, 0);
        for (String county : List.of(YUEYANG_COUNTY, HUARONG)) {
            push(fixtures.departmentIn(county), json(record("YY-GN-002", fixtures.syntheticIdNumber().value(), "2026-10-09")), 1, 0);
        }
        push(fixtures.departmentIn(MILUO), json(record("YY-GN-002", fixtures.syntheticIdNumber().value(), "2026-09-01")), 1, 0);
        xiangyin = List.of(first, second);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCountyIsTheSumOfItsDepartments() {
        CountyScorecard county = county(assessment.counties(OCTOBER), XIANGYIN);
        assertThat(county.name()).isEqualTo("湘阴县");
        assertThat(county.departments()).isEqualTo(2);
        List<Scorecard> members = assessment.ranking(OCTOBER).scorecards().stream().filter(s -> XIANGYIN.equals(s.regionCode())).toList();
        assertThat(members).extracting(s -> s.code().value()).containsExactlyInAnyOrderElementsOf(xiangyin);
        Tally sum = Tally.NONE;
        for (Scorecard s : members) {
            sum = sum.plus(s.tally());
        }
        Tally t = county.tally();
        assertThat(t.accepted()).isEqualTo(sum.accepted()).isEqualTo(3);
        assertThat(t.timedPushes()).isEqualTo(sum.timedPushes()).isEqualTo(3);
        assertThat(t.latePushes()).isEqualTo(sum.latePushes()).isEqualTo(1);
        assertThat(t.rows()).isEqualTo(sum.rows()).isEqualTo(4);
        assertThat(t.rejected()).isEqualTo(sum.rejected()).isEqualTo(1);
        assertThat(t.checks()).isEqualTo(sum.checks());
        assertThat(county.result().percent(Indicator.TIMELINESS)).isEqualTo(66.7);
        assertThat(county.result().percent(Indicator.QUALITY)).isEqualTo(75.0);
        // (25 × 2/3 + 20 × 0.75) / 45 × 100
        assertThat(county.score()).isEqualTo(70.4);
        assertThat(county.trend()).hasSize(12);
        assertThat(county.trend().get(11).tally().accepted()).isEqualTo(3);
        assertThat(county.trend().get(10).tally().accepted()).isZero();

        var report = assessment.county(XIANGYIN, OCTOBER);
        assertThat(report.scorecard().score()).isEqualTo(70.4);
        assertThat(report.departments()).extracting(s -> s.code().value()).containsExactlyInAnyOrderElementsOf(xiangyin);
        assertThat(report.departments()).allSatisfy(s -> assertThat(s.rank()).isPositive());
    }

    @Test
    void aCountyWithoutDepartmentsIsNotScoredAndEqualScoresShareARank() {
        CountyRanking ranking = assessment.counties(OCTOBER);
        assertThat(ranking.scorecards()).extracting(CountyScorecard::regionCode)
                .contains("430600", "430602", YUNXI, "430611", YUEYANG_COUNTY, HUARONG, XIANGYIN, "430626", MILUO, "430682");
        CountyScorecard yunxi = county(ranking, YUNXI);
        assertThat(yunxi.name()).isEqualTo("云溪区");
        assertThat(yunxi.departments()).isZero();
        assertThat(yunxi.score()).isNull();
        assertThat(yunxi.rank()).isZero();
        assertThat(Indicator.values()).noneMatch(i -> yunxi.result().applies(i));
        assertThat(ranking.scorecards().indexOf(yunxi)).as("after every scored county")
                .isGreaterThan(ranking.scorecards().indexOf(county(ranking, MILUO)));
        assertThat(county(ranking, "430600").name()).isEqualTo("市本级");

        CountyScorecard yueyang = county(ranking, YUEYANG_COUNTY);
        CountyScorecard huarong = county(ranking, HUARONG);
        assertThat(yueyang.score()).isEqualTo(100.0).isEqualTo(huarong.score());
        assertThat(yueyang.rank()).isPositive().isEqualTo(huarong.rank());
        CountyScorecard miluo = county(ranking, MILUO);
        assertThat(miluo.score()).as("pushed late, nothing rejected: 20 × 1 / 45").isEqualTo(44.4);
        assertThat(miluo.rank()).as("two share the rank above").isGreaterThanOrEqualTo(yueyang.rank() + 2);
        assertThat(county(ranking, XIANGYIN).rank()).isGreaterThan(yueyang.rank()).isLessThan(miluo.rank());
    }

    @Test
    void theMonitoringIndicatorsAreTheCitysFigures() {
        MonitoringReport city = assessment.monitoring(OCTOBER);
        Tally all = Tally.NONE;
        for (Scorecard s : assessment.ranking(OCTOBER).scorecards()) {
            all = all.plus(s.tally());
        }
        assertThat(city.figures().timedPushes()).isEqualTo(all.timedPushes()).isGreaterThanOrEqualTo(6);
        assertThat(city.figures().latePushes()).isEqualTo(all.latePushes()).isGreaterThanOrEqualTo(2);
        assertThat(city.figures().rows()).isEqualTo(all.rows());
        assertThat(city.figures().rejected()).isEqualTo(all.rejected());
        double timely = Math.round(1000.0 * (all.timedPushes() - all.latePushes()) / all.timedPushes()) / 10.0;
        assertThat(city.value(Monitoring.DOUBLE_PUBLICITY_TIMELY)).isEqualTo(timely);
        double compliant = Math.round(1000.0 * (all.rows() - all.rejected()) / all.rows()) / 10.0;
        assertThat(city.value(Monitoring.DOUBLE_PUBLICITY_COMPLIANT)).isEqualTo(compliant);

        MonitoringReport empty = assessment.monitoring(Period.parse("2020-01"));
        assertThat(empty.value(Monitoring.DOUBLE_PUBLICITY_TIMELY)).isNull();
        assertThat(empty.value(Monitoring.CHECK_FEEDBACK)).isNull();
        assertThat(empty.value(Monitoring.REPAIR_ON_TIME)).isNull();
        assertThat(empty.value(Monitoring.CREDIT_QUERIES)).isZero();
    }

    @Test
    void theCountyTabAndPageShowNamesNotCodes() throws Exception {
        String page = mvc.perform(get("/assessment").param("period", "2026-10").param("view", "counties")
                .with(authentication(as(Role.LEADER)))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("按部门", "按区县", "区县排名", "湘阴县", "云溪区", "市本级", "70.4", "不适用",
                "data-charts=\"/assessment/charts?period=2026-10&amp;view=counties\"",
                "全国城市信用状况监测指标（本平台可计算部分）", "双公示数据合规率", "本平台不能计算的监测指标")
                .contains("title=\"行政区划代码 430624\"")
                .doesNotContain(">430624<", "<script>");
        String departmentsTab = mvc.perform(get("/assessment").param("period", "2026-10").with(authentication(as(Role.AUDITOR))))
                .andReturn().getResponse().getContentAsString();
        assertThat(departmentsTab).contains("data-charts=\"/assessment/charts?period=2026-10\"", "全国城市信用状况监测指标（本平台可计算部分）")
                .doesNotContain("区县排名");
        String empty = mvc.perform(get("/assessment").param("period", "2020-01").param("view", "counties")
                .with(authentication(as(Role.SYSTEM_ADMIN)))).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("不适用/无数据");

        MockHttpServletResponse detail = mvc.perform(get("/assessment/counties/" + XIANGYIN).param("period", "2026-Q4")
                .with(authentication(as(Role.LEADER)))).andReturn().getResponse();
        assertThat(detail.getStatus()).isEqualTo(200);
        String name = departments.find(DepartmentCode.of(xiangyin.get(0))).orElseThrow().name();
        assertThat(detail.getContentAsString()).contains("湘阴县", "2026年第四季度", name, "报送批次共 4 行，被拒绝 1 行", "所属部门")
                .doesNotContain(">430624<");
        String yunxi = mvc.perform(get("/assessment/counties/" + YUNXI).param("period", "2026-10").with(authentication(as(Role.LEADER))))
                .andReturn().getResponse().getContentAsString();
        assertThat(yunxi).contains("云溪区", "本区县没有登记参加考核的部门", "不适用");
        assertThat(mvc.perform(get("/assessment/counties/999999").with(authentication(as(Role.LEADER))))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        for (Role role : List.of(Role.CLERK, Role.DATA_OFFICER, Role.REVIEWER)) {
            assertThat(mvc.perform(get("/assessment/counties/" + XIANGYIN).with(authentication(as(role))))
                    .andReturn().getResponse().getStatus()).as(role.name()).isEqualTo(403);
        }
    }

    @Test
    void theCountyChartsHoldTheRankingAndTheTrend() throws Exception {
        JsonNode body = JSON.readTree(mvc.perform(get("/assessment/charts").param("period", "2026-10").param("view", "counties")
                .with(authentication(as(Role.AUDITOR)))).andReturn().getResponse().getContentAsString());
        JsonNode bars = body.get("charts").get("counties");
        assertThat(bars.get("series").get(0).get("type").asString()).isEqualTo("bar");
        List<String> names = new ArrayList<>();
        bars.get("yAxis").get("data").forEach(n -> names.add(n.asString()));
        assertThat(names).contains("湘阴县", "岳阳县", "华容县", "汨罗市").doesNotContain("云溪区");
        assertThat(bars.get("series").get(0).get("data").get(names.indexOf("湘阴县")).asDouble()).isEqualTo(70.4);
        assertThat(names.indexOf("汨罗市")).as("the best at the top: lower scores first").isLessThan(names.indexOf("湘阴县"));
        JsonNode trend = body.get("charts").get("countyTrend");
        assertThat(trend.get("xAxis").get("data")).hasSize(12);
        List<String> lines = new ArrayList<>();
        trend.get("series").forEach(s -> lines.add(s.get("name").asString()));
        assertThat(lines).contains("湘阴县").doesNotContain("云溪区");
        JsonNode xiangyinLine = trend.get("series").get(lines.indexOf("湘阴县"));
        assertThat(xiangyinLine.get("type").asString()).isEqualTo("line");
        assertThat(xiangyinLine.get("data").get(11).asDouble()).isEqualTo(70.4);
        assertThat(xiangyinLine.get("data").get(10).asString()).isEqualTo("-");

        JsonNode mine = JSON.readTree(mvc.perform(get("/assessment/counties/" + XIANGYIN + "/charts").param("period", "2026-10")
                .with(authentication(as(Role.LEADER)))).andReturn().getResponse().getContentAsString());
        assertThat(mine.get("charts").get("departments").get("yAxis").get("data")).hasSize(2);
        assertThat(mine.get("charts").get("trend").get("series").get(0).get("data").get(11).asLong()).isEqualTo(3);
    }

    @Test
    void theWorkbookHasTheCountyAndMonitoringSheets() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/assessment/export.xlsx").param("period", "2026-10")
                .with(authentication(as(Role.AUDITOR)))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        MonitoringReport city = assessment.monitoring(OCTOBER);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet counties = book.getSheet("区县考核");
            assertThat(counties).isNotNull();
            assertThat(counties.getRow(1).getCell(1).getStringCellValue()).isEqualTo("区县");
            assertThat(counties.getRow(1).getCell(4).getStringCellValue()).isEqualTo("综合得分");
            Row xiangyinRow = row(counties, "湘阴县");
            assertThat(xiangyinRow.getCell(2).getStringCellValue()).isEqualTo(XIANGYIN);
            assertThat(xiangyinRow.getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat(xiangyinRow.getCell(4).getNumericCellValue()).isEqualTo(70.4);
            assertThat(xiangyinRow.getCell(6).getNumericCellValue()).as(Indicator.TIMELINESS.label()).isEqualTo(66.7);
            // 必报信息项, 已报送的必报信息项, then 入库记录 after the six indicators
            assertThat(xiangyinRow.getCell(13).getNumericCellValue()).isEqualTo(3);
            assertThat(xiangyinRow.getCell(18).getNumericCellValue()).as("拒绝行数").isEqualTo(1);
            Row yunxi = row(counties, "云溪区");
            assertThat(yunxi.getCell(0).getCellType()).as("no rank").isEqualTo(CellType.BLANK);
            assertThat(yunxi.getCell(4).getCellType()).as("不适用").isEqualTo(CellType.BLANK);

            Sheet monitoring = book.getSheet("信用监测指标");
            assertThat(monitoring).isNotNull();
            Row timely = row(monitoring, "双公示数据报送及时率", 0);
            assertThat(timely.getCell(1).getNumericCellValue()).isEqualTo(city.value(Monitoring.DOUBLE_PUBLICITY_TIMELY));
            assertThat(timely.getCell(4).getStringCellValue()).isEqualTo(Monitoring.DOUBLE_PUBLICITY_TIMELY.definition());
            Row compliant = row(monitoring, "双公示数据合规率", 0);
            assertThat(compliant.getCell(1).getNumericCellValue()).isEqualTo(city.value(Monitoring.DOUBLE_PUBLICITY_COMPLIANT));
            assertThat(row(monitoring, "本平台不能计算的监测指标", 0)).isNotNull();
        }
    }

    private static Row row(Sheet sheet, String name) {
        return row(sheet, name, 1);
    }

    private static Row row(Sheet sheet, String name, int column) {
        for (Row row : sheet) {
            if (row.getCell(column) != null && row.getCell(column).getCellType() == CellType.STRING
                    && name.equals(row.getCell(column).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + name);
    }

    private static CountyScorecard county(CountyRanking ranking, String region) {
        return ranking.scorecards().stream().filter(s -> s.regionCode().equals(region)).findFirst().orElseThrow();
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

    private static String record(String item, String idNumber, String decided) {
        return "{\"sourceId\":\"cty-" + UUID.randomUUID() + "\",\"itemCode\":\"" + item + "\",\"idNumber\":\"" + idNumber
                + "\",\"name\":\"张测试\",\"decisionDate\":\"" + decided + "\",\"documentNumber\":\"岳测罚〔2026〕"
                + Math.abs(UUID.randomUUID().hashCode() % 1000) + "号\",\"content\":"
                + "{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示信息\",\"penaltyResult\":\"罚款\",\"fineAmount\":\"200\",\"authority\":\"岳阳县测试局\"}}";
    }

    private static String json(String... records) {
        return "{\"records\":[" + String.join(",", records) + "]}";
    }
}
