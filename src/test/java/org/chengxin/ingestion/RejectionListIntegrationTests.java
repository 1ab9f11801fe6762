package org.chengxin.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/**
 * A batch's rejected rows as a list on the batch's page: filtered by row numbers, source id, field and error (the error in
 * words, its code only in a tooltip), sorted, paged with the total, exported as audited XLSX; the old downloads still work.
 */
@ChengxinIntegrationTest
class RejectionListIntegrationTests {

    private static final Pattern ROW = Pattern.compile("<td class=\"rejection-error\"[^>]*data-code=\"([A-Z_0-9]+)\"");
    private static final Pattern ROW_NO = Pattern.compile("<tr><td>(\\d+)</td>");

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
    long batch;

    @BeforeEach
    void aBatchWithRejections() {
        mvc = ApiContract.mockMvc(context);
        department = fixtures.department();
        officer = TestPrincipal.of(Role.DATA_OFFICER, department);
        batch = batch(department, 45);
        // rows 2..46: every third row a name mismatch, the others a missing decision date; row 47 a malformed row (no field, no source)
        for (int row = 2; row <= 46; row++) {
            if (row % 3 == 0) {
                reject(batch, row, "name", "NAME_MISMATCH", "姓名与人口基础信息不符", "src-" + row);
            } else {
                reject(batch, row, "decisionDate", "DECISION_DATE_MISSING", "缺少决定日期", "src-" + row);
            }
        }
        reject(batch, 47, null, "ROW_WRONG_COLUMN_COUNT", "该行的列数与表头不一致", null);
    }

    @Test
    void theRejectionsArePagedWithTheirTotalAndTheErrorInWords() throws Exception {
        String page = body(get("/ingestion/batches/" + batch));
        assertThat(page).contains("共 <strong class=\"listing-count\">46</strong> 条", "id=\"rejections\"");
        assertThat(codes(page)).hasSize(20);
        assertThat(page).contains("title=\"NAME_MISMATCH\"", ">姓名与人口基础信息不符<")
                .as("the code only in a tooltip, never as text").doesNotContain(">NAME_MISMATCH<", "<code>NAME_MISMATCH</code>");
        assertThat(rowNumbers(page)).startsWith(2, 3, 4);

        String third = body(get("/ingestion/batches/" + batch).param("page", "3"));
        assertThat(codes(third)).hasSize(6);
        assertThat(rowNumbers(third)).endsWith(47);

        String fifty = body(get("/ingestion/batches/" + batch).param("size", "50"));
        assertThat(codes(fifty)).hasSize(46);
    }

    @Test
    void eachFilterNarrowsTheList() throws Exception {
        String range = body(get("/ingestion/batches/" + batch).param("rowFrom", "10").param("rowTo", "19"));
        assertThat(rowNumbers(range)).containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(range).contains("共 <strong class=\"listing-count\">10</strong> 条");

        String swapped = body(get("/ingestion/batches/" + batch).param("rowFrom", "19").param("rowTo", "10"));
        assertThat(rowNumbers(swapped)).hasSize(10);
        assertThat(swapped).contains("起始行号大于截止行号，已对调");

        String source = body(get("/ingestion/batches/" + batch).param("source", "src-3"));
        assertThat(rowNumbers(source)).as("src-3, src-30 … src-39").containsExactly(3, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39);

        String names = body(get("/ingestion/batches/" + batch).param("code", "NAME_MISMATCH").param("size", "50"));
        assertThat(codes(names)).hasSize(15).containsOnly("NAME_MISMATCH");

        String field = body(get("/ingestion/batches/" + batch).param("field", "decisionDate").param("size", "50"));
        assertThat(codes(field)).hasSize(30).containsOnly("DECISION_DATE_MISSING");

        String wholeRow = body(get("/ingestion/batches/" + batch).param("field", "-"));
        assertThat(rowNumbers(wholeRow)).containsExactly(47);

        String both = body(get("/ingestion/batches/" + batch).param("code", "NAME_MISMATCH").param("rowFrom", "40"));
        assertThat(rowNumbers(both)).containsExactly(42, 45);

        String none = body(get("/ingestion/batches/" + batch).param("source", "nothing-like-this"));
        assertThat(none).contains("没有符合筛选条件的拒绝行");

        String bad = body(get("/ingestion/batches/" + batch).param("rowFrom", "abc").param("code", "x'; drop"));
        assertThat(bad).contains("起始行号应为不小于 0 的整数，已忽略", "错误类型无法识别，已忽略");
        assertThat(codes(bad)).hasSize(20);
    }

