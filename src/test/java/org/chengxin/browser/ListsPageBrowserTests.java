package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.chengxin.identity.Citizens;
import org.chengxin.lists.ListEntry;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reviewer of 医疗保障局 opens the serious-dishonesty page: every candidate's records are the
 * department's own, though the person also has a serious record of 税务局, and listing the person with
 * the form as shown succeeds. The person's number is synthetic.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class ListsPageBrowserTests {

    private static final String DEPARTMENT = "ybj";

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

    @Autowired
    SeriousDishonestyList list;

    @Test
    void reviewerSeesOnlyTheDepartmentsRecordsNoticesThePersonReadsTheirStatementAndLists(Browser browser) {
        IdNumber person = fixtures.citizenWithAccount();
        SubjectKey subject = citizens.subjectKeyOf(person);
        pushTaxAndMedicalFraud(person);
        List<Long> ownIds = idsOf(subject, DEPARTMENT);
        List<Long> taxIds = idsOf(subject, "swj");
        String reviewer = "reviewer-ybj-" + ThreadLocalRandom.current().nextInt(1_000_000);
        accounts.createStaff(reviewer, "医保局审核员", Role.REVIEWER, DepartmentCode.of(DEPARTMENT), Fixtures.PASSWORD);

        browser.logIn(reviewer, Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/lists']")).click();
        // the list: one row per candidate, read in full on its own page
        WebElement row = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("candidate-" + ownIds.get(0))));
        assertThat(row.getText()).contains(person.masked());
        browser.screenshot("lists-candidate-rows");
        WebElement open = browser.find(By.id("open-candidate-" + ownIds.get(0)));
        browser.scrollTo(open);
        open.click();
        WebElement candidate = browser.await(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//article[contains(@class,'candidate')][.//input[@name='subjectIndex' and @value='" + subject.hex() + "']]")));

        List<WebElement> offered = browser.driver().findElements(By.cssSelector("article.candidate input[name='recordIds']"));
        assertThat(offered).isNotEmpty().allSatisfy(box -> assertThat(records.findOfDepartment(
                Long.parseLong(box.getAttribute("value")), DepartmentCode.of(DEPARTMENT))).as("every record offered is the department's").isPresent());
        assertThat(candidate.findElements(By.cssSelector("input[name='recordIds']")))
                .extracting(box -> Long.valueOf(box.getAttribute("value"))).containsExactlyElementsOf(ownIds);
        assertThat(candidate.findElements(By.cssSelector("input[name='recordIds']"))).allMatch(WebElement::isSelected);
        assertThat(candidate.findElement(By.cssSelector("p.subject code")).getText()).isEqualTo(person.masked());
        String source = browser.pageSource();
        for (long taxId : taxIds) {
            assertThat(source).doesNotContain("value=\"" + taxId + "\"").doesNotContainPattern("记录 " + taxId + "(?!\\d)");
        }
        assertThat(source.contains(person.value())).as("the page must not contain the full ID number").isFalse();
        browser.screenshot("lists-candidates");

        String documentNumber = "岳医保认〔2026〕" + ThreadLocalRandom.current().nextInt(1000, 10_000) + "号";
        candidate.findElement(By.name("documentNumber")).sendKeys(documentNumber);
        assertThat(candidate.findElement(By.name("legalBasis")).getAttribute("value")).as("prefilled from the catalog").isNotBlank();
        candidate.findElement(By.name("legalBasis")).clear();
        candidate.findElement(By.name("legalBasis")).sendKeys("《医疗保障基金使用监督管理条例》第四十条");
        candidate.findElement(By.name("criteria")).clear();
        candidate.findElement(By.name("criteria")).sendKeys("骗取医疗保障基金数额较大");
        WebElement next = candidate.findElement(By.cssSelector("button[type='submit']"));
        browser.scrollTo(next);
        next.click();

        // the confirmation step: what the notice says and what follows, then sent
        assertThat(browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("consequence"))).getText()).contains("告知发出后不能撤回");
        assertThat(browser.text("notice-summary")).contains(documentNumber, "《医疗保障基金使用监督管理条例》第四十条", person.masked());
        assertThat(list.noticesFor(subject)).as("nothing sent before the confirmation").isEmpty();
        browser.screenshot("lists-confirm");
        WebElement send = browser.find(By.id("send-notice"));
        browser.scrollTo(send);
        send.click();

        // first the notice: nothing is listed yet, and the decision waits for the person's statement or the deadline
        WebElement notice = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).contains("已向当事人发出认定告知", documentNumber, "陈述申辩期限至");
        assertThat(browser.driver().findElements(By.id("form-error"))).isEmpty();
        assertThat(browser.driver().findElements(By.xpath("//input[@name='subjectIndex' and @value='" + subject.hex() + "']")))
                .as("noticed: no longer a candidate").isEmpty();
        ListEntry noticed = list.noticesFor(subject).get(0);
        assertThat(list.activeFor(subject)).isEmpty();
        assertThat(browser.text("entry-" + noticed.id())).contains(documentNumber, "已告知，待认定", "当事人尚未陈述申辩");
        browser.find(By.cssSelector("#decide-" + noticed.id() + " button[type='submit']")).click();
        // the confirmation says what listing means
        assertThat(browser.confirmation()).contains("列入严重失信主体名单", "联合惩戒");
        browser.confirm();
        WebElement refusal = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("form-error")));
        assertThat(refusal.getText()).contains("尚未陈述申辩").doesNotContain("LIST_NOTICE_PERIOD_OPEN");
        assertThat(refusal.getAttribute("title")).as("the code in a tooltip").contains("LIST_NOTICE_PERIOD_OPEN");
        assertThat(list.activeFor(subject)).isEmpty();
        browser.logOut();

        // the person reads the notice in their inbox and states their case
        browser.logIn(person.value(), Fixtures.PASSWORD);
        for (int tries = 0; tries < 40 && browser.driver().findElements(By.id("inbox-unread")).isEmpty(); tries++) {
            sleep();
            browser.driver().navigate().refresh();
        }
        browser.find(By.id("inbox-link")).click();
        assertThat(browser.await(ExpectedConditions.presenceOfElementLocated(By.id("inbox"))).getText())
                .contains("拟将您列入严重失信主体名单", documentNumber, "您有权陈述和申辩");
        browser.find(By.cssSelector("#inbox a[href$='/my/list-notices']")).click();
        WebElement toState = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("notice-" + noticed.id())));
        assertThat(toState.getText()).contains(documentNumber, "《医疗保障基金使用监督管理条例》第四十条", "骗取医疗保障基金数额较大",
                "陈述申辩期限", "至 " + noticed.noticeDue());
        toState.findElement(By.name("statement")).sendKeys("涉案费用系医院工作人员代为办理，本人不知情，并已全额退还。");
        toState.findElement(By.cssSelector("button[type='submit']")).click();
        assertThat(browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText()).contains("陈述申辩已提交");
        assertThat(browser.text("stated-" + noticed.id())).contains("本人不知情");
        assertThat(browser.pageSource().contains(person.value())).isFalse();
        browser.screenshot("lists-statement");
        browser.logOut();

        // the reviewer reads the statement beside the decision form and decides
        browser.logIn(reviewer, Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/lists']")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("tab-notices"))).click();
        assertThat(browser.await(ExpectedConditions.presenceOfElementLocated(By.id("statement-" + noticed.id()))).getText())
                .contains("涉案费用系医院工作人员代为办理，本人不知情");
        browser.find(By.cssSelector("#decide-" + noticed.id() + " button[type='submit']")).click();
        browser.confirmation();
        browser.confirm();
        assertThat(browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .contains(documentNumber, "列入严重失信主体名单");
        assertThat(browser.driver().findElements(By.id("form-error"))).isEmpty();
        assertThat(browser.text("entry-" + noticed.id())).contains("有效");
        assertThat(list.activeFor(subject)).singleElement().satisfies(e -> {
            assertThat(e.departmentCode().value()).isEqualTo(DEPARTMENT);
            assertThat(e.recordIds()).containsExactlyElementsOf(ownIds);
            assertThat(e.statement()).contains("本人不知情");
        });
        browser.screenshot("lists-listed");
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A serious tax record (税务局) and a serious medical-insurance fraud record (医疗保障局) about the person. */
    private void pushTaxAndMedicalFraud(IdNumber person) {
        Http http = new Http(port);
        SeriousDishonestyListAccess.push(http, token(http, "swj"), person, "browser-tax-" + UUID.randomUUID());
        SeriousDishonestyListAccess.pushSerious(http, token(http, DEPARTMENT), person, "YY-HC-003", "browser-med-" + UUID.randomUUID(), 12,
                "{\"facts\":\"虚构医疗服务\",\"penaltyResult\":\"追回并罚款\",\"defraudedAmount\":\"36000\",\"authority\":\"医疗保障局\"}");
    }

    private String token(Http http, String department) {
        return http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
    }

    private List<Long> idsOf(SubjectKey subject, String department) {
        return records.allFor(subject).stream().filter(r -> r.departmentCode().value().equals(department)).map(r -> r.id()).sorted().toList();
    }
}
