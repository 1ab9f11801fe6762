package org.chengxin.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/** 本部门的报送批次: filtered by status, date, file name and rejections, paged, sorted, and exported as audited XLSX. */
@ChengxinIntegrationTest
class BatchListIntegrationTests {

    private static final Pattern ROW = Pattern.compile("<tr id=\"batch-(\\d+)\"");
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    MockMvc mvc;
    String department;
    Authentication officer;

    @BeforeEach
    void batches() {
        mvc = ApiContract.mockMvc(context);
        department = fixtures.department();
        officer = TestPrincipal.of(Role.DATA_OFFICER, department);
        // 25 completed uploads on 1 to 25 November, every fifth with rejected rows; 3 failed pushes on 1 December
        for (int day = 1; day <= 25; day++) {
            batch("十一月处罚" + day + ".xlsx", "COMPLETED", LocalDate.of(2026, 11, day), 10 + day, day % 5 == 0 ? 2 : 0);
        }
        for (int i = 0; i < 3; i++) {
            batch(null, "FAILED", LocalDate.of(2026, 12, 1), 0, 0);
        }
        batch("其他部门.csv", "COMPLETED", LocalDate.of(2026, 11, 3), 5, 5, fixtures.department());
    }

    @Test
    void theListIsPagedSortedAndFilteredByStatusDateFileAndRejections() throws Exception {
        String all = body(get("/ingestion"));
        assertThat(all).contains("共 <strong class=\"listing-count\">28</strong> 条", "系统接口报送（JSON Lines）")
                .doesNotContain("其他部门.csv");
        assertThat(rows(all)).isEqualTo(20);

        String second = body(get("/ingestion").param("page", "2"));
        assertThat(rows(second)).isEqualTo(8);

        String failed = body(get("/ingestion").param("status", "FAILED"));
        assertThat(rows(failed)).isEqualTo(3);
        assertThat(failed).contains("处理失败").contains("hx-get=\"/ingestion/batches?status=FAILED&amp;sort=submitted&amp;dir=desc&amp;size=20\"");

        String november = body(get("/ingestion").param("from", "2026-11-10").param("to", "2026-11-19"));
        assertThat(rows(november)).isEqualTo(10);

        String rejected = body(get("/ingestion").param("rejected", "true"));
        assertThat(rows(rejected)).isEqualTo(5);

        String byName = body(get("/ingestion").param("file", "处罚2"));
        assertThat(rows(byName)).as("处罚2, 处罚20 … 处罚25").isEqualTo(7);

        String mostProcessed = body(get("/ingestion").param("sort", "processed").param("dir", "desc"));
        assertThat(mostProcessed.indexOf("十一月处罚25.xlsx")).isLessThan(mostProcessed.indexOf("十一月处罚24.xlsx"));
        assertThat(mostProcessed).contains("aria-sort=\"descending\"");

        String fragment = body(get("/ingestion/batches").param("status", "FAILED"));
        assertThat(rows(fragment)).isEqualTo(3);
    }

    @Test
    void aBadFilterIsSaidInChineseAndTheListStillShows() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/ingestion").param("from", "2026-13-01").with(authentication(officer)))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("data-code=\"INGESTION_FILTER_INVALID\"", "起始日期应为 yyyy-MM-dd 格式的日期");
        assertThat(rows(html)).isEqualTo(20);

        String status = body(get("/ingestion").param("status", "DROP TABLE"));
        assertThat(status).contains("没有这种批次状态");
    }

    @Test
    void theExportHoldsTheFilteredBatchesInWordsAndIsAudited() throws Exception {
        long before = audit.count("action = ?", "ingestion.batches-export");
        MockHttpServletResponse file = mvc.perform(get("/ingestion/export.xlsx").param("rejected", "true").with(authentication(officer)))
                .andReturn().getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("状态");
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("已完成");
            assertThat(sheet.getRow(1).getCell(12).getNumericCellValue()).isEqualTo(2.0);
        }
        assertThat(audit.count("action = ?", "ingestion.batches-export")).isEqualTo(before + 1);

        MockHttpServletResponse clerk = mvc.perform(get("/ingestion/export.xlsx")
                .with(authentication(TestPrincipal.of(Role.CLERK, department)))).andReturn().getResponse();
        assertThat(clerk.getStatus()).isEqualTo(403);
    }

    private void batch(String fileName, String status, LocalDate day, int processed, int rejected) {
        batch(fileName, status, day, processed, rejected, department);
    }

    private void batch(String fileName, String status, LocalDate day, int processed, int rejected, String dept) {
        Timestamp at = Timestamp.from(day.atTime(10, 0).atZone(CITY).toInstant());
        jdbc.sql("""
                insert into ingestion_batch (department_code, submitted_by, format, file_name, atomic, status, total, processed,
                    accepted, rejected, submitted_at, last_activity_at, finished_at)
                values (:d, 'officer-test', :format, :file, false, :status, :processed, :processed, :accepted, :rejected, :at, :at, :at)""")
                .param("d", dept).param("format", fileName == null ? "JSONL" : "XLSX").param("file", fileName)
                .param("status", status).param("processed", processed).param("accepted", processed - rejected)
                .param("rejected", rejected).param("at", at).update();
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(authentication(officer))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static int rows(String html) {
        Matcher m = ROW.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
