package org.chengxin.inquiry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.organization.Departments;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.ListPages;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * 窗口出具的报告 on /reports/issued: the clerk sees the own department's reports, the auditor every department's; each
 * filter narrows in the database (person by a POSTed ID number or name swapped for a token, report number, dates), pages
 * count, sorting works, the export opens in POI with the filtered rows masked and is audited; other roles are refused.
 */
@ChengxinIntegrationTest
class IssuedReportsListIntegrationTests {

    private static final Pattern NUMBER = Pattern.compile("<code class=\"report-number\">([^<]+)</code>");
    private static final Pattern TOTAL = Pattern.compile("<strong id=\"reports-total\">(\\d+)</strong>");
    private static final AtomicInteger RUN = new AtomicInteger();

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    Departments departments;

    @Autowired
    AuditRecords audit;

    MockMvc mvc;
    String department;
    String otherDepartment;
    Authentication clerk;
    IdNumber p1;
    IdNumber p2;
    IdNumber p3;
    String prefix;
    String p1Name;

    /**
     * 25 reports issued at the department's window (1 to 25 November; p1 every fifth, p2 the ones after, p3 the rest;
     * the even ones valid until 2099, the odd ones expired in 2020) and 3 for p1 at another department's window.
     */
    @BeforeEach
    void reports() {
        mvc = ApiContract.mockMvc(context);
        department = fixtures.department();
        otherDepartment = fixtures.department();
        clerk = TestPrincipal.of(Role.CLERK, department);
        p1 = fixtures.syntheticIdNumber();
        p2 = fixtures.syntheticIdNumber();
        p3 = fixtures.syntheticIdNumber();
        p1Name = "岳窗" + (char) ('甲' + RUN.incrementAndGet() % 50) + "测";
        register.register(p1, p1Name, "测试");
        prefix = "YYCR-T" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase() + "-";
        for (int i = 1; i <= 25; i++) {
            IdNumber who = i % 5 == 0 ? p1 : i % 5 == 1 ? p2 : p3;
            report(prefix + i, who, who == p1 ? p1Name : "岳某某", department, "窗口员甲",
                    Instant.parse("2026-11-01T02:00:00Z").plusSeconds(86_400L * (i - 1)), i % 2 == 0 ? LocalDate.of(2099, 12, 31)
                            : LocalDate.of(2020, 1, 1));
        }
        for (int i = 26; i <= 28; i++) {
            report(prefix + i, p1, p1Name, otherDepartment, "窗口员乙", Instant.parse("2026-11-10T02:00:00Z"), LocalDate.of(2099, 12, 31));
        }
    }

    @Test
    void theClerkSeesTheOwnDepartmentsReportsPagedInWords() throws Exception {
        String first = page("/reports/issued", clerk, null);
        assertThat(total(first)).isEqualTo(25);
        assertThat(numbers(first)).hasSize(20).startsWith(prefix + 25, prefix + 24);
        String departmentName = departments.find(DepartmentCode.of(department)).orElseThrow().name();
        assertThat(first).contains(departmentName, "窗口员甲", "有效", "已过期", p1.masked(), Masking.name(p1Name),
                "公开信息及授权查询信息", "title=\"" + department + "\"")
                .doesNotContain(">" + department + "<", p1Name, p1.value(), "窗口员乙", ">AUTHORIZED<");
        String second = page("/reports/issued?page=2", clerk, null);
        assertThat(numbers(second)).containsExactly(prefix + 5, prefix + 4, prefix + 3, prefix + 2, prefix + 1);
        assertThat(numbers(page("/reports/issued?size=50", clerk, null))).hasSize(25);
    }

