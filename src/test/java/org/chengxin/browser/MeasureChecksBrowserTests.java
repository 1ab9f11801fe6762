package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.chengxin.identity.Citizens;
import org.chengxin.lists.Decision;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.organization.Accounts;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A window clerk of 人社局 checks a person on the serious-dishonesty list while handling 公务员录用, reads
 * the punishment and its basis and records the feedback, all on one screen swapped in place by htmx.
 * The person's number is synthetic and only ever compared yes/no.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class MeasureChecksBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Accounts accounts;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    Clock clock;

    @Test
    void clerkChecksAPersonSeesTheMeasuresAndRecordsTheFeedbackOnTheSameScreen(Browser browser) {
        IdNumber person = listedPerson();
        fixtures.departmentWithCode("rsj");
        String clerk = "clerk-rsj-" + ThreadLocalRandom.current().nextInt(1_000_000);
        accounts.createStaff(clerk, "人社局窗口", Role.CLERK, DepartmentCode.of("rsj"), Fixtures.PASSWORD);

        browser.logIn(clerk, Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/checks']")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("check-form")));

        WebElement marker = browser.find(By.tagName("h1"));
        browser.find(By.id("id-number")).sendKeys(person.value());
        new Select(browser.find(By.id("matter"))).selectByValue("GWY-LY");
        browser.find(By.id("check-submit")).click();
        WebElement punishment = browser.waiting(Browser.WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("measure-CJ-GWY")));

        assertThat(punishment.getText()).contains("限制录用为公务员", "应当实施", "《公务员录用规定》", "严重失信主体名单");
        assertThat(browser.find(By.id("result-masked")).getText()).isEqualTo(person.masked());
        assertThat(browser.find(By.id("result-serious")).getText()).isEqualTo("已列入");
        assertThat(marker.isDisplayed()).as("the result is swapped in, the page is not reloaded").isTrue();
        assertThat(browser.find(By.id("result")).getAttribute("innerHTML").contains(person.value()))
                .as("the result must not contain the full ID number").isFalse();

        browser.find(By.cssSelector("input[name='applied_CJ-GWY'][value='false']")).click();
        browser.find(By.id("outcome")).sendKeys("未录用");
        browser.find(By.id("feedback-submit")).click();
        WebElement error = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("form-error")));
        assertThat(error.getAttribute("data-code")).isEqualTo("MEASURE_FEEDBACK_REASON_REQUIRED");
        assertThat(browser.find(By.id("outcome")).getAttribute("value")).as("what was typed is kept").isEqualTo("未录用");

        browser.find(By.cssSelector("input[name='applied_CJ-GWY'][value='true']")).click();
        browser.find(By.id("outcome")).clear();
        browser.find(By.id("outcome")).sendKeys("依规定不予录用");
        browser.find(By.id("feedback-submit")).click();
        WebElement given = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-given")));
        assertThat(given.getText()).contains("限制录用为公务员", "已实施");
        assertThat(browser.find(By.id("notice")).getText()).contains("已反馈");
        assertThat(browser.find(By.id("recent-checks")).getText()).contains("已反馈");
        assertThat(marker.isDisplayed()).as("still the same page").isTrue();
        assertThat(browser.pageSource().contains(person.value())).as("the page must not contain the full ID number").isFalse();
        browser.screenshot("measure-check");

        // the department's check list: the person by ID number (posted, never in the address) and the feedback state
        String checkId = browser.find(By.id("check-id")).getText().substring(1);
        browser.find(By.id("f-id")).sendKeys(person.value());
        new Select(browser.find(By.id("f-state"))).selectByValue("GIVEN");
        browser.find(By.id("f-apply")).click();
        WebElement personLabel = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("person-label")));
        assertThat(personLabel.getText()).isEqualTo(person.masked());
        assertThat(browser.driver().getCurrentUrl()).contains("who=", "state=GIVEN").doesNotContain(person.value());
        assertThat(browser.find(By.id("checks-total")).getText()).isEqualTo("1");
        assertThat(browser.find(By.cssSelector("#checks-list tr[data-check='" + checkId + "'] .check-state")).getText()).isEqualTo("已反馈");
        assertThat(browser.pageSource().contains(person.value())).as("the list must not contain the full ID number").isFalse();
        browser.screenshot("measure-check-list");
    }

    /** A person with a serious tax record, listed by 税务局. */
    private IdNumber listedPerson() {
        Http http = new Http(port);
        String tax = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        String source = "browser-" + UUID.randomUUID();
        SeriousDishonestyListAccess.push(http, tax, person, source);
        long recordId = records.allFor(subject).get(0).id();
        LocalDate today = LocalDate.now(clock);
        SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(subject, "岳税认〔2026〕" + ThreadLocalRandom.current().nextInt(1000) + "号",
                "《中华人民共和国税收征收管理法》第六十三条", "偷税数额较大", today, today.plusYears(1), List.of(recordId)));
        return person;
    }
}
