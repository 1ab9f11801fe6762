package org.chengxin.inquiry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.identity.Citizens;
import org.chengxin.shared.id.IdNumber;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The auditor's query log and flags lists: filters narrow the rows, numbered pages count right, the ID number filter
 * never reaches an address, the exports hold the filtered rows with numbers masked and are audited, and only the
 * auditor gets in.
 */
@ChengxinIntegrationTest
class AuditListsIntegrationTests {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Pattern MASKED = Pattern.compile("\\d{6}\\*{8}\\d{3}[0-9X]");

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Citizens citizens;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    MockMvc mvc;
    Authentication auditor;
    String org;
    String department;
    IdNumber alice;
    IdNumber bob;

    @BeforeEach
    void log() {
        mvc = ApiContract.mockMvc(context);
        auditor = TestPrincipal.of(Role.AUDITOR, "fgw");
        org = "审查列表机构" + ThreadLocalRandom.current().nextInt(1_000_000);
        department = fixtures.department();
        alice = fixtures.syntheticIdNumber();
        bob = fixtures.syntheticIdNumber();
        for (int i = 0; i < 25; i++) {
            query(alice, "WINDOW", "入职背景调查", false, null, LocalDateTime.of(2026, 10, 1, 10, i));
        }
        for (int i = 0; i < 5; i++) {
            query(bob, "API", "贷款审批_" + i, true, "INQUIRY_AUTHORIZATION_REQUIRED", LocalDateTime.of(2026, 10, 5, 9, i));
        }
        for (int i = 0; i < 23; i++) {
            flag("OFF_HOURS", "OPEN", LocalDateTime.of(2026, 10, 2, 7, i));
        }
        for (int i = 0; i < 2; i++) {
            flag("REPEATED", "MISUSE", LocalDateTime.of(2026, 10, 6, 12, i));
        }
    }

    private void query(IdNumber who, String kind, String purpose, boolean refused, String code, LocalDateTime at) {
        jdbc.sql("""
                insert into inquiry_query (subject_index, masked_id, kind, organization, department_code, actor, actor_name, purpose,
                    refused, refusal_code, queried_at)
                values (:s, :m, :kind, :org, :dept, 'list-clerk', '列表测试员', :purpose, :refused, :code, :at)""")
                .param("s", citizens.subjectKeyOf(who).bytes()).param("m", who.masked()).param("kind", kind).param("org", org)
                .param("dept", department).param("purpose", purpose).param("refused", refused).param("code", code)
                .param("at", Timestamp.from(at.atZone(CITY).toInstant())).update();
    }

    private void flag(String rule, String status, LocalDateTime at) {
        jdbc.sql("""
                insert into inquiry_flag (rule, flag_key, actor, organization, department_code, query_ids, detail, raised_at, status, note,
                    closed_by)
                values (:rule, :key, 'list-clerk', :org, :dept, :ids, '列表测试提示', :at, :status, :note, :by)""")
                .param("rule", rule).param("key", "list-test:" + ThreadLocalRandom.current().nextLong()).param("org", org)
                .param("dept", department).param("ids", new Long[] {1L, 2L}).param("at", Timestamp.from(at.atZone(CITY).toInstant()))
                .param("status", status).param("note", status.equals("OPEN") ? null : "确认违规")
                .param("by", status.equals("OPEN") ? null : "auditor").update();
    }

    @Test
    void queryFiltersNarrowTheRowsAndNumberedPagesCountRight() throws Exception {
        String first = page("/audit/queries?size=20&org=" + org);
        assertThat(total(first)).isEqualTo(30);
        assertThat(rows(first, "query-row")).isEqualTo(20);
        assertThat(first).contains("class=\"listing-pages\">2<").contains("href=\"/audit/queries?org=");
        assertThat(rows(page("/audit/queries?size=20&page=2&org=" + org), "query-row")).isEqualTo(10);
        assertThat(total(page("/audit/queries?size=50&org=" + org + "&kind=API"))).isEqualTo(5);
        assertThat(total(page("/audit/queries?org=" + org + "&purpose=贷款审批_3"))).as("purpose: _ taken literally").isEqualTo(1);
        assertThat(total(page("/audit/queries?org=" + org + "&outcome=REFUSED"))).isEqualTo(5);
        assertThat(total(page("/audit/queries?org=" + org + "&outcome=ALLOWED&dept=" + department))).isEqualTo(25);
        assertThat(total(page("/audit/queries?org=" + org + "&from=2026-10-05&to=2026-10-05"))).isEqualTo(5);
        assertThat(total(page("/audit/queries?org=" + org + "&from=2026-10-06"))).isZero();
        assertThat(total(page("/audit/queries?org=" + org + "&kind=NONSENSE"))).as("an unknown kind is ignored and said").isEqualTo(30);

        // words, with the codes in tooltips; the department by name
        String words = page("/audit/queries?size=50&org=" + org);
        assertThat(words).contains("title=\"API\">授权机构查询<", "title=\"WINDOW\">窗口查询<", "title=\"INQUIRY_AUTHORIZATION_REQUIRED\">已拒绝：",
                "title=\"" + department + "\">测试部门", "title=\"list-clerk\">列表测试员<");
        assertThat(words).doesNotContain(">" + department + "<").doesNotContain(">INQUIRY_AUTHORIZATION_REQUIRED<");

        // oldest first: alice's first query leads
        String oldest = page("/audit/queries?sort=time&dir=asc&org=" + org);
        assertThat(firstRow(oldest, "query-row")).contains("2026-10-01 10:00:00");
        assertThat(firstRow(page("/audit/queries?org=" + org), "query-row")).contains("2026-10-05 09:04:00");
    }