    @Test
    void eachFilterNarrowsTheList() throws Exception {
        String byNumber = page("/reports/issued?size=50&number=" + prefix + "1", clerk, null);
        assertThat(numbers(byNumber)).as("-1 and -10 … -19").hasSize(11).allMatch(n -> n.startsWith(prefix + "1"));

        String dates = page("/reports/issued?from=2026-11-03&to=2026-11-07", clerk, null);
        assertThat(numbers(dates)).containsExactly(prefix + 7, prefix + 6, prefix + 5, prefix + 4, prefix + 3);

        MockHttpSession session = new MockHttpSession();
        String byId = filter(session, Map.of("idNumber", p1.value()), clerk);
        String person = page(byId, clerk, session);
        assertThat(numbers(person)).containsExactly(prefix + 25, prefix + 20, prefix + 15, prefix + 10, prefix + 5);
        assertThat(person).contains(p1.masked()).doesNotContain(p1.value());

        String byName = page(filter(new MockHttpSession(), Map.of("name", p1Name), clerk), clerk, null);
        assertThat(byName).as("a token is of its session only").contains("筛选已过期");
        MockHttpSession named = new MockHttpSession();
        assertThat(numbers(page(filter(named, Map.of("name", p1Name), clerk), clerk, named))).hasSize(5);

        String kept = filter(session, Map.of("who", ListPages.token(byId), "keepPerson", "1", "from", "2026-11-12"), clerk);
        assertThat(numbers(page(kept, clerk, session))).containsExactly(prefix + 25, prefix + 20, prefix + 15);

        MvcResult invalid = send(post("/reports/issued/filter").param("idNumber", "43060219900101123"), clerk, session).andReturn();
        assertThat(invalid.getResponse().getRedirectedUrl()).isEqualTo("/reports/issued");
        assertThat((String) invalid.getFlashMap().get("filterError")).startsWith("身份证号码有误").doesNotContain("43060219900101123");
    }

    @Test
    void theListSortsByNumberTimeAndValidity() throws Exception {
        String oldest = page("/reports/issued?sort=issued&dir=asc", clerk, null);
        assertThat(numbers(oldest)).startsWith(prefix + 1, prefix + 2, prefix + 3);
        assertThat(oldest).contains("aria-sort=\"ascending\"");
        String byValidity = page("/reports/issued?sort=validUntil&dir=asc&size=50", clerk, null);
        List<String> rows = numbers(byValidity);
        assertThat(rows.subList(0, 13)).allMatch(n -> Integer.parseInt(n.substring(prefix.length())) % 2 == 1);
        String byNumber = page("/reports/issued?sort=number&dir=desc&size=50", clerk, null);
        assertThat(numbers(byNumber)).first().isEqualTo(prefix + 9);
    }