    @Test
    void theListSortsByFieldErrorAndRowDescending() throws Exception {
        String descending = body(get("/ingestion/batches/" + batch).param("sort", "row").param("dir", "desc"));
        assertThat(rowNumbers(descending)).startsWith(47, 46, 45);
        assertThat(descending).contains("aria-sort=\"descending\"");

        String byCode = body(get("/ingestion/batches/" + batch).param("sort", "code").param("size", "50"));
        List<String> codes = codes(byCode);
        assertThat(codes.get(0)).isEqualTo("DECISION_DATE_MISSING");
        assertThat(codes.get(codes.size() - 1)).isEqualTo("ROW_WRONG_COLUMN_COUNT");
    }

    @Test
    void theExportHoldsTheFilteredRowsAndIsAudited() throws Exception {
        long before = audit.count("action = ?", "ingestion.rejections-export");
        MockHttpServletResponse file = mvc.perform(get("/ingestion/batches/" + batch + "/rejections/export.xlsx")
                .param("code", "NAME_MISMATCH").param("sort", "row").param("dir", "desc").with(authentication(officer)))
                .andReturn().getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.getHeader("Content-Disposition")).contains("attachment", "filename*=UTF-8''");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("错误");
            assertThat(sheet.getLastRowNum()).isEqualTo(15);
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(45.0);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("姓名与人口基础信息不符");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("NAME_MISMATCH");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("src-45");
        }
        assertThat(audit.count("action = ? and detail like ?", "ingestion.rejections-export", "%15 条%姓名与人口基础信息不符%"))
                .isEqualTo(1);
        assertThat(audit.count("action = ?", "ingestion.rejections-export")).isEqualTo(before + 1);

        assertThat(mvc.perform(get("/ingestion/batches/" + batch + "/rejections.xlsx").with(authentication(officer)))
                .andReturn().getResponse().getStatus()).as("the download of every rejection still works").isEqualTo(200);
        assertThat(mvc.perform(get("/ingestion/batches/" + batch + "/rejections.csv").with(authentication(officer)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("NAME_MISMATCH");
    }

    @Test
    void anotherDepartmentAndOtherRolesAreRefused() throws Exception {
        Authentication other = TestPrincipal.of(Role.DATA_OFFICER, fixtures.department());
        assertThat(mvc.perform(get("/ingestion/batches/" + batch).with(authentication(other))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/ingestion/batches/" + batch + "/rejections/export.xlsx").with(authentication(other)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/ingestion/batches/" + batch + "/rejections/export.xlsx")
                .with(authentication(TestPrincipal.of(Role.CLERK, department)))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private long batch(String dept, int rejected) {
        Timestamp at = Timestamp.from(Instant.parse("2026-11-20T02:00:00Z"));
        return jdbc.sql("""
                insert into ingestion_batch (department_code, submitted_by, format, file_name, atomic, status, total, processed,
                    accepted, rejected, submitted_at, last_activity_at, finished_at)
                values (:d, 'officer-test', 'CSV', '拒绝测试.csv', false, 'COMPLETED', :n, :n, 0, :n, :at, :at, :at) returning id""")
                .param("d", dept).param("n", rejected + 1).param("at", at).query(Long.class).single();
    }

    private void reject(long batchId, long row, String field, String code, String message, String source) {
        jdbc.sql("insert into ingestion_rejection (batch_id, row_no, field, code, message, source_id) values (:b, :r, :f, :c, :m, :s)")
                .param("b", batchId).param("r", row).param("f", field).param("c", code).param("m", message).param("s", source).update();
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(authentication(officer))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> codes(String html) {
        List<String> codes = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static List<Integer> rowNumbers(String html) {
        List<Integer> rows = new ArrayList<>();
        Matcher m = ROW_NO.matcher(html);
        while (m.find()) {
            rows.add(Integer.valueOf(m.group(1)));
        }
        return rows;
    }
}
