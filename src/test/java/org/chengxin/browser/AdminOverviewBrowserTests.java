package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * The administrator logs in at 1440 px and at 390 px: the workbench shows 全市概况 with its four charts drawn on canvases
 * from the JSON the static script fetched (the records stacked per domain over 12 months, the queries over 30 days), the
 * figures as numbers and the tables folded under the charts; the page does not overflow sideways. A data officer's
 * workbench has no overview.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class AdminOverviewBrowserTests {

    @Autowired
    Fixtures fixtures;

    @Test
    @SuppressWarnings("unchecked")
    void theAdministratorsWorkbenchDrawsTheOverview(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.logIn(fixtures.staff(Role.SYSTEM_ADMIN), Fixtures.PASSWORD);
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("overview")));
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#overview [data-drawn='true']"), 4));
        for (String chart : List.of("chart-records-by-domain", "chart-grades", "chart-queries", "chart-checks")) {
            assertThat(browser.driver().findElements(By.cssSelector("#" + chart + " canvas"))).as(chart + " drawn on a canvas").isNotEmpty();
        }
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        Map<String, Object> records = (Map<String, Object>) js.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart-records-by-domain')).getOption();");
        assertThat((List<Object>) ((List<Map<String, Object>>) records.get("xAxis")).get(0).get("data")).hasSize(12);
        Map<String, Object> queries = (Map<String, Object>) js.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart-queries')).getOption();");
        assertThat((List<Object>) ((List<Map<String, Object>>) queries.get("xAxis")).get(0).get("data")).hasSize(30);
        assertThat(((List<Map<String, Object>>) queries.get("series")).get(0).get("type")).isEqualTo("line");

        assertThat(browser.find(By.id("figure-list-entries")).getText()).matches("\\d+");
        assertThat(browser.find(By.id("figure-good-credit")).getText()).matches("\\d+");
        assertThat(browser.find(By.id("overview-queries-summary")).getText()).startsWith("近30天共查询");
        browser.find(By.cssSelector("#chart-grades + details summary")).click();
        assertThat(browser.find(By.id("overview-grades-table")).getText()).contains("AAA 优秀", "合计（已评价）");
        assertThat(browser.sidewaysOverflow()).as("%s", browser.widerThanWindow()).isLessThanOrEqualTo(0);
        browser.screenshot("overview-1440");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.driver().navigate().refresh();
        browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#overview [data-drawn='true']"), 4));
        assertThat(browser.sidewaysOverflow()).as("%s", browser.widerThanWindow()).isLessThanOrEqualTo(0);
        browser.screenshot("overview-390");
    }

    @Test
    void aDataOfficersWorkbenchHasNoOverview(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.logIn(fixtures.staff(Role.DATA_OFFICER), Fixtures.PASSWORD);
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
        assertThat(browser.driver().findElements(By.id("overview"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("canvas"))).isEmpty();
    }
}