    @Test
    void theExportHoldsTheFilteredRowsMaskedAndIsAudited() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String html = page(filter(session, Map.of("idNumber", p1.value()), clerk), clerk, session);
        Matcher link = Pattern.compile("href=\"(/reports/issued/export\\.xlsx\\?[^\"]*)\"").matcher(html);
        assertThat(link.find()).isTrue();
        String url = link.group(1).replace("&amp;", "&");
        assertThat(url).doesNotContain(p1.value());
        MockHttpServletResponse file = send(get(url), clerk, session).andReturn().getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.getHeader("Content-Disposition")).contains("attachment", "filename*=UTF-8''");
        List<List<String>> sheet = ListPages.rows(file.getContentAsByteArray());
        assertThat(sheet.get(0)).containsExactly("报告编号", "出具时间", "身份证号", "姓名", "报告范围", "有效期至", "核验状态", "出具部门", "经办人");
        assertThat(sheet).hasSize(6);
        assertThat(sheet.subList(1, 6)).extracting(r -> r.get(0)).containsExactly(prefix + 25, prefix + 20, prefix + 15, prefix + 10, prefix + 5);
        for (List<String> row : sheet.subList(1, 6)) {
            assertThat(row.get(2)).isEqualTo(p1.masked()).matches("\\d{6}\\*{8}\\d{3}[0-9X]");
            assertThat(row.get(3)).isEqualTo(Masking.name(p1Name));
        }
        assertThat(sheet.get(1).get(6)).isEqualTo("已过期");
        assertThat(sheet.get(2).get(6)).isEqualTo("有效");
        String everything = String.join("|", sheet.stream().flatMap(List::stream).toList());
        assertThat(everything).doesNotContain(p1.value(), p1Name, department);
        assertThat(audit.count("action = 'inquiry.issued-reports-export' and detail like ?", "导出本部门窗口出具的报告 5 份%" + p1.masked() + "%"))
                .isEqualTo(1);
    }

    @Test
    void theAuditorSeesEveryDepartmentAndOtherRolesAreRefused() throws Exception {
        Authentication auditor = TestPrincipal.of(Role.AUDITOR, fixtures.department());
        String all = page("/reports/issued?size=50&number=" + prefix, auditor, null);
        assertThat(total(all)).isEqualTo(28);
        assertThat(all).contains("窗口员乙", departments.find(DepartmentCode.of(otherDepartment)).orElseThrow().name());
        List<List<String>> sheet = ListPages.rows(send(get("/reports/issued/export.xlsx?number=" + prefix), auditor, null).andReturn().getResponse()
                .getContentAsByteArray());
        assertThat(sheet).hasSize(29);

        Authentication otherClerk = TestPrincipal.of(Role.CLERK, otherDepartment);
        assertThat(numbers(page("/reports/issued?number=" + prefix, otherClerk, null))).containsExactly(prefix + 28, prefix + 27, prefix + 26);
        assertThat(ListPages.rows(send(get("/reports/issued/export.xlsx?number=" + prefix), otherClerk, null).andReturn().getResponse()
                .getContentAsByteArray())).hasSize(4);

        for (Role role : new Role[] {Role.SYSTEM_ADMIN, Role.REVIEWER, Role.DATA_OFFICER, Role.LEADER}) {
            Authentication who = TestPrincipal.of(role, department);
            assertThat(send(get("/reports/issued"), who, null).andReturn().getResponse().getStatus()).as(role.name()).isEqualTo(403);
            assertThat(send(get("/reports/issued/export.xlsx"), who, null).andReturn().getResponse().getStatus()).as(role.name())
                    .isEqualTo(403);
            assertThat(send(post("/reports/issued/filter").param("idNumber", p1.value()), who, null).andReturn().getResponse().getStatus())
                    .as(role.name()).isEqualTo(403);
        }
    }

    private void report(String number, IdNumber who, String name, String dept, String clerkName, Instant at, LocalDate validUntil) {
        byte[] subject = citizens.subjectKeyOf(who).bytes();
        long query = jdbc.sql("""
                insert into inquiry_query (subject_index, masked_id, kind, organization, department_code, actor, actor_name, purpose,
                    refused, report_number, queried_at)
                values (:s, :masked, 'WINDOW', '测试窗口', :d, 'clerk-test', :clerk, '本人申请', false, :n, :at) returning id""")
                .param("s", subject).param("masked", who.masked()).param("d", dept).param("clerk", clerkName).param("n", number)
                .param("at", Timestamp.from(at)).query(Long.class).single();
        jdbc.sql("""
                insert into inquiry_report (report_number, verification_code, issued_at, valid_until, subject_index, masked_id, scope,
                    content_sha256, query_id, content)
                values (:n, :code, :at, :until, :s, :masked, 'AUTHORIZED', :hash, :q, cast(:content as jsonb))""")
                .param("n", number).param("code", ("V" + Integer.toHexString(number.hashCode()) + number.length()).toUpperCase())
                .param("at", Timestamp.from(at)).param("until", validUntil).param("s", subject).param("masked", who.masked())
                .param("hash", "ab".repeat(32)).param("q", query)
                .param("content", "{\"subject\": {\"name\": \"" + name + "\", \"maskedIdNumber\": \"" + who.masked() + "\"}}").update();
    }

    private String filter(MockHttpSession session, Map<String, String> form, Authentication who) throws Exception {
        MockHttpServletRequestBuilder request = post("/reports/issued/filter");
        form.forEach(request::param);
        String location = send(request, who, session).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/reports/issued");
        assertThat(location).doesNotContain(p1.value(), p1Name);
        return location;
    }

    private String page(String url, Authentication who, MockHttpSession session) throws Exception {
        MockHttpServletResponse response = send(get(url), who, session).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, Authentication who,
            MockHttpSession session) throws Exception {
        request.with(csrf()).with(authentication(who));
        if (session != null) {
            request.session(session);
        }
        return mvc.perform(request);
    }

    private static long total(String html) {
        Matcher m = TOTAL.matcher(html);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static List<String> numbers(String html) {
        List<String> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(html);
        while (m.find()) {
            numbers.add(m.group(1));
        }
        return numbers;
    }
}
