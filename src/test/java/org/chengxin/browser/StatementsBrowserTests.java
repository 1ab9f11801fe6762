package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.statements.Statements;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen writes their own statement in the dialog beside a record of their report: the dialog opens over the
 * page (the static script, under the page's CSP), counts the characters as they type, and sends the statement for
 * review; once the platform has published it, the next report shows it beside the record. The citizen logs in
 * with the full (synthetic) ID number, so checks about it are yes/no assertions.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class StatementsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    Records records;

    @Autowired
    Statements statements;

    @Test
    void aCitizenWritesAStatementInTheDialogAndSeesItInTheReportOncePublished(Browser browser) {
        IdNumber person = fixtures.citizenWithAccount();
        register.register(person, "名单测试", "测试");
        Http http = new Http(port);
        String token = http.token(fixtures.apiClient("records:write"), Fixtures.PASSWORD, "records:write");
        SeriousDishonestyListAccess.pushSerious(http, token, person, "YY-GN-002", "browser-statement-" + UUID.randomUUID(), 20,
                "{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示年度报告\",\"penaltyResult\":\"罚款500元\",\"authority\":\"岳阳市市场监督管理局\"}");
        var subject = citizens.subjectKeyOf(person);
        long recordId = records.allFor(subject).get(0).id();

        browser.logIn(person.value(), Fixtures.PASSWORD);
        browser.open("/my/report");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("generate"))).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("credit-report")));
        WebElement dialog = browser.find(By.id("statement-dialog-" + recordId));
        assertThat(dialog.isDisplayed()).as("the dialog is closed until asked for").isFalse();

        browser.find(By.id("statement-open-" + recordId)).click();
        browser.await(ExpectedConditions.visibilityOf(dialog));
        assertThat(dialog.getAttribute("open")).as("opened on the page, not by following the link").isNotNull();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/my/report");
        WebElement text = browser.find(By.id("statement-text-" + recordId));
        text.sendKeys("罚款已于次日全额缴纳");
        assertThat(browser.text("statement-count-" + recordId)).isEqualTo("已输入 10 / 500 字");
        browser.screenshot("statement-dialog");
        browser.find(By.id("statement-submit-" + recordId)).click();

        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/my/report");
        assertThat(browser.text("notice")).contains("平台审核通过后随记录显示");

        browser.open("/my/statements");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("statement-state-" + recordId)));
        assertThat(browser.text("statement-state-" + recordId)).contains("审核中");
        assertThat(browser.find(By.id("statement-open-" + recordId)).getText()).isEqualTo("修改本人声明");

        statements.publish(statements.historyOf(subject, recordId).latest().id());
        browser.open("/my/report");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("generate"))).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("credit-report")));
        assertThat(browser.find(By.id("dishonesty-records")).getText()).contains("本人声明：罚款已于次日全额缴纳");
        assertThat(browser.pageSource().contains(person.value())).as("the page must not contain the full ID number").isFalse();
        browser.screenshot("statement-in-report");
    }
}
