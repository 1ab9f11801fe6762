package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.chengxin.organization.Departments;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The leading group opens 部门考核 from its workbench at 1440 px: the ranking and the trend are drawn on canvases from the
 * JSON the static script fetched (the charts' options read back from ECharts hold the ranking and 12 months), the table
 * names departments in words; a department's page draws its indicators and its trend. The 按区县 tab draws the county
 * ranking and the counties' trend, names the divisions in words (a division without departments 不适用) and opens a county.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class AssessmentBrowserTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Departments departments;

    @Test
    @SuppressWarnings("unchecked")
    void theLeadingGroupReadsTheRankingAndADepartmentWithTheirCharts(Browser browser) {
        // 林业局 must push 外来物种 (YY-BS-001): assessed every month, whatever else the database holds
        fixtures.departmentWithCode("lyj");
        String forestry = departments.find(DepartmentCode.of("lyj")).orElseThrow().name();
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.logIn(fixtures.staff(Role.LEADER), Fixtures.PASSWORD);
        browser.find(By.id("home-assessment")).click();
        browser.await(ExpectedConditions.urlContains("/assessment"));
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-drawn='true']"), 2));
        assertThat(browser.driver().findElements(By.cssSelector("#chart-ranking canvas"))).as("drawn on a canvas").isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#chart-trend canvas"))).isNotEmpty();

        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        Map<String, Object> ranking = (Map<String, Object>) js.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart-ranking')).getOption();");
        List<Map<String, Object>> yAxis = (List<Map<String, Object>>) ranking.get("yAxis");
        assertThat((List<Object>) yAxis.get(0).get("data")).as("the ranking's departments").contains(forestry);
        List<Map<String, Object>> series = (List<Map<String, Object>>) ranking.get("series");
        assertThat(series.get(0).get("type")).isEqualTo("bar");
        Map<String, Object> trend = (Map<String, Object>) js.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart-trend')).getOption();");
        List<Map<String, Object>> months = (List<Map<String, Object>>) trend.get("xAxis");
        assertThat((List<Object>) months.get(0).get("data")).hasSize(12);

        assertThat(browser.find(By.id("ranking-table")).getText()).contains(forestry).contains("综合得分");
        assertThat(browser.find(By.id("formula-table")).getText()).contains("目录覆盖率", "25");
        assertThat(browser.sidewaysOverflow()).as("%s", browser.widerThanWindow()).isLessThanOrEqualTo(0);
        browser.screenshot("assessment-1440");

        browser.find(By.cssSelector("#ranking-table tr[data-department='lyj'] a")).click();
        browser.await(ExpectedConditions.textToBe(By.id("department-name"), forestry));
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-drawn='true']"), 2));
        assertThat(browser.driver().findElements(By.cssSelector("#chart-indicators canvas"))).isNotEmpty();
        assertThat(browser.find(By.cssSelector("#indicator-table tr[data-indicator='COVERAGE'] td.value")).getText()).isEqualTo("0.0%");
        assertThat(browser.sidewaysOverflow()).as("%s", browser.widerThanWindow()).isLessThanOrEqualTo(0);
        browser.screenshot("assessment-department-1440");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLeadingGroupOpensTheCountyTabAndACounty(Browser browser) {
        // 林业局 (市本级) must push something: the city level is scored every month; 岳阳县 gets a department without figures
        fixtures.departmentWithCode("lyj");
        fixtures.departmentIn("430621");
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.logIn(fixtures.staff(Role.LEADER), Fixtures.PASSWORD);
        browser.find(By.id("home-assessment")).click();
        browser.await(ExpectedConditions.urlContains("/assessment"));
        browser.find(By.id("tab-counties")).click();
        browser.await(ExpectedConditions.urlContains("view=counties"));
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-drawn='true']"), 2));
        assertThat(browser.driver().findElements(By.cssSelector("#chart-counties canvas"))).as("drawn on a canvas").isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#chart-county-trend canvas"))).isNotEmpty();
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        Map<String, Object> counties = (Map<String, Object>) js.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart-counties')).getOption();");
        List<Map<String, Object>> yAxis = (List<Map<String, Object>>) counties.get("yAxis");
        assertThat((List<Object>) yAxis.get(0).get("data")).as("the scored divisions").contains("市本级");
        Map<String, Object> trend = (Map<String, Object>) js.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart-county-trend')).getOption();");
        assertThat((List<Object>) ((List<Map<String, Object>>) trend.get("xAxis")).get(0).get("data")).hasSize(12);

        String table = browser.find(By.id("county-table")).getText();
        assertThat(table).contains("市本级", "岳阳县", "云溪区", "不适用").doesNotContain("430603");
        assertThat(browser.find(By.id("monitoring-table")).getText()).contains("双公示数据报送及时率", "信用查询量");
        assertThat(browser.find(By.cssSelector("#county-table tr[data-county='430603'] td.score")).getText()).isEqualTo("不适用");
        assertThat(browser.sidewaysOverflow()).as("%s", browser.widerThanWindow()).isLessThanOrEqualTo(0);
        browser.screenshot("assessment-counties-1440");

        browser.find(By.cssSelector("#county-table tr[data-county='430600'] a")).click();
        browser.await(ExpectedConditions.textToBe(By.id("county-name"), "市本级"));
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-drawn='true']"), 2));
        assertThat(browser.driver().findElements(By.cssSelector("#chart-departments canvas"))).isNotEmpty();
        assertThat(browser.find(By.id("county-departments-table")).getText())
                .contains(departments.find(DepartmentCode.of("lyj")).orElseThrow().name());
        assertThat(browser.sidewaysOverflow()).as("%s", browser.widerThanWindow()).isLessThanOrEqualTo(0);
        browser.screenshot("assessment-county-1440");
    }
}
