package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.chengxin.calendar.CalendarYears;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator reads 2026 on /admin/calendar (the months with 春节 and the worked Saturdays, no sideways scrolling), then
 * adds a holiday to 2032, a year nothing else uses, and removes it: the page asks first and says what follows.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class CalendarPageBrowserTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    CalendarYears years;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from calendar_day where year = 2032").update();
        jdbc.sql("delete from calendar_year where year = 2032").update();
    }

    @Test
    void theAdministratorReadsTheYearAndAddsAndRemovesADayAfterConfirming(Browser browser) {
        browser.logIn(fixtures.staff(Role.SYSTEM_ADMIN), Fixtures.PASSWORD);
        browser.open("/admin/calendar?year=2026");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("calendar-months")));
        assertThat(browser.find(By.cssSelector("#month-2 td[data-date='2026-02-17']")).getAttribute("class")).isEqualTo("holiday");
        assertThat(browser.find(By.cssSelector("#month-2 td[data-date='2026-02-14']")).getAttribute("class")).isEqualTo("worked");
        assertThat(browser.text("calendar-confirmed")).isEqualTo("已按通知确认");
        assertThat(browser.sidewaysOverflow()).as("%s", browser.widerThanWindow()).isLessThanOrEqualTo(0);
        browser.screenshot("calendar-2026");

        browser.open("/admin/calendar?year=2032");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("calendar-day-form")));
        WebElement date = browser.find(By.id("day-date"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2032-03-01';", date);
        browser.find(By.id("day-name")).sendKeys("测试假日");
        browser.find(By.id("calendar-day-save")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("calendar-saved")));
        assertThat(years.year(2032).days()).extracting(CalendarYears.Day::name).containsExactly("测试假日");

        browser.find(By.id("remove-2032-03-01")).click();
        assertThat(browser.confirmation()).contains("确定删除 2032-03-01", "恢复为普通日期");
        browser.cancelConfirmation();
        assertThat(years.year(2032).days()).as("cancelled: nothing removed").hasSize(1);

        browser.find(By.id("remove-2032-03-01")).click();
        browser.confirmation();
        browser.confirm();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("calendar-removed")));
        assertThat(years.year(2032).days()).isEmpty();
        browser.screenshot("calendar-removed");
    }
}
