package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.organization.Accounts;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A data officer uploads a GBK spreadsheet export through the real upload page, watches the batch
 * finish, checks and revokes a record; an anonymous visitor reads the catalog. The uploaded ID
 * numbers are synthetic but well formed, so every check about them is a yes/no assertion: a failing
 * assertion must not print a number (nor a page that might contain one).
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class IngestionPagesBrowserTests {

    private static final Duration BATCH_WAIT = Duration.ofSeconds(30);
    private static final Charset GBK = Charset.forName("GBK");
    private static final String PENALTY = "YY-GN-002";
    private static final String HEADER = "来源编号(sourceId),信息项代码(itemCode),身份证号(idNumber),姓名(name),决定日期(decisionDate),"
            + "文书号(documentNumber),处罚类别(penaltyType),违法事实(facts),处罚结果(penaltyResult),处罚机关(authority)";
    private static final String MASKED = "\\d{6}\\*{8}\\d{3}[\\dX]";

    @Autowired
    Fixtures fixtures;

    @Autowired
    Accounts accounts;

    @TempDir
    Path temp;

    @Test
    void dataOfficerUploadsAGbkSpreadsheetThenChecksAndRevokesARecord(Browser browser) throws IOException {
        String department = fixtures.department();
        String officer = "data-officer-browser-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createStaff(officer, "测试数据专员", Role.DATA_OFFICER, DepartmentCode.of(department), Fixtures.PASSWORD);
        IdNumber first = fixtures.syntheticIdNumber();
        IdNumber second = fixtures.syntheticIdNumber();
        String good = fixtures.syntheticIdNumber().value();
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        List<String> fullNumbers = List.of(first.value(), second.value(), badCheck);
        // A Chinese spreadsheet writes dates as 2026/11/8 and saves CSV as GBK with CRLF line ends.
        String decided = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10).format(DateTimeFormatter.ofPattern("yyyy/M/d"));
        String csv = HEADER + "\r\n"
                + row("br-" + UUID.randomUUID(), first.value(), "张合格", decided, "岳市监罚〔2026〕101号")
                + row("br-" + UUID.randomUUID(), second.value(), "李合格", decided, "岳市监罚〔2026〕102号")
                + row("br-" + UUID.randomUUID(), badCheck, "王错号", decided, "岳市监罚〔2026〕103号");
        Path file = temp.resolve("行政处罚信息.csv");
        Files.write(file, csv.getBytes(GBK));

        browser.logIn(officer, Fixtures.PASSWORD);

        // 1. Upload through the form, the charset left on automatic detection.
        browser.open("/ingestion");
        WebElement form = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
        form.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        new Select(form.findElement(By.id("itemCode"))).selectByValue(PENALTY);
        assertThat(new Select(form.findElement(By.id("charset"))).getFirstSelectedOption().getText()).isEqualTo("自动识别");
        assertThat(form.findElement(By.name("atomic")).isSelected()).isFalse();
        form.findElement(By.id("upload-submit")).click();

        // 2. The batch page refreshes its progress part itself until the batch is done.
        browser.await(ExpectedConditions.urlMatches("/ingestion/batches/\\d+$"));
        browser.waiting(BATCH_WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String status = d.findElement(By.id("batch-status")).getText().trim();
                    return !status.equals("处理中") && !status.equals("已接收");
                });
        browser.waiting(Browser.WAIT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("rejections")));
        assertThat(browser.text("batch-status")).isEqualTo("已完成");
        assertThat(browser.text("batch-accepted")).isEqualTo("2");
        assertThat(browser.text("batch-rejected")).isEqualTo("1");
        List<String> codes = browser.driver().findElements(By.cssSelector("#rejections tbody td.rejection-error")).stream()
                .map(c -> c.getAttribute("title").trim()).toList();
        assertThat(codes).containsExactly("ID_BAD_CHECK_CHARACTER");
        assertNoFullNumberIn(browser.pageSource(), fullNumbers, "the batch page");
        browser.screenshot("ingestion-batch");

        // 3. The department's records show masked numbers only; the first one is revoked.
        browser.open("/records");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("records")));
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#records tbody tr"));
        assertThat(rows).hasSize(2);
        List<String> parties = rows.stream().map(r -> r.findElements(By.tagName("td")).get(3).getText().trim()).toList();
        assertThat(parties).allSatisfy(p -> assertThat(p.matches(MASKED)).as("当事人 shows a masked ID number").isTrue());
        assertThat(parties.stream().sorted().toList()).as("the masks of the two accepted people")
                .isEqualTo(List.of(first.masked(), second.masked()).stream().sorted().toList());
        assertNoFullNumberIn(browser.pageSource(), fullNumbers, "the records page");
        browser.screenshot("records");

        rows.get(0).findElement(By.cssSelector("td a")).click();
        WebElement revoke = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("revoke-form")));
        assertNoFullNumberIn(browser.pageSource(), fullNumbers, "the record page");
        revoke.findElement(By.id("reason")).sendKeys("原处罚决定已被行政复议撤销");
        revoke.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.confirmation()).contains("不能恢复");
        browser.confirm();
        browser.await(ExpectedConditions.stalenessOf(revoke));
        browser.await(ExpectedConditions.textToBe(By.id("record-status"), "已撤销"));
        assertThat(browser.driver().findElements(By.id("revoke-form"))).isEmpty();
        assertNoFullNumberIn(browser.pageSource(), fullNumbers, "the revoked record's page");
        browser.screenshot("record-revoked");
    }

    @Test
    void idNumbersTypedAsNumbersInTheDownloadedTemplateAreRefusedRowByRowNeverStored(Browser browser) throws Exception {
        String department = fixtures.department();
        String officer = "data-officer-xlsx-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createStaff(officer, "测试数据专员", Role.DATA_OFFICER, DepartmentCode.of(department), Fixtures.PASSWORD);
        List<IdNumber> people = List.of(fixtures.syntheticIdNumber(), fixtures.syntheticIdNumber(), fixtures.syntheticIdNumber());
        List<String> fullNumbers = people.stream().map(IdNumber::value).toList();
        Path file = temp.resolve("行政处罚信息.xlsx");
        Files.write(file, templateFilledAsExcelDoesWithoutTextFormat(browser, people));
        Path empty = temp.resolve("只有表头.csv");
        Files.write(empty, (HEADER + "\r\n").getBytes(GBK));

        browser.logIn(officer, Fixtures.PASSWORD);
        upload(browser, file);

        assertThat(browser.text("batch-status")).isEqualTo("已完成");
        assertThat(browser.text("batch-accepted")).isEqualTo("0");
        assertThat(browser.text("batch-rejected")).isEqualTo("3");
        assertThat(browser.driver().findElements(By.cssSelector("#rejections tbody td.rejection-error")).stream()
                .map(c -> c.getAttribute("title").trim()))
                .as("the code only in the tooltip").containsExactly("ID_CELL_NOT_TEXT", "ID_CELL_NOT_TEXT", "ID_CELL_NOT_TEXT");
        assertThat(browser.driver().findElements(By.cssSelector("#rejections tbody tr td:nth-child(2)")).stream().map(c -> c.getText().trim()))
                .as("the field in Chinese").containsExactly("身份证号", "身份证号", "身份证号");
        assertThat(browser.find(By.id("rejections")).getText()).contains("Excel 只保留 15 位有效数字");
        assertNoFullNumberIn(browser.pageSource(), fullNumbers, "the batch page");
        browser.screenshot("ingestion-batch-number-cells");

        upload(browser, empty);
        assertThat(browser.text("batch-status")).isEqualTo("已完成");
        assertThat(browser.text("batch-warning")).startsWith("NO_ROWS：").contains("没有数据行");
        browser.screenshot("ingestion-batch-no-rows");
    }

    /**
     * The platform's own XLSX template, downloaded as a department would, filled in as Excel stores an
     * ID number typed into a cell that was not text: a number (the template's identifier columns are
     * text, so the careless typist here first reset them to General, as a copy and paste does).
     */
    private static byte[] templateFilledAsExcelDoesWithoutTextFormat(Browser browser, List<IdNumber> people) throws Exception {
        byte[] template = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(browser.url("/catalog/items/" + PENALTY + "/template.xlsx"))).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(template));
                var out = new ByteArrayOutputStream()) {
            var sheet = book.getSheetAt(0);
            var general = book.createCellStyle();
            String decided = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3).toString();
            for (int i = 0; i < people.size(); i++) {
                var row = sheet.createRow(i + 1);
                // in the template's order: the envelope, 信用修复告知书 (blank: not served), then the item's fields
                String[] values = {"xl-" + UUID.randomUUID(), PENALTY, null, "赵表格", decided, "岳市监罚〔2026〕2" + i + "号", "", "罚款",
                    "未按规定公示年度报告", "罚款500元", "", "岳阳市市场监督管理局"};
                for (int c = 0; c < values.length; c++) {
                    var cell = row.createCell(c);
                    if (c == 2) {
                        cell.setCellValue(Double.parseDouble(people.get(i).value().replace('X', '0')));
                        cell.setCellStyle(general);
                    } else if (values[c] != null && !values[c].isEmpty()) {
                        cell.setCellValue(values[c]);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void upload(Browser browser, Path file) {
        browser.open("/ingestion");
        WebElement form = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
        form.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        new Select(form.findElement(By.id("itemCode"))).selectByValue(PENALTY);
        form.findElement(By.id("upload-submit")).click();
        browser.await(ExpectedConditions.urlMatches("/ingestion/batches/\\d+$"));
        browser.waiting(BATCH_WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String status = d.findElement(By.id("batch-status")).getText().trim();
                    return !status.equals("处理中") && !status.equals("已接收");
                });
    }

    @Test
    void anonymousVisitorReadsTheCatalogAndAnItemWithItsLegalBasis(Browser browser) {
        browser.open("/catalog");

        WebElement heading = browser.await(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(heading.getText().trim()).isEqualTo("个人公共信用信息目录");
        List<WebElement> items = browser.driver().findElements(By.cssSelector("a[href*='/catalog/items/']"));
        assertThat(items).isNotEmpty();
        browser.screenshot("catalog");

        String name = items.get(0).getText().trim();
        items.get(0).click();
        browser.await(ExpectedConditions.urlContains("/catalog/items/"));
        assertThat(browser.find(By.tagName("h1")).getText().trim()).isEqualTo(name);
        assertThat(browser.find(By.tagName("body")).getText()).contains("法律依据");
        browser.screenshot("catalog-item");
    }

    private static String row(String source, String idNumber, String name, String decided, String document) {
        return String.join(",", source, PENALTY, idNumber, name, decided, document, "罚款", "未按规定公示年度报告", "罚款500元",
                "岳阳市市场监督管理局") + "\r\n";
    }

    private static void assertNoFullNumberIn(String page, List<String> numbers, String where) {
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(page.contains(numbers.get(i))).as(where + " must not contain full ID number #" + (i + 1)).isFalse();
        }
    }
}
