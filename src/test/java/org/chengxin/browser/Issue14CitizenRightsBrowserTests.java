package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.organization.Accounts;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14 end to end, as the people do it: a window clerk opens an account for a (synthetic) citizen at
 * /window/accounts and prints the activation letter (the test reads the one-time code from the PDF the form posts for);
 * the citizen activates it at /activate with a new password and logs in; a department's system asks for the citizen's
 * credit status and checks the measures for a matter; the citizen reads both uses on 谁查询了我 (organization and purpose,
 * no error codes), complains about the credit-status query from its line; the department's reviewer acknowledges and
 * answers the complaint on /review/complaints; the citizen reads the answer on 我的投诉与举报 and in 我的消息. The full
 * number is only typed, and every check about it is yes/no: no page is ever an assertion message.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class Issue14CitizenRightsBrowserTests {

    private static final String NAME = "权益测试";
    private static final String NEW_PASSWORD = "Citizen-Passw0rd-14";
    private static final Pattern CODE = Pattern.compile("\\b([A-HJ-NP-Z2-9]{4})-([A-HJ-NP-Z2-9]{4})-([A-HJ-NP-Z2-9]{4})\\b");
    private static final Pattern ERROR_CODE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)+\\b");
    private static final Pattern FILED = Pattern.compile("编号 (\\d+)");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PopulationRegister register;

    @Autowired
    Accounts accounts;

    @Test
    void aCitizenEnrolledAtTheWindowSeesTheDepartmentsQueriesComplainsAndReadsTheAnswer(Browser browser) throws Exception {
        IdNumber person = fixtures.syntheticIdNumber();
        register.register(person, NAME, "测试");
        String department = fixtures.department();
        int n = ThreadLocalRandom.current().nextInt(1_000_000);
        String clerk = "clerk-i14-" + n;
        accounts.createStaff(clerk, "政务服务窗口（测试）", Role.CLERK, DepartmentCode.of(department), Fixtures.PASSWORD);
        String reviewer = "reviewer-i14-" + n;
        accounts.createStaff(reviewer, "部门审核员（测试）", Role.REVIEWER, DepartmentCode.of(department), Fixtures.PASSWORD);

        // 1. the clerk opens the account and prints the letter with the one-time code
        browser.logIn(clerk, Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/window/accounts']")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("person-form")));
        browser.find(By.id("id-number")).sendKeys(person.value());
        browser.find(By.id("person-name")).sendKeys(NAME);
        browser.find(By.id("person-submit")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("code-form")));
        assertThat(browser.text("account-state")).isEqualTo("未开户");
        assertThat(browser.text("person-masked")).isEqualTo(person.masked());
        browser.find(By.id("person-present")).click();
        String code = codeIn(pdfText(letterPostedBy(browser)));
        browser.logOut();

        // 2. the citizen activates the account with the code and a password of their own, and logs in
        browser.open("/activate");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("activate-form")));
        browser.find(By.id("idNumber")).sendKeys(person.value());
        browser.find(By.id("code")).sendKeys(code);
        browser.find(By.id("newPassword")).sendKeys(NEW_PASSWORD);
        browser.find(By.id("confirmPassword")).sendKeys(NEW_PASSWORD);
        browser.find(By.id("activate-submit")).click();
        browser.await(ExpectedConditions.urlContains("/login?activated"));
        browser.logIn(person.value(), NEW_PASSWORD);
        assertThat(browser.text("home-title")).contains("公民");

        // 3. the department's system asks for the credit status and checks the measures for a matter
        Http http = new Http(port);
        String reports = http.token(fixtures.apiClientOf(department, "reports:read"), Fixtures.PASSWORD, "reports:read");
        assertThat(http.postJson("/api/v1/credit-status", reports,
                "{\"idNumber\":\"" + person.value() + "\",\"purpose\":\"行政审批核查\"}").status()).isEqualTo(200);
        String checks = http.token(fixtures.apiClientOf(department, "measures:check"), Fixtures.PASSWORD, "measures:check");
        assertThat(http.postJson("/api/v1/measure-checks", checks,
                "{\"idNumber\":\"" + person.value() + "\",\"matterCode\":\"XZSP\"}").status()).isEqualTo(201);

        // 4. the citizen reads both uses on 谁查询了我: the organization and the purpose, no error codes
        browser.find(By.cssSelector("a[href$='/my/queries']")).click();
        WebElement table = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("queries")));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(2);
        String departmentName = "测试部门" + department.substring("dept-".length());
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.getText()).contains(departmentName);
            assertThat(r.findElements(By.cssSelector("td.refused"))).isEmpty();
        });
        WebElement status = rows.stream().filter(r -> r.findElement(By.cssSelector("td.purpose")).getText().contains("行政审批核查"))
                .findFirst().orElseThrow();
        WebElement check = rows.stream().filter(r -> r != status).findFirst().orElseThrow();
        assertThat(check.findElement(By.cssSelector("td.purpose")).getText()).contains("行政许可与公共服务事项办理");
        assertThat(ERROR_CODE.matcher(table.getText()).find()).as("no error codes on the citizen's page").isFalse();
        assertThat(browser.pageSource().contains(person.value())).as("the page must not contain the full ID number").isFalse();
        browser.screenshot("issue14-my-queries");

        // 5. the citizen complains about the credit-status query from its line
        status.findElement(By.cssSelector("a[id^='complain-']")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("complaint-form")));
        assertThat(new Select(browser.find(By.id("complaint-kind"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("UNAUTHORIZED_QUERY");
        assertThat(new Select(browser.find(By.id("complaint-query"))).getFirstSelectedOption().getText()).contains("行政审批核查");
        browser.find(By.id("complaint-text")).sendKeys("我没有在该部门办理任何审批事项，不知为何被查询信用状况");
        browser.find(By.id("complaint-submit")).click();
        String notice = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText();
        assertThat(notice).contains("已登记投诉", departmentName);
        Matcher filed = FILED.matcher(notice);
        assertThat(filed.find()).isTrue();
        String id = filed.group(1);
        assertThat(browser.find(By.id("complaint-" + id)).getText()).contains("已登记，待受理", "行政审批核查");
        browser.logOut();

        // 6. the department's reviewer acknowledges and answers it with reasons
        browser.logIn(reviewer, Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/review/complaints']")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("complaint-" + id)));
        assertThat(browser.find(By.id("complaint-" + id)).getText()).contains("我没有在该部门办理任何审批事项", person.masked());
        browser.find(By.id("acknowledge-" + id)).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("reply-" + id)))
                .sendKeys("经核查，该次查询系经办人录错身份证号码所致，已删除查询结果并对经办人批评教育");
        browser.find(By.id("answer-" + id)).click();
        assertThat(browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText()).contains("已答复投诉");
        assertThat(browser.find(By.id("complaint-" + id)).getText()).contains("已答复");
        browser.screenshot("issue14-review-complaints");
        browser.logOut();

        // 7. the citizen reads the answer on their page and in their inbox
        browser.logIn(person.value(), NEW_PASSWORD);
        browser.open("/my/complaints");
        WebElement answered = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("complaint-" + id)));
        assertThat(answered.getText()).contains("已答复", "经办人录错身份证号码所致");
        browser.waiting(Browser.WAIT).pollingEvery(Duration.ofMillis(500)).until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.id("inbox-unread")).isEmpty();
        });
        browser.find(By.id("inbox-link")).click();
        WebElement inbox = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("inbox")));
        assertThat(inbox.getText()).contains("您的投诉（编号 " + id + "）已有答复", "经办人录错身份证号码所致");
        assertThat(browser.pageSource().contains(person.value())).as("the inbox must not contain the full ID number").isFalse();
        browser.screenshot("issue14-inbox");
    }

    /**
     * Posts the clerk's code form from the page, as its button does (with the session and the form's CSRF token), and
     * returns the PDF it answers: the button opens the letter in a new tab, which a headless browser cannot print.
     */
    private static byte[] letterPostedBy(Browser browser) {
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('code-form');
                fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin'})
                    .then(r => r.arrayBuffer().then(b => {
                        const bytes = new Uint8Array(b);
                        let s = '';
                        for (let i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
                        done(r.status + ' ' + (r.headers.get('content-type') || '') + ' ' + btoa(s));
                    }))
                    .catch(e => done('failed ' + e));""");
        String[] parts = String.valueOf(answer).split(" ", 3);
        assertThat(parts[0]).as("the letter's status").isEqualTo("200");
        assertThat(parts[1]).as("the letter's type").startsWith("application/pdf");
        return Base64.getDecoder().decode(parts[2]);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String codeIn(String text) {
        Matcher m = CODE.matcher(text);
        assertThat(m.find()).as("the letter holds a code").isTrue();
        return m.group(1) + m.group(2) + m.group(3);
    }
}
