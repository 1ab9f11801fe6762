package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.chengxin.identity.Citizens;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.organization.Accounts;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff layout in a real browser: at 1440 px the role's menu stays on the left with the current page marked, and
 * a click on an entry opens it; at 390 px the menu folds behind 菜单 and opens without script. Revoking a record asks
 * in a dialog that states the consequence; cancelling (by the button or by Esc) keeps the record in force.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class StaffLayoutBrowserTests {

    private static final String TAX = "swj";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Accounts accounts;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Test
    void atDesktopWidthTheMenuStaysAndLeadsToThePages(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.logIn(fixtures.staff(Role.AUDITOR), Fixtures.PASSWORD);

        WebElement menu = browser.find(By.id("staff-menu"));
        assertThat(menu.isDisplayed()).isTrue();
        assertThat(menu.getText()).contains("审计日志", "查询记录审查", "查询异常使用提示");
        assertThat(browser.find(By.id("menu-home")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.text("staff-person")).isEqualTo("测试" + Role.AUDITOR.label());
        assertThat(browser.text("staff-department")).startsWith("测试部门");
        browser.screenshot("staff-layout-1440");

        browser.find(By.id("menu-audit-flags")).click();
        browser.await(ExpectedConditions.urlMatches("/audit/flags$"));
        assertThat(browser.find(By.id("menu-audit-flags")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.text("breadcrumbs")).contains("工作台", "审计", "查询异常使用提示");
        assertThat(browser.find(By.tagName("h1")).getLocation().getX()).as("the page sits beside the menu")
                .isGreaterThanOrEqualTo(browser.find(By.id("staff-menu")).getSize().getWidth());

        browser.find(By.id("staff-logo")).click();
        browser.awaitHomePage();
    }

    @Test
    void atPhoneWidthTheMenuFoldsAndOpensWithoutScript(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            browser.logIn(fixtures.staff(Role.CLERK), Fixtures.PASSWORD);

            assertThat(browser.find(By.id("staff-menu")).isDisplayed()).as("folded").isFalse();
            assertThat(browser.sidewaysOverflow()).as("no sideways scrolling: " + browser.widerThanWindow()).isLessThanOrEqualTo(0);
            browser.find(By.cssSelector("label.menu-button")).click();
            browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("staff-menu")));
            browser.screenshot("staff-layout-390-open");

            browser.find(By.id("menu-window-accounts")).click();
            browser.await(ExpectedConditions.urlMatches("/window/accounts$"));
            assertThat(browser.find(By.id("staff-menu")).isDisplayed()).as("folded again on the new page").isFalse();
            assertThat(browser.text("breadcrumbs")).contains("窗口服务", "公民账号开户");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void revokingARecordAsksFirstAndCancellingKeepsIt(Browser browser) {
        fixtures.departmentWithCode(TAX);
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        String source = "layout-" + UUID.randomUUID();
        SeriousDishonestyListAccess.push(http, http.token(fixtures.apiClientOf(TAX, "records:write"), Fixtures.PASSWORD, "records:write"),
                person, source);
        CreditRecord record = records.allFor(citizens.subjectKeyOf(person)).stream().filter(r -> r.sourceId().equals(source))
                .findFirst().orElseThrow();
        String officer = "officer-layout-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createStaff(officer, "测试税务报送员", Role.DATA_OFFICER, DepartmentCode.of(TAX), Fixtures.PASSWORD);
        browser.logIn(officer, Fixtures.PASSWORD);

        browser.open("/records/" + record.id());
        String status = browser.text("record-status");
        assertThat(browser.find(By.id("menu-records")).getAttribute("aria-current")).isEqualTo("page");
        WebElement revoke = browser.find(By.id("revoke-submit"));
        assertThat(revoke.getAttribute("class")).contains("danger");
        browser.find(By.id("reason")).sendKeys("测试：误报");

        revoke.click();
        assertThat(browser.confirmation()).contains("撤销后该记录不再公开和使用", "不能恢复");
        assertThat(browser.find(By.id("confirm-ok")).getText()).isEqualTo("确定撤销该记录");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("the safe choice has the focus")
                .isEqualTo("confirm-cancel");
        browser.screenshot("staff-layout-confirm");
        browser.cancelConfirmation();

        revoke.click();
        browser.confirmation();
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.await(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-dialog")));

        assertThat(browser.driver().getCurrentUrl()).endsWith("/records/" + record.id());
        assertThat(browser.text("record-status")).isEqualTo(status);
        assertThat(records.find(record.id())).as("still in force").isPresent();
        assertThat(records.find(record.id()).orElseThrow().status()).isEqualTo(record.status());
    }
}
