package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import org.chengxin.identity.Citizens;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The auditor's query log at 1280 px: the page never scrolls sideways (the wide table scrolls in its own box), the
 * purpose reads as a line of words, not one character per line, and the ID number filter is typed, posted and kept
 * out of the address. The flags list fits too. All people are synthetic.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class AuditListsBrowserTests {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theQueryLogFitsTheWindowAndFiltersByANumberKeptOutOfTheAddress(Browser browser) {
        String org = "浏览审查机构" + ThreadLocalRandom.current().nextInt(1_000_000);
        String department = fixtures.department();
        IdNumber alice = fixtures.syntheticIdNumber();
        IdNumber bob = fixtures.syntheticIdNumber();
        for (int i = 0; i < 24; i++) {
            IdNumber who = i % 3 == 0 ? alice : bob;
            jdbc.sql("""
                    insert into inquiry_query (subject_index, masked_id, kind, organization, department_code, actor, actor_name, purpose,
                        basis, refused, refusal_code, queried_at)
                    values (:s, :m, 'GOVERNMENT', :org, :dept, 'browse-clerk', '浏览测试员', :purpose, :basis, :refused, :code, :at)""")
                    .param("s", citizens.subjectKeyOf(who).bytes()).param("m", who.masked()).param("org", org).param("dept", department)
                    .param("purpose", "核实申请人在本市的信用状况，用于办理公共资源交易主体资格审查（第 " + i + " 件）")
                    .param("basis", "《岳阳市公共信用信息管理办法》第二十条：行政机关履行法定职责需要")
                    .param("refused", i == 5).param("code", i == 5 ? "INQUIRY_AUTHORIZATION_REQUIRED" : null)
                    .param("at", Timestamp.from(LocalDateTime.of(2026, 10, 8, 9, i).atZone(CITY).toInstant())).update();
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.logIn(fixtures.staff(Role.AUDITOR), Fixtures.PASSWORD);
        browser.open("/audit/queries?org=" + org);
        assertThat(browser.text("queries-total")).isEqualTo("24");
        assertThat(browser.driver().findElements(By.cssSelector("tr.query-row"))).hasSize(20);
        assertThat(browser.sidewaysOverflow()).as("no sideways scrolling: " + browser.widerThanWindow()).isLessThanOrEqualTo(0);
        browser.screenshot("audit-queries-1280");
        WebElement purpose = browser.find(By.cssSelector("tr.query-row td.purpose"));
        assertThat(purpose.getSize().getWidth()).as("the purpose column is wide enough to read").isGreaterThanOrEqualTo(120);
        assertThat(lines(browser, "tr.query-row td.purpose")).as("the purpose in a few lines, not one character per line")
                .isBetween(1L, 4L);
        assertThat(lines(browser, "tr.query-row td.date")).as("the date on one line, the time on the next").isEqualTo(2L);
        WebElement masked = browser.find(By.cssSelector("tr.query-row td code"));
        WebElement maskedCell = browser.find(By.cssSelector("tr.query-row td:nth-child(2)"));
        assertThat(masked.getLocation().getX() + masked.getSize().getWidth()).as("the masked number fits its column")
                .isLessThanOrEqualTo(maskedCell.getLocation().getX() + maskedCell.getSize().getWidth());

        browser.find(By.id("f-id")).sendKeys(alice.value());
        browser.find(By.id("f-apply")).click();
        browser.await(ExpectedConditions.urlContains("who="));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(alice.value()).doesNotContain(alice.value().substring(6, 14));
        assertThat(browser.text("queries-total")).isEqualTo("8");
        assertThat(browser.text("person-label")).isEqualTo(alice.masked());
        assertThat(browser.pageSource()).doesNotContain(alice.value());
        assertThat(browser.find(By.id("queries-export")).getAttribute("href")).contains("/audit/queries/export.xlsx?", "who=")
                .doesNotContain(alice.value());

        for (int i = 0; i < 3; i++) {
            jdbc.sql("""
                    insert into inquiry_flag (rule, flag_key, actor, organization, department_code, query_ids, detail, raised_at, status, note,
                        closed_by, closed_at)
                    values ('MANY_PEOPLE', :key, 'browse-clerk', :org, :dept, :ids, :detail, :at, :status, :note, :by, :closed)""")
                    .param("key", "browse:" + org + ":" + i).param("org", org).param("dept", department)
                    .param("ids", new Long[] {101L, 102L, 103L, 104L, 105L, 106L})
                    .param("detail", "经办人 browse-clerk 在一小时内查询了 23 人，超过 20 人的提示线")
                    .param("at", Timestamp.from(LocalDateTime.of(2026, 10, 9, 10, i).atZone(CITY).toInstant()))
                    .param("status", i == 0 ? "MISUSE" : "OPEN").param("note", i == 0 ? "无正当理由批量查询" : null)
                    .param("by", i == 0 ? "auditor" : null)
                    .param("closed", i == 0 ? Timestamp.from(LocalDateTime.of(2026, 10, 9, 16, 0).atZone(CITY).toInstant()) : null).update();
        }
        browser.open("/audit/flags?org=" + org);
        assertThat(browser.text("flags-total")).isEqualTo("3");
        assertThat(browser.driver().findElements(By.cssSelector("tr.flag-row"))).hasSize(3);
        assertThat(lines(browser, "tr.flag-row td.detail")).as("the detail reads in a few lines").isBetween(1L, 4L);
        assertThat(browser.sidewaysOverflow()).as("no sideways scrolling: " + browser.widerThanWindow()).isLessThanOrEqualTo(0);
        browser.screenshot("audit-flags-1280");
    }

    /** How many lines the text of the first cell the selector finds takes. */
    private static long lines(Browser browser, String selector) {
        Object n = ((JavascriptExecutor) browser.driver()).executeScript("""
                const range = document.createRange();
                range.selectNodeContents(document.querySelector(arguments[0]));
                return new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size;""", selector);
        return ((Number) n).longValue();
    }
}
