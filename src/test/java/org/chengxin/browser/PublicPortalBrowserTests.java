package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.Decision;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public portal on a phone (390 px wide): nothing scrolls sideways, the sections fold into a menu that opens
 * without script, and the 双公示 table becomes one card per decision; on a desktop the sections are in the header.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class PublicPortalBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Records records;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    Clock clock;

    @Test
    void onAPhoneNothingScrollsSidewaysAndTheMenuOpensWithoutScript(Browser browser) {
        Http http = new Http(port);
        String token = http.token(fixtures.apiClientOf(fixtures.department(), "records:write"), Fixtures.PASSWORD, "records:write");
        String source = "pb-" + UUID.randomUUID();
        SeriousDishonestyListAccess.pushBody(http, token, "{\"records\":[{\"sourceId\":\"" + source + "\",\"itemCode\":\"YY-GN-002\","
                + "\"idNumber\":\"" + fixtures.syntheticIdNumber().value() + "\",\"name\":\"吴测试\",\"decisionDate\":\""
                + LocalDate.now().minusDays(5) + "\",\"documentNumber\":\"岳测罚〔2026〕手机版第一号\",\"content\":{\"penaltyType\":\"罚款\","
                + "\"facts\":\"未按规定公示信息\",\"penaltyResult\":\"罚款二百元，责令改正并在规定期限内报送整改情况说明\",\"authority\":\"测试部门\"}}]}");
        try {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            for (String path : new String[] {"/", "/public/double-publicity", "/public/serious-dishonesty", "/catalog", "/public/notices",
                    "/public/laws", "/public/honesty-models", "/public/figures", "/enrol", "/activate", "/login"}) {
                browser.open(path);
                browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("footer.site-footer")));
                assertThat(browser.sidewaysOverflow()).as(path + " scrolls sideways: " + browser.widerThanWindow()).isLessThanOrEqualTo(0);
            }
            browser.open("/public/double-publicity?doc=" + "手机版第一号");
            browser.await(ExpectedConditions.presenceOfElementLocated(By.id("decisions")));
            assertThat(browser.find(By.cssSelector("#decisions thead")).getSize().getHeight()).as("the header row is folded away").isLessThanOrEqualTo(1);
            assertThat(browser.find(By.cssSelector("#decisions tr.decision td")).getCssValue("display")).isEqualTo("block");
            assertThat(browser.sidewaysOverflow()).isLessThanOrEqualTo(0);
            browser.screenshot("public-double-publicity-390");

            assertThat(browser.find(By.id("nav-double-publicity")).isDisplayed()).as("the sections are folded").isFalse();
            browser.find(By.cssSelector("label.menu-button")).click();
            browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("nav-double-publicity")));
            browser.screenshot("public-menu-390");

            browser.driver().manage().window().setSize(new Dimension(1280, 900));
            browser.open("/");
            assertThat(browser.find(By.id("nav-serious-dishonesty")).isDisplayed()).isTrue();
            assertThat(browser.find(By.cssSelector("label.menu-button")).isDisplayed()).isFalse();
            assertThat(browser.find(By.id("host-unit")).getText()).isEqualTo("岳阳市发展和改革委员会");
            assertThat(browser.find(By.id("verify-link")).getAttribute("href")).endsWith("/verify");
            browser.screenshot("public-home-1280");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void theVerificationPageIsReachedFromTheHomePageOnAWideAndANarrowScreen(Browser browser) {
        try {
            for (int width : new int[] {1440, 390}) {
                browser.driver().manage().window().setSize(new Dimension(width, 900));
                browser.open("/");
                browser.screenshot("public-home-" + width);
                WebElement link = browser.find(By.id("verify-link"));
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
                link.click();
                browser.await(ExpectedConditions.presenceOfElementLocated(By.id("verify-form")));
                assertThat(browser.driver().getCurrentUrl()).endsWith("/verify");
                assertThat(browser.sidewaysOverflow()).as("/verify at " + width + " px: " + browser.widerThanWindow()).isLessThanOrEqualTo(0);
                browser.screenshot("public-verify-" + width);
            }
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /**
     * A 双公示 search typed into the page's form and the 严重失信主体名单公示 page, at 1440 px (a table with its header
     * row) and at 390 px (one card per row); neither scrolls sideways.
     */
    @Test
    void aDoublePublicitySearchAndTheListPageOnAWideAndANarrowScreen(Browser browser) {
        Http http = new Http(port);
        String tag = "搜" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String market = http.token(fixtures.apiClientOf(fixtures.department(), "records:write"), Fixtures.PASSWORD, "records:write");
        String tax = http.token(fixtures.apiClientOf(fixtures.departmentWithCode("swj"), "records:write"), Fixtures.PASSWORD,
                "records:write");
        IdNumber person = fixtures.syntheticIdNumber();
        register.register(person, "吴测试", "测试");
        LocalDate today = LocalDate.now(clock);
        SeriousDishonestyListAccess.pushBody(http, market, "{\"records\":[{\"sourceId\":\"" + tag + "-G\",\"itemCode\":\"YY-GN-002\","
                + "\"idNumber\":\"" + person.value() + "\",\"name\":\"吴测试\",\"decisionDate\":\"" + today.minusDays(5)
                + "\",\"documentNumber\":\"岳测罚〔2026〕" + tag + "号\",\"content\":{\"penaltyType\":\"罚款\","
                + "\"facts\":\"未按规定公示信息\",\"penaltyResult\":\"罚款二百元\",\"authority\":\"测试部门\"}}]}");
        SeriousDishonestyListAccess.pushBody(http, tax, "{\"records\":[{\"sourceId\":\"" + tag + "-S\",\"itemCode\":\"YY-TX-001\","
                + "\"idNumber\":\"" + person.value() + "\",\"name\":\"吴测试\",\"decisionDate\":\"" + today.minusDays(15)
                + "\",\"documentNumber\":\"岳税罚〔2026〕" + tag + "号\",\"content\":{\"facts\":\"少缴税款\",\"penaltyResult\":\"追缴并罚款\","
                + "\"evadedAmount\":\"120000\",\"authority\":\"税务局\"}}]}");
        long serious = records.findBySource(DepartmentCode.of("swj"), tag + "-S").orElseThrow().id();
        SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(citizens.subjectKeyOf(person),
                "岳税认〔2026〕" + tag + "号", "《中华人民共和国税收征收管理法》第六十三条", "偷税数额较大", today, today.plusDays(30),
                List.of(serious)));
        try {
            for (int width : new int[] {1440, 390}) {
                browser.driver().manage().window().setSize(new Dimension(width, 900));
                browser.open("/public/double-publicity");
                WebElement doc = browser.find(By.cssSelector("#search input[name=doc]"));
                doc.sendKeys(tag);
                browser.scrollTo(browser.find(By.cssSelector("#search button[type=submit]")));
                browser.find(By.cssSelector("#search button[type=submit]")).click();
                browser.await(ExpectedConditions.presenceOfElementLocated(By.id("decisions")));
                assertThat(browser.text("total")).as("the penalty and the tax penalty").isEqualTo("2");
                assertThat(browser.find(By.id("decisions")).getText()).contains("岳测罚〔2026〕" + tag + "号", "吴**", person.masked())
                        .doesNotContain(person.value(), "未按规定公示信息");
                boolean wide = width == 1440;
                assertThat(browser.find(By.cssSelector("#decisions thead")).getSize().getHeight() > 1)
                        .as("the header row at " + width + " px").isEqualTo(wide);
                assertThat(browser.sidewaysOverflow()).as("search at " + width + " px: " + browser.widerThanWindow()).isLessThanOrEqualTo(0);
                browser.screenshot("public-double-publicity-search-" + width);

                browser.open("/public/serious-dishonesty");
                browser.await(ExpectedConditions.presenceOfElementLocated(By.id("entries")));
                assertThat(browser.pageSource()).contains("岳税认〔2026〕" + tag + "号").doesNotContain(person.value());
                assertThat(browser.find(By.cssSelector("#entries thead")).getSize().getHeight() > 1)
                        .as("the header row at " + width + " px").isEqualTo(wide);
                assertThat(browser.sidewaysOverflow()).as("list at " + width + " px: " + browser.widerThanWindow()).isLessThanOrEqualTo(0);
                browser.screenshot("public-serious-dishonesty-" + width);
            }
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
