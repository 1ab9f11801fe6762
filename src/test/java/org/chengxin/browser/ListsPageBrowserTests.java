package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.chengxin.identity.Citizens;
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
    void reviewerSeesOnlyTheDepartmentsRecordsInEveryCandidateAndListsOneAsShown(Browser browser) {
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        pushTaxAndMedicalFraud(person);
        List<Long> ownIds = idsOf(subject, DEPARTMENT);
        List<Long> taxIds = idsOf(subject, "swj");
        String reviewer = "reviewer-ybj-" + ThreadLocalRandom.current().nextInt(1_000_000);
        accounts.createStaff(reviewer, "医保局审核员", Role.REVIEWER, DepartmentCode.of(DEPARTMENT), Fixtures.PASSWORD);

        browser.logIn(reviewer, Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/lists']")).click();
        WebElement candidate = browser.await(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//article[contains(@class,'candidate')][.//input[@name='subjectIndex' and @value='" + subject.hex() + "']]")));

        List<WebElement> offered = browser.driver().findElements(By.cssSelector("article.candidate input[name='recordIds']"));
        assertThat(offered).isNotEmpty().allSatisfy(box -> assertThat(records.findOfDepartment(
                Long.parseLong(box.getAttribute("value")), DepartmentCode.of(DEPARTMENT))).as("every record offered is the department's").isPresent());
        assertThat(candidate.findElements(By.cssSelector("input[name='recordIds']")))
                .extracting(box -> Long.valueOf(box.getAttribute("value"))).containsExactlyElementsOf(ownIds);
        assertThat(candidate.findElements(By.cssSelector("input[name='recordIds']"))).allMatch(WebElement::isSelected);
        assertThat(candidate.findElement(By.tagName("code")).getText()).isEqualTo(person.masked());
        String source = browser.pageSource();
        for (long taxId : taxIds) {
            assertThat(source).doesNotContain("value=\"" + taxId + "\"").doesNotContainPattern("记录 " + taxId + "(?!\\d)");
        }
        assertThat(source.contains(person.value())).as("the page must not contain the full ID number").isFalse();
        browser.screenshot("lists-candidates");

        String documentNumber = "岳医保认〔2026〕" + ThreadLocalRandom.current().nextInt(1000, 10_000) + "号";
        candidate.findElement(By.name("documentNumber")).sendKeys(documentNumber);
        candidate.findElement(By.name("legalBasis")).sendKeys("《医疗保障基金使用监督管理条例》第四十条");
        candidate.findElement(By.name("criteria")).sendKeys("骗取医疗保障基金数额较大");
        candidate.findElement(By.cssSelector("button[type='submit']")).click();

        WebElement notice = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).contains(documentNumber, "列入严重失信主体名单");
        assertThat(browser.driver().findElements(By.id("form-error"))).isEmpty();
        assertThat(browser.find(By.id("entries")).getText()).contains(documentNumber);
        assertThat(browser.driver().findElements(By.xpath("//input[@name='subjectIndex' and @value='" + subject.hex() + "']")))
                .as("listed: no longer a candidate").isEmpty();
        assertThat(list.activeFor(subject)).singleElement().satisfies(e -> {
            assertThat(e.departmentCode().value()).isEqualTo(DEPARTMENT);
            assertThat(e.recordIds()).containsExactlyElementsOf(ownIds);
        });
        browser.screenshot("lists-listed");
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
