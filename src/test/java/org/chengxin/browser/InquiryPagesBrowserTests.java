package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen with a serious tax record and a volunteer record logs in, opens 我的信用报告 from the home page and
 * generates the report: the six sections, the masked number and the record, never the full number (which they
 * logged in with; every check about it is yes/no, and the page is never an assertion message).
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class InquiryPagesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PopulationRegister register;

    @Autowired
    Clock clock;

    @Test
    void aCitizenGeneratesTheirReportAndReadsItsSections(Browser browser) {
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

        browser.logIn(person.value(), Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/my/report']")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("generate"))).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("credit-report")));

        assertThat(browser.driver().findElements(By.cssSelector("#credit-report h2")).stream().map(h -> h.getText().trim()).toList())
                .containsExactly("一、基本信息", "二、信用概要", "三、优良信用记录", "四、失信记录", "五、其他信息", "六、查询记录（近两年）");
        assertThat(browser.find(By.id("subject-masked")).getText()).isEqualTo(person.masked());
        assertThat(browser.find(By.id("subject-name")).getText()).isEqualTo("名单测试");
        assertThat(browser.find(By.id("report-number")).getText()).startsWith("YYXY");
        assertThat(browser.find(By.id("dishonesty-records")).getText()).contains("严重");
        assertThat(browser.find(By.id("good-records")).getText()).contains("岳团志〔2026〕11号");
        assertThat(browser.find(By.id("report-queries")).getText()).contains("本人查询");
        assertThat(browser.driver().findElements(By.cssSelector("#dishonesty-records a.statement-open"))).isNotEmpty();
        String number = browser.find(By.id("report-number")).getText().strip();
        assertThat(browser.find(By.id("report-pdf")).getAttribute("href")).endsWith("/my/report/" + number + ".pdf");
        assertThat(browser.pageSource().contains(person.value())).as("the report page must not contain the full ID number").isFalse();
        browser.screenshot("my-report");
    }
}
