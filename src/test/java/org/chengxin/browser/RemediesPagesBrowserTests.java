package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.chengxin.evaluation.domain.Grade;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.organization.Accounts;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Objections and credit repair as the people who use them see the pages: a citizen objects to one of their
 * records with a photo of the receipt and sees the objection under the platform's screening and the record
 * marked as disputed on their credit page; and the whole way from an objection with an attachment, through
 * screening and a correction by the department's reviewer, to a repair granted and the grade it changes. The
 * citizen logs in with the full (synthetic) ID number, so checks about it are yes/no assertions and pages are
 * never assertion messages.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class RemediesPagesBrowserTests {

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
    Accounts accounts;

    @Autowired
    MutableClock clock;

    /** The tax office: the catalog gives it 偷税（逃避缴纳税款）, a serious dishonesty record repairable after 12 months. */
    static final String TAX = "swj";
    static final String TAX_EVASION = "偷税（逃避缴纳税款）";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    static final Pattern CASE_NUMBER = Pattern.compile("编号 (\\d+)");

    @Test
    void citizenObjectsWithAPhotoAndSeesTheObjectionAndTheMarkOnTheirCreditPage(Browser browser, @TempDir Path dir) throws IOException {
        IdNumber person = fixtures.citizenWithAccount();
        register.register(person, "名单测试", "测试");
        Http http = new Http(port);
        String token = http.token(fixtures.apiClient("records:write"), Fixtures.PASSWORD, "records:write");
        SeriousDishonestyListAccess.pushSerious(http, token, person, "YY-GN-002", "browser-objection-" + UUID.randomUUID(), 20,
                "{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示年度报告\",\"penaltyResult\":\"罚款500元\",\"authority\":\"岳阳市市场监督管理局\"}");
        long recordId = records.allFor(citizens.subjectKeyOf(person)).get(0).id();
        Path photo = dir.resolve("receipt.png");
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 2, 0xB3261E);
        ImageIO.write(image, "png", photo.toFile());

        browser.logIn(person.value(), Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/my/objections']")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("object-" + recordId))).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("objection-form")));
        browser.find(By.cssSelector("#objection-field option[value='penaltyResult']")).click();
        browser.find(By.id("objection-grounds")).sendKeys("罚款已于决定当日缴清，金额登记有误");
        browser.find(By.id("objection-value")).sendKeys("罚款200元");
        browser.find(By.id("objection-files")).sendKeys(photo.toAbsolutePath().toString());
        browser.find(By.id("objection-submit")).click();

        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        List<String> row = browser.driver().findElements(By.cssSelector("#objections tbody tr td")).stream()
                .map(c -> c.getText().trim()).toList();
        assertThat(row).contains("平台初审中", "receipt.png");
        assertThat(browser.text("record-" + recordId)).contains("异议处理中");
        assertThat(browser.pageSource().contains(person.value())).as("the page must not contain the full ID number").isFalse();
        browser.screenshot("my-objections");

        browser.open("/my/credit");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("explanation")));
        List<List<String>> explanation = browser.driver().findElements(By.cssSelector("#explanation tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().map(c -> c.getText().trim()).toList()).toList();
        assertThat(explanation).anySatisfy(cells -> assertThat(cells).startsWith("行政处罚信息（一般）").contains("异议中"));
        browser.screenshot("my-credit-objected");
    }

    @Test
    void anObjectionCorrectedByTheReviewerThenARepairGrantedChangesTheGradeOnTheCitizensPage(Browser browser, @TempDir Path dir)
            throws IOException {
        IdNumber person = fixtures.citizenWithAccount();
        register.register(person, "修复测试", "测试");
        String reviewer = "reviewer-swj-" + ThreadLocalRandom.current().nextInt(1_000_000);
        accounts.createStaff(reviewer, "税务局审核员", Role.REVIEWER, DepartmentCode.of(fixtures.departmentWithCode(TAX)), Fixtures.PASSWORD);
        String admin = fixtures.staff(Role.SYSTEM_ADMIN);
        LocalDate today = LocalDate.now(clock);
        long recordId = pushTaxEvasion(person, today.minusMonths(13));
        Path decision = Files.write(dir.resolve("review-decision.pdf"), PDF);
        Path receipt = dir.resolve("tax-receipt.png");
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x1E6B3A);
        ImageIO.write(image, "png", receipt.toFile());

        // The citizen objects to the amount with the review decision as a PDF; the record is marked at once.
        browser.logIn(person.value(), Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/my/objections']")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("object-" + recordId))).click();
        WebElement form = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("objection-form")));
        assertThat(browser.find(By.xpath("//h2[contains(., '提出异议：')]")).getText()).contains(TAX_EVASION, "#" + recordId);
        form.findElement(By.cssSelector("#objection-field option[value='evadedAmount']")).click();
        browser.find(By.id("objection-grounds")).sendKeys("经税务行政复议，偷逃税款金额已核减为 25000 元");
        browser.find(By.id("objection-value")).sendKeys("25000");
        browser.find(By.id("objection-files")).sendKeys(decision.toAbsolutePath().toString());
        browser.find(By.id("objection-submit")).click();

        String filedNotice = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("notice"))).getText();
        assertThat(filedNotice).contains("已提出异议", "异议处理中");
        long objectionId = caseNumber(filedNotice);
        assertThat(browser.text("objection-" + objectionId)).contains(TAX_EVASION, "偷逃税款金额（元）", "请求更正为：25000", "平台初审中",
                "review-decision.pdf");
        assertThat(browser.text("record-" + recordId)).contains("异议处理中");
        assertThat(browser.pageSource().contains(person.value())).as("the page must not contain the full ID number").isFalse();

        browser.find(By.cssSelector(".who-line a[href$='/my/report']")).click();
        browser.await(ExpectedConditions.elementToBeClickable(By.id("generate"))).click();
        WebElement reported = browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dishonesty-records #record-" + recordId)));
        browser.scrollTo(reported);
        assertThat(browser.text("record-" + recordId)).contains(TAX_EVASION);
        assertThat(browser.find(By.xpath("//tr[@id='record-" + recordId + "']/following-sibling::tr[1]")).getText())
                .contains("异议标注：", "本条信息当事人已提出异议，正在核实处理中");
        assertThat(browser.text("report-summary")).contains("有记录正在异议处理中");
        assertThat(browser.pageSource().contains(person.value())).as("the report must not contain the full ID number").isFalse();
        browser.screenshot("e2e-1-report-objected");
        browser.logOut();

        // The platform's staff pass it on to the tax office.
        browser.logIn(admin, Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/remedies/screening']")).click();
        WebElement screening = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("screening-" + objectionId)));
        assertThat(screening.getText()).contains(TAX_EVASION, person.masked(), "偷逃税款金额（元）",
                "经税务行政复议，偷逃税款金额已核减为 25000 元", "review-decision.pdf");
        screening.findElement(By.cssSelector("form[action$='/remedies/screening/" + objectionId + "/acceptance'] button")).click();
        assertThat(browser.await(ExpectedConditions.presenceOfElementLocated(By.id("notice"))).getText())
                .isEqualTo("异议 " + objectionId + " 已通过初审，转认定部门核查");
        assertThat(browser.driver().findElements(By.id("screening-" + objectionId))).isEmpty();
        browser.logOut();

        // The tax office's reviewer opens the case from the work queue and corrects the amount.
        browser.logIn(reviewer, Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/review/cases']")).click();
        WebElement queued = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("objection-" + objectionId)));
        assertThat(queued.getText()).contains("异议", TAX_EVASION, person.masked(), "认定部门核查中", "剩余");
        queued.findElement(By.linkText(String.valueOf(objectionId))).click();
        assertThat(browser.await(ExpectedConditions.presenceOfElementLocated(By.id("objection-status"))).getText()).isEqualTo("认定部门核查中");
        assertThat(browser.text("objection-field")).isEqualTo("偷逃税款金额（元）");
        assertThat(browser.text("objection-grounds")).isEqualTo("经税务行政复议，偷逃税款金额已核减为 25000 元");
        assertThat(browser.text("case-attachments")).contains("review-decision.pdf", "application/pdf");
        assertThat(browser.find(By.cssSelector("#case-record tr[data-field='evadedAmount']")).getText()).contains("52000");
        assertThat(browser.pageSource().contains(person.value())).as("the reviewer's page must not contain the full ID number").isFalse();
        browser.find(By.cssSelector("#decision-form input[name='outcome'][value='CORRECT']")).click();
        browser.find(By.id("correctedValue")).sendKeys("25000");
        browser.find(By.id("reasons")).sendKeys("经核查，行政复议决定已将偷逃税款金额核减为 25000 元，予以更正");
        browser.find(By.cssSelector("#decision-form button[type='submit']")).click();

        assertThat(browser.await(ExpectedConditions.presenceOfElementLocated(By.id("notice"))).getText())
                .isEqualTo("已作出处理决定：已处理：记录已更正");
        assertThat(browser.text("objection-status")).isEqualTo("已处理：记录已更正");
        assertThat(browser.find(By.cssSelector("#case-record tr[data-field='evadedAmount']")).getText()).contains("25000")
                .doesNotContain("52000");
        assertThat(browser.text("case-record-status")).isEqualTo("有效");
        assertThat(browser.driver().findElements(By.cssSelector("#case-versions tbody tr"))).as("the old version is kept").hasSize(2);
        assertThat(browser.driver().findElements(By.id("decision-form"))).isEmpty();
        browser.screenshot("e2e-2-objection-corrected");
        browser.logOut();

        // The citizen is told in their inbox, reads the answer, then applies for repair with the receipt and the
        // commitment accepted online.
        browser.logIn(person.value(), Fixtures.PASSWORD);
        awaitUnread(browser, 1);
        browser.find(By.id("inbox-link")).click();
        assertThat(browser.await(ExpectedConditions.presenceOfElementLocated(By.id("inbox"))).getText())
                .contains("您的异议（编号 " + objectionId + "）已有处理结果：更正记录", "#" + recordId, "予以更正");
        assertThat(browser.driver().findElements(By.id("inbox-unread"))).as("read once the inbox is open").isEmpty();
        browser.find(By.cssSelector("#inbox a[href$='/my/objections']")).click();
        WebElement answered = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("objection-" + objectionId)));
        assertThat(answered.getText()).contains("已处理：记录已更正", "经核查，行政复议决定已将偷逃税款金额核减为 25000 元，予以更正",
                "更正后：25000");
        assertThat(answered.findElements(By.id("withdraw-" + objectionId))).as("a decided objection cannot be withdrawn").isEmpty();
        assertThat(browser.text("record-" + recordId)).contains("有效").doesNotContain("异议处理中");
        browser.find(By.cssSelector(".who-line a[href$='/my/report']")).click();
        browser.await(ExpectedConditions.elementToBeClickable(By.id("generate"))).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dishonesty-records #record-" + recordId)));
        assertThat(browser.text("dishonesty-records")).as("the record left OBJECTED").contains(TAX_EVASION).doesNotContain("异议标注");
        assertThat(browser.text("report-summary")).doesNotContain("有记录正在异议处理中");

        browser.find(By.cssSelector("header a[href$='/home']")).click();
        browser.awaitHomePage();
        browser.find(By.cssSelector("a[href$='/my/credit']")).click();
        Standing beforeRepair = standing(browser);
        assertThat(explanationRowsOf(browser, TAX_EVASION)).singleElement()
                .satisfies(cells -> assertThat(cells).contains("有效").doesNotContain("异议中"));
        browser.find(By.cssSelector("#remedies-links a[href$='/my/repairs']")).click();
        WebElement eligibility = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("eligibility-" + recordId)));
        assertThat(eligibility.getText()).contains(TAX_EVASION).doesNotContain("尚未届满");
        assertThat(LocalDate.parse(browser.text("earliest-" + recordId))).as("the minimum period has passed").isBeforeOrEqualTo(today);
        browser.find(By.id("apply-" + recordId)).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("repair-form")));
        assertThat(browser.find(By.xpath("//h2[contains(., '申请信用修复：')]")).getText()).contains(TAX_EVASION, "#" + recordId);
        browser.find(By.id("repair-fulfilment")).sendKeys("核减后的税款 25000 元及罚款已于复议决定次日全部缴清");
        browser.find(By.id("repair-commit-online")).click();
        browser.find(By.id("repair-files")).sendKeys(receipt.toAbsolutePath().toString());
        browser.find(By.id("repair-submit")).click();

        String appliedNotice = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("notice"))).getText();
        assertThat(appliedNotice).contains("已提交信用修复申请", "前办结");
        long repairId = caseNumber(appliedNotice);
        assertThat(browser.text("application-" + repairId)).contains(TAX_EVASION, "网上确认承诺", "认定部门审核中", "tax-receipt.png");
        assertThat(browser.text("eligibility-" + recordId)).contains("修复申请办理中");
        browser.screenshot("e2e-3-repair-applied");
        browser.logOut();

        // The tax office's reviewer grants it on the review page.
        browser.logIn(reviewer, Fixtures.PASSWORD);
        browser.find(By.cssSelector("a[href$='/review/cases']")).click();
        WebElement repairQueued = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("repair-" + repairId)));
        assertThat(repairQueued.getText()).contains("信用修复", TAX_EVASION, person.masked(), "认定部门审核中", "剩余");
        repairQueued.findElement(By.linkText(String.valueOf(repairId))).click();
        assertThat(browser.await(ExpectedConditions.presenceOfElementLocated(By.id("repair-status"))).getText()).isEqualTo("认定部门审核中");
        assertThat(browser.text("repair-fulfilment")).isEqualTo("核减后的税款 25000 元及罚款已于复议决定次日全部缴清");
        assertThat(browser.text("repair-summary")).contains("网上确认承诺");
        assertThat(browser.text("case-attachments")).contains("tax-receipt.png", "image/png");
        assertThat(browser.find(By.cssSelector("#case-record tr[data-field='evadedAmount']")).getText())
                .as("the reviewer reads the corrected version").contains("25000");
        browser.find(By.cssSelector("#decision-form input[name='grant'][value='true']")).click();
        browser.find(By.id("reasons")).sendKeys("已履行法定义务并作出信用承诺，准予修复");
        browser.find(By.cssSelector("#decision-form button[type='submit']")).click();

        assertThat(browser.await(ExpectedConditions.presenceOfElementLocated(By.id("notice"))).getText()).isEqualTo("已作出处理决定：已修复");
        assertThat(browser.text("repair-status")).isEqualTo("已修复");
        assertThat(browser.text("case-record-status")).isEqualTo("已修复");
        assertThat(browser.driver().findElements(By.id("decision-form"))).isEmpty();
        browser.logOut();

        // The citizen is told the decision and, once the grade is recomputed, the better grade; their grade and points
        // no longer count the repaired record.
        browser.logIn(person.value(), Fixtures.PASSWORD);
        awaitUnread(browser, 1);
        browser.find(By.id("inbox-link")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("inbox")));
        for (int tries = 0; tries < 80 && !(browser.text("inbox").contains("准予修复") && browser.text("inbox").contains("您的信用等级已变为"));
                tries++) {
            pause();
            browser.driver().navigate().refresh();
        }
        assertThat(browser.text("inbox")).contains("您的信用修复申请（编号 " + repairId + "）已有处理结果：准予修复",
                "已履行法定义务并作出信用承诺，准予修复").as("the better grade is told too").contains("您的信用等级已变为");
        browser.find(By.cssSelector("header a[href$='/home']")).click();
        browser.awaitHomePage();
        browser.find(By.cssSelector("a[href$='/my/credit']")).click();
        Standing afterRepair = standing(browser);
        assertThat(explanationRowsOf(browser, TAX_EVASION)).as("the repaired record is out of the score").isEmpty();
        assertThat(afterRepair.points()).as("points after the repair").isGreaterThan(beforeRepair.points());
        assertThat(afterRepair.grade().ordinal()).as("grade %s after the repair, %s before", afterRepair.grade(), beforeRepair.grade())
                .isLessThan(beforeRepair.grade().ordinal());
        browser.screenshot("e2e-4-credit-after-repair");
        browser.find(By.cssSelector("#remedies-links a[href$='/my/repairs']")).click();
        assertThat(browser.await(ExpectedConditions.presenceOfElementLocated(By.id("application-" + repairId))).getText())
                .contains("已修复", "已履行法定义务并作出信用承诺，准予修复");
        assertThat(browser.driver().findElements(By.id("eligibility-" + recordId))).as("no longer a record in force to repair").isEmpty();
        browser.find(By.cssSelector("header a[href$='/home']")).click();
        browser.awaitHomePage();
        browser.find(By.cssSelector("a[href$='/my/report']")).click();
        browser.await(ExpectedConditions.elementToBeClickable(By.id("generate"))).click();
        assertThat(browser.await(ExpectedConditions.presenceOfElementLocated(By.id("dishonesty-records-none"))).getText())
                .as("a repaired record is out of the report").isEqualTo("无。");
        assertThat(browser.driver().findElements(By.id("record-" + recordId))).isEmpty();
    }

    /**
     * Waits until the header counts at least {@code least} unread messages (each is written just after its change
     * commits; a grade change after the recomputation queue's next run, so the count may grow while we look).
     */
    private static void awaitUnread(Browser browser, int least) {
        for (int tries = 0; tries < 80 && unread(browser) < least; tries++) {
            pause();
            browser.driver().navigate().refresh();
        }
        assertThat(unread(browser)).as("unread messages in the header").isGreaterThanOrEqualTo(least);
    }

    private static int unread(Browser browser) {
        return browser.driver().findElements(By.id("inbox-unread")).isEmpty() ? 0 : Integer.parseInt(browser.text("inbox-unread").strip());
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Grade and points as the citizen reads them on 我的信用. */
    record Standing(Grade grade, int points) {
    }

    private static Standing standing(Browser browser) {
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("explanation")));
        return new Standing(Grade.valueOf(browser.text("my-grade")), Integer.parseInt(browser.text("my-points")));
    }

    private static List<List<String>> explanationRowsOf(Browser browser, String itemName) {
        return browser.driver().findElements(By.cssSelector("#explanation tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().map(c -> c.getText().trim()).toList())
                .filter(cells -> !cells.isEmpty() && cells.get(0).equals(itemName)).toList();
    }

    private static long caseNumber(String notice) {
        Matcher m = CASE_NUMBER.matcher(notice);
        assertThat(m.find()).as("a case number in: %s", notice).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The tax office pushes a serious tax-evasion record decided on {@code decided}; returns its id. */
    private long pushTaxEvasion(IdNumber person, LocalDate decided) {
        Http http = new Http(port);
        String token = http.token(fixtures.apiClientOf(TAX, "records:write"), Fixtures.PASSWORD, "records:write");
        String source = "browser-repair-" + UUID.randomUUID();
        String body = "{\"records\":[{\"sourceId\":\"" + source + "\",\"itemCode\":\"YY-TX-001\",\"idNumber\":\"" + person.value()
                + "\",\"name\":\"修复测试\",\"decisionDate\":\"" + decided + "\",\"documentNumber\":\"岳税罚〔2025〕"
                + Math.floorMod(source.hashCode(), 1000) + "号\",\"content\":{\"facts\":\"少缴税款\",\"penaltyResult\":\"追缴并罚款\","
                + "\"evadedAmount\":\"52000\",\"authority\":\"国家税务总局岳阳市税务局\"}}]}";
        Http.Response accepted = http.postJson("/api/v1/record-batches", token, body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode report = http.awaitBatch(token, accepted.json().get("id").asLong());
        assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(1);
        return records.findBySource(DepartmentCode.of(TAX), source).orElseThrow().id();
    }
}
