package org.chengxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.organization.Accounts;
import org.chengxin.records.NewRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A data officer of a department with 45 records works the records list at 1440 px: filters by a person's ID number
 * (posted; the address shows a token only) and by status, sorts by decision date, pages with numbered pages and a
 * larger page size, and exports: the file the export link gives opens with Apache POI and holds the filtered rows,
 * masked. All people are synthetic.
 */
@Tag("browser")
@ChengxinIntegrationTest
@ExtendWith(ChromiumExtension.class)
class RecordsListBrowserTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Accounts accounts;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    Catalog catalog;

    @Autowired
    MutableClock clock;

    @Test
    void filterSortPageAndExportAt1440(Browser browser) throws Exception {
        String department = fixtures.department();
        IdNumber alice = fixtures.syntheticIdNumber();
        IdNumber bob = fixtures.syntheticIdNumber();
        register.register(alice, "浏览甲", "测试");
        register.register(bob, "浏览乙", "测试");
        Item penalty = catalog.item("YY-GN-002").orElseThrow();
        LocalDate today = LocalDate.now(clock);
        List<NewRecord> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(record(alice, penalty, department, "a-" + i, today.minusDays(10 + i), "岳浏罚〔2026〕" + (1 + i) + "号"));
        }
        for (int i = 0; i < 42; i++) {
            rows.add(record(bob, penalty, department, "b-" + i, today.minusDays(20 + i), "岳浏罚〔2026〕" + (100 + i) + "号"));
        }
        records.store(rows, null);
        long revoked = records.findBySource(DepartmentCode.of(department), "b-41").orElseThrow().id();
        records.revoke(revoked, DepartmentCode.of(department), "测试撤销");
        String officer = "officer-" + department;
        accounts.createStaff(officer, "浏览测试报送员", Role.DATA_OFFICER, DepartmentCode.of(department), Fixtures.PASSWORD);

        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.logIn(officer, Fixtures.PASSWORD);
        browser.open("/records");
        assertThat(browser.text("records-total")).isEqualTo("45");
        assertThat(browser.driver().findElements(By.cssSelector("tr.record-row"))).hasSize(20);
        assertThat(browser.find(By.cssSelector(".listing-pages")).getText()).isEqualTo("3");
        assertThat(browser.sidewaysOverflow()).as("no sideways scrolling at 1440 px").isLessThanOrEqualTo(0);
        browser.screenshot("records-list-1440");

        // numbered pages: page 3 holds the last 5
        browser.find(By.cssSelector("a.listing-page[aria-label='第 3 页']")).click();
        browser.await(ExpectedConditions.textToBe(By.cssSelector(".listing-number"), "3"));
        assertThat(browser.driver().findElements(By.cssSelector("tr.record-row"))).hasSize(5);

        // page size 50 (the select applies itself, listing.js): one page of 45
        new Select(browser.find(By.cssSelector("select.listing-size-select"))).selectByValue("50");
        browser.await(ExpectedConditions.textToBe(By.cssSelector(".listing-pages"), "1"));
        assertThat(browser.driver().findElements(By.cssSelector("tr.record-row"))).hasSize(45);

        // sort by decision date: a new column starts newest first, a second click turns it round
        browser.find(By.id("sort-decisionDate")).click();
        browser.await(ExpectedConditions.urlContains("dir=desc"));
        assertThat(browser.driver().getCurrentUrl()).contains("sort=decisionDate", "size=50");
        List<String> descending = decisionDates(browser);
        assertThat(descending).hasSize(45).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(browser.find(By.id("sort-decisionDate")).getText()).contains("▼");
        browser.find(By.id("sort-decisionDate")).click();
        browser.await(ExpectedConditions.urlContains("dir=asc"));
        List<String> ascending = decisionDates(browser);
        assertThat(ascending).hasSize(45).isSorted();
        assertThat(ascending.get(0)).isEqualTo(today.minusDays(61).toString());

        // filter: the ID number typed in the form, posted; the address carries a token, never the number
        browser.find(By.id("f-id")).sendKeys(alice.value());
        new Select(browser.find(By.id("f-status"))).selectByValue("ACTIVE");
        browser.find(By.id("f-apply")).click();
        browser.await(ExpectedConditions.urlContains("who="));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(alice.value()).contains("status=ACTIVE");
        assertThat(browser.text("records-total")).isEqualTo("3");
        assertThat(browser.text("person-label")).isEqualTo(alice.masked());
        assertThat(browser.pageSource()).doesNotContain(alice.value());
        browser.driver().findElements(By.cssSelector("tr.record-row")).forEach(row -> assertThat(row.getText()).contains(alice.masked(), "浏*"));
        browser.screenshot("records-list-filtered-1440");

        // export: the link keeps the filter; the file holds alice's 3 records, masked
        WebElement export = browser.find(By.id("records-export"));
        String href = export.getAttribute("href");
        assertThat(href).contains("/records/export.xlsx?", "status=ACTIVE", "who=").doesNotContain(alice.value());
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''");
        List<Map<String, String>> sheet = read(file.body());
        assertThat(sheet).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("身份证号")).isEqualTo(alice.masked());
            assertThat(r.get("当事人姓名")).isEqualTo("浏**");
            assertThat(r.get("状态")).isEqualTo("有效");
        });
        assertThat(sheet).extracting(r -> r.get("文书号")).containsExactlyInAnyOrder("岳浏罚〔2026〕1号", "岳浏罚〔2026〕2号", "岳浏罚〔2026〕3号");
    }

    private NewRecord record(IdNumber person, Item item, String dept, String source, LocalDate decided, String doc) {
        CitizenRef ref = citizens.enroll(person);
        return new NewRecord(ref.subject(), ref.id(), item, catalog.current().id(), DepartmentCode.of(dept), source, decided, doc,
                Map.of(), false, false);
    }

    private static List<String> decisionDates(Browser browser) {
        return browser.driver().findElements(By.cssSelector("tr.record-row td[data-label='决定日期']")).stream()
                .map(WebElement::getText).toList();
    }

    private static List<Map<String, String>> read(byte[] xlsx) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(format.formatCellValue(c)));
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    row.put(header.get(c), format.formatCellValue(sheet.getRow(i).getCell(c)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
