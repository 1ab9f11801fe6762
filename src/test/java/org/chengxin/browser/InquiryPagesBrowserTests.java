package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen with a serious tax record and a volunteer record logs in, opens 我的信用报告 from the home page and
 * generates the report: the six sections, the masked number and the record, never the full number (which they
 * logged in with; every check about it is yes/no, and the page is never an assertion message).
 */
@Tag("browser")
@ChengxinIntegrationTest
class InquiryPagesBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PopulationRegister register;

    @Autowired
    Clock clock;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aCitizenGeneratesTheirReportAndReadsItsSections() {
        IdNumber person = fixtures.citizenWithAccount();
        register.register(person, "名单测试", "测试");
        Http http = new Http(port);
        SeriousDishonestyListAccess.push(http, http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write"),
                person, "browser-tax-" + UUID.randomUUID());
        SeriousDishonestyListAccess.pushBody(http, http.token(fixtures.apiClientOf("tsw", "records:write"), Fixtures.PASSWORD,
                "records:write"), "{\"records\":[{\"sourceId\":\"browser-vol-" + UUID.randomUUID() + "\",\"itemCode\":\"YY-VL-002\","
                        + "\"idNumber\":\"" + person.value() + "\",\"name\":\"名单测试\",\"decisionDate\":\"" + LocalDate.now(clock).minusDays(10)
                        + "\",\"documentNumber\":\"岳团志〔2026〕11号\",\"content\":{\"serviceHours\":\"200\","
                        + "\"organizationName\":\"岳阳市青年志愿者协会\"}}]}");

        browser.get(url("/login"));
        browser.findElement(By.id("account")).sendKeys(person.value());
        browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("home-title")));
        browser.findElement(By.cssSelector("a[href$='/my/report']")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("generate"))).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("credit-report")));

        assertThat(browser.findElements(By.cssSelector("#credit-report h2")).stream().map(h -> h.getText().trim()).toList())
                .containsExactly("一、基本信息", "二、信用概要", "三、优良信用记录", "四、失信记录", "五、其他信息", "六、查询记录（近两年）");
        assertThat(browser.findElement(By.id("subject-masked")).getText()).isEqualTo(person.masked());
        assertThat(browser.findElement(By.id("subject-name")).getText()).isEqualTo("名单测试");
        assertThat(browser.findElement(By.id("report-number")).getText()).startsWith("YYXY");
        assertThat(browser.findElement(By.id("dishonesty-records")).getText()).contains("严重");
        assertThat(browser.findElement(By.id("good-records")).getText()).contains("岳团志〔2026〕11号");
        assertThat(browser.findElement(By.id("report-queries")).getText()).contains("本人查询");
        assertThat(browser.findElements(By.cssSelector("#dishonesty-records form.add-statement"))).isNotEmpty();
        String number = browser.findElement(By.id("report-number")).getText().strip();
        assertThat(browser.findElement(By.id("report-pdf")).getAttribute("href")).endsWith("/my/report/" + number + ".pdf");
        assertThat(browser.getPageSource().contains(person.value())).as("the report page must not contain the full ID number").isFalse();
        chromium.screenshot("my-report");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