    @Test
    void theIdNumberFilterIsPostedAndNeverInAnAddressAndTheExportIsMaskedAndAudited() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult posted = mvc.perform(post("/audit/queries/filter").with(authentication(auditor)).with(csrf()).session(session)
                .param("idNumber", alice.value()).param("org", org).param("size", "50")).andReturn();
        String location = posted.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/audit/queries?").contains("who=", "size=50").doesNotContain(alice.value())
                .doesNotContain(alice.value().substring(6, 14));
        String html = page(location, session);
        assertThat(total(html)).isEqualTo(25);
        assertThat(html).contains(alice.masked()).doesNotContain(bob.masked()).doesNotContain(alice.value());
        Matcher link = Pattern.compile("(?:href|action)=\"([^\"]*)\"").matcher(html);
        int links = 0;
        while (link.find()) {
            links++;
            assertThat(link.group(1)).doesNotContain(alice.value()).doesNotContain(alice.value().substring(6, 14));
        }
        assertThat(links).isGreaterThan(5);
        assertThat(audit.count("action = 'inquiry.query-log-search' and detail like ?", "%" + alice.masked() + "%")).isEqualTo(1);

        // the export keeps the filter (the token), holds alice's rows only, masked
        String exportUrl = location.replace("/audit/queries?", "/audit/queries/export.xlsx?");
        MockHttpServletResponse file = mvc.perform(get(URI.create(exportUrl)).with(authentication(auditor)).session(session)).andReturn().getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getHeader("Content-Disposition")).contains("attachment", "filename*=UTF-8''");
        List<List<String>> sheet = read(file.getContentAsByteArray(), "查询记录");
        assertThat(sheet).hasSize(26);
        assertThat(sheet.get(0)).startsWith("编号", "时间", "当事人身份证号", "查询类型");
        for (List<String> row : sheet.subList(1, sheet.size())) {
            assertThat(row.get(2)).isEqualTo(alice.masked()).matches(MASKED);
            assertThat(row.get(3)).isEqualTo("窗口查询");
            assertThat(String.join("|", row)).doesNotContain(alice.value());
        }
        assertThat(audit.count("action = 'inquiry.query-log-export' and detail like ?", "%导出查询记录 25 条%" + alice.masked() + "%" + org + "%"))
                .isEqualTo(1);

        // without the token: the refused queries of bob, words and codes side by side
        List<List<String>> refused = read(mvc.perform(get("/audit/queries/export.xlsx").param("org", org).param("outcome", "REFUSED")
                .with(authentication(auditor))).andReturn().getResponse().getContentAsByteArray(), "查询记录");
        assertThat(refused).hasSize(6);
        assertThat(refused.get(1).get(2)).isEqualTo(bob.masked());
        assertThat(refused.get(1).get(11)).isEqualTo("INQUIRY_AUTHORIZATION_REQUIRED");
        assertThat(refused.get(1).get(10)).startsWith("已拒绝：");

        // a wrong number: said in words, not repeated, nothing filtered by it
        String wrongNumber = alice.value().substring(0, 17) + (alice.value().endsWith("0") ? "1" : "0");
        MvcResult wrong = mvc.perform(post("/audit/queries/filter").with(authentication(auditor)).with(csrf()).session(session)
                .param("idNumber", wrongNumber).param("org", org)).andReturn();
        assertThat(wrong.getResponse().getRedirectedUrl()).doesNotContain("who=").doesNotContain(wrongNumber.substring(6, 14));
        assertThat(String.valueOf(wrong.getFlashMap().get("filterError"))).startsWith("身份证号码有误").doesNotContain(wrongNumber.substring(0, 17));

        // the token is of this session only
        assertThat(page(location, new MockHttpSession())).contains("筛选已过期");
    }

    @Test
    void flagFiltersPagesAndTheAuditedExport() throws Exception {
        String all = page("/audit/flags?org=" + org);
        assertThat(total(all)).isEqualTo(25);
        assertThat(rows(all, "flag-row")).isEqualTo(20);
        assertThat(firstRow(all, "flag-row")).as("open first").contains("待审查");
        assertThat(rows(page("/audit/flags?page=2&org=" + org), "flag-row")).isEqualTo(5);
        assertThat(total(page("/audit/flags?status=OPEN&org=" + org))).isEqualTo(23);
        assertThat(total(page("/audit/flags?status=CLOSED&org=" + org))).isEqualTo(2);
        assertThat(total(page("/audit/flags?status=JUSTIFIED&org=" + org))).isZero();
        assertThat(total(page("/audit/flags?rule=REPEATED&org=" + org))).isEqualTo(2);
        assertThat(total(page("/audit/flags?from=2026-10-06&to=2026-10-06&org=" + org))).isEqualTo(2);
        String newest = page("/audit/flags?sort=raisedAt&dir=desc&org=" + org);
        assertThat(firstRow(newest, "flag-row")).contains("违规使用", "2026-10-06 12:01");
        assertThat(all).contains("title=\"OFF_HOURS\">非工作时间查询<", "title=\"OPEN\">待审查<").doesNotContain(">OFF_HOURS<");

        // closing a flag returns to the list as it was, and only ever to this list
        Matcher id = Pattern.compile("id=\"flag-(\\d+)\"").matcher(all);
        assertThat(id.find()).isTrue();
        assertThat(all).contains("name=\"back\" value=\"/audit/flags?org=");
        String back = "/audit/flags?status=OPEN&sort=raisedAt&dir=asc&size=20&page=2";
        MvcResult closed = mvc.perform(post("/audit/flags/" + id.group(1) + "/close").param("verdict", "JUSTIFIED").param("note", "值班需要")
                .param("back", back).with(authentication(auditor)).with(csrf())).andReturn();
        assertThat(closed.getFlashMap().get("error")).isNull();
        assertThat(closed.getResponse().getRedirectedUrl()).isEqualTo(back);
        assertThat(total(page("/audit/flags?status=JUSTIFIED&org=" + org))).isEqualTo(1);
        assertThat(QueryReviewPageController.backTo("https://elsewhere.example/audit/flags")).isEqualTo("/audit/flags");
        assertThat(QueryReviewPageController.backTo("//elsewhere.example/audit/flags")).isEqualTo("/audit/flags");
        assertThat(QueryReviewPageController.backTo("/audit/flagsx")).isEqualTo("/audit/flags");

        MockHttpServletResponse file = mvc.perform(get("/audit/flags/export.xlsx").param("org", org).param("status", "MISUSE")
                .with(authentication(auditor))).andReturn().getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        List<List<String>> sheet = read(file.getContentAsByteArray(), "查询异常使用提示");
        assertThat(sheet).hasSize(3);
        assertThat(sheet.get(1).get(1)).isEqualTo("反复查询同一人");
        assertThat(sheet.get(1).get(5)).startsWith("测试部门");
        assertThat(sheet.get(1).get(7)).isEqualTo("1、2");
        assertThat(sheet.get(1).get(9)).isEqualTo("违规使用");
        assertThat(audit.count("action = 'inquiry.flags-export' and detail like ?", "%导出查询异常使用提示 2 条%" + org + "%")).isEqualTo(1);
    }

    @Test
    void onlyTheAuditorGetsIn() throws Exception {
        Authentication clerk = TestPrincipal.of(Role.CLERK, "zwfw");
        assertThat(mvc.perform(get("/audit/queries").with(authentication(clerk))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/audit/queries/export.xlsx").with(authentication(clerk))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/audit/queries/filter").param("idNumber", alice.value()).with(csrf()).with(authentication(clerk)))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/audit/flags/export.xlsx").with(authentication(clerk))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(audit.count("action in ('inquiry.query-log-export', 'inquiry.flags-export', 'inquiry.query-log-search') and actor = ?",
                clerk.getName())).isZero();
    }

    private String page(String url) throws Exception {
        return page(url, null);
    }

    private String page(String url, MockHttpSession session) throws Exception {
        // an address the application sent back is encoded already: taken as it is, not encoded again
        MockHttpServletRequestBuilder request = (url.contains("%") ? get(URI.create(url)) : get(url)).with(authentication(auditor));
        if (session != null) {
            request.session(session);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static long total(String html) {
        Matcher m = Pattern.compile("class=\"listing-count\">(\\d+)<").matcher(html);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static int rows(String html, String rowClass) {
        return html.split("class=\"" + rowClass, -1).length - 1;
    }

    private static String firstRow(String html, String rowClass) {
        int start = html.indexOf("class=\"" + rowClass);
        assertThat(start).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static List<List<String>> read(byte[] xlsx, String sheetName) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet(sheetName);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
