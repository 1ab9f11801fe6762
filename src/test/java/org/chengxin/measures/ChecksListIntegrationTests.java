package org.chengxin.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.identity.Citizens;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.ListPages;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The clerk's check list on /checks: each filter narrows the rows in the database, pages count, sorting works, the ID
 * number goes only in a POST body and comes back as a token, the export opens in POI with the filtered rows masked and
 * is audited, another department's checks stay invisible and other roles are refused. Each test has a department of its
 * own: one real check made on the page, the others copied from it in SQL with their states, matters and measures set.
 * Pages that may hold a full (synthetic) ID number are only asked yes/no questions.
 */
@ChengxinIntegrationTest
class ChecksListIntegrationTests {

    private static final Pattern ROW = Pattern.compile("data-check=\"(\\d+)\"");
    private static final Pattern TOTAL = Pattern.compile("id=\"checks-total\">(\\d+)<");

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditRecords audit;

    MockMvc mvc;
    String department;
    Authentication clerk;
    IdNumber p1;
    IdNumber p2;
    long c0;
    long c1;
    long c2;
    long c3;
    LocalDate today;

    @BeforeEach
    void setUp() throws Exception {
        mvc = ApiContract.mockMvc(context);
        department = fixtures.department();
        clerk = TestPrincipal.of(Role.CLERK, department);
        today = LocalDate.now(clock);
        p1 = fixtures.syntheticIdNumber();
        p2 = fixtures.syntheticIdNumber();
        IdNumber p3 = fixtures.syntheticIdNumber();
        MockHttpServletResponse checked = send(post("/checks").param("idNumber", p1.value()).param("matterCode", "PYPX"), clerk, null);
        assertThat(checked.getRedirectedUrl()).matches("/checks/\\d+");
        c0 = Long.parseLong(checked.getRedirectedUrl().substring("/checks/".length()));
        Instant now = Instant.now(clock);
        c1 = copy(p1, "YHZC", "优惠政策享受", now.minus(Duration.ofDays(10)), today.minusDays(3), 1, 0, null);
        c2 = copy(p2, "PYPX", "评优评先与荣誉表彰", now.minus(Duration.ofDays(20)), today.minusDays(15), 0, 1, false);
        c3 = copy(p2, "YHZC", "优惠政策享受", now.minus(Duration.ofDays(30)), today.minusDays(25), 0, 0, true);
        for (int i = 0; i < 22; i++) {
            copy(p3, "XZSP", "行政许可与公共服务事项办理", now.minus(Duration.ofDays(40 + i)), today.plusDays(5), 0, 0, null);
        }
    }

    @Test
    void eachFilterNarrowsTheRowsAndThePagesCount() throws Exception {
        String all = page("/checks", null);
        assertThat(total(all)).isEqualTo(26);
        assertThat(rows(all)).hasSize(20).startsWith(c0);
        assertThat(all).contains("id=\"overdue-count\">1<", "/checks?state=OVERDUE");
        assertThat(rows(page("/checks?page=2", null))).hasSize(6);
        assertThat(rows(page("/checks?size=50", null))).hasSize(26);
        assertThat(page("/checks?page=2", null)).contains("第 <span class=\"listing-number\">2</span>/<span class=\"listing-pages\">2</span> 页");

        assertThat(rows(page("/checks?matter=YHZC", null))).containsExactlyInAnyOrder(c1, c3);
        assertThat(total(page("/checks?state=WAITING", null))).isEqualTo(23);
        assertThat(rows(page("/checks?state=OVERDUE", null))).containsExactly(c1);
        assertThat(rows(page("/checks?state=GIVEN", null))).containsExactly(c2);
        assertThat(rows(page("/checks?state=GIVEN_LATE", null))).containsExactly(c3);
        assertThat(rows(page("/checks?hits=INCENTIVE", null))).containsExactly(c1);
        assertThat(rows(page("/checks?hits=PUNISHMENT", null))).containsExactly(c2);
        assertThat(rows(page("/checks?hits=ANY", null))).containsExactlyInAnyOrder(c1, c2);
        assertThat(total(page("/checks?hits=NONE", null))).isEqualTo(24);
        assertThat(rows(page("/checks?from=" + today.minusDays(21) + "&to=" + today.minusDays(5), null))).containsExactly(c1, c2);
        assertThat(rows(page("/checks?matter=YHZC&state=GIVEN_LATE", null))).containsExactly(c3);

        assertThat(rows(page("/checks?sort=due&dir=asc", null))).startsWith(c3, c2, c1);
        String words = page("/checks?state=OVERDUE&matter=YHZC", null);
        assertThat(words).contains("反馈状态 逾期未反馈", "办理事项 优惠政策享受", "逾期未反馈（期限 ");
        assertThat(page("/checks?state=NONSENSE", null)).contains("反馈状态无法识别，已忽略");
    }

    @Test
    void theIdNumberTravelsInAPostBodyOnlyAndComesBackAsAToken() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String location = filter(session, Map.of("idNumber", p2.value()));
        String html = page(location, session);
        assertThat(rows(html)).containsExactlyInAnyOrder(c2, c3);
        assertThat(html.contains(p2.value())).as("the page must not contain the full ID number").isFalse();
        assertThat(html.contains(p2.masked())).as("the person is named masked").isTrue();

        String narrowed = filter(session, Map.of("who", ListPages.token(location), "keepPerson", "1", "state", "GIVEN_LATE"));
        assertThat(rows(page(narrowed, session))).containsExactly(c3);
        assertThat(page(location, new MockHttpSession())).as("the token is of its session only").contains("筛选已过期");

        MockHttpServletResponse invalid = send(post("/checks/filter").param("idNumber", "43060219900101123"), clerk, session);
        assertThat(invalid.getRedirectedUrl()).isEqualTo("/checks");
    }

    @Test
    void theExportHoldsTheFilteredRowsMaskedAndIsAudited() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String html = page(filter(session, Map.of("idNumber", p2.value())), session);
        Matcher link = Pattern.compile("href=\"(/checks/export\\.xlsx\\?[^\"]*)\"").matcher(html);
        assertThat(link.find()).isTrue();
        String url = link.group(1).replace("&amp;", "&");
        assertThat(url.contains(p2.value())).isFalse();
        MockHttpServletResponse response = send(get(url), clerk, session);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        List<List<String>> sheet = ListPages.rows(response.getContentAsByteArray());
        assertThat(sheet.get(0)).startsWith("核查编号", "核查时间", "核查人", "身份证号码", "办理事项");
        assertThat(sheet).hasSize(3);
        assertThat(sheet.subList(1, 3)).extracting(r -> Long.valueOf(r.get(0))).containsExactly(c2, c3);
        for (List<String> row : sheet.subList(1, 3)) {
            assertThat(row.get(3).equals(p2.masked()) && row.get(3).matches("\\d{6}\\*{8}\\d{3}[0-9X]")).as("masked").isTrue();
        }
        assertThat(sheet.get(1).get(4)).isEqualTo("评优评先与荣誉表彰");
        assertThat(sheet.get(1).get(8)).isEqualTo("已反馈");
        assertThat(sheet.get(2).get(8)).isEqualTo("逾期反馈");
        String everything = String.join("|", sheet.stream().flatMap(List::stream).toList());
        assertThat(everything.contains(p2.value())).isFalse();
        assertThat(audit.count("action = 'measures.checks-export' and detail like ?", "导出本部门联合奖惩核查 2 条%" + p2.masked() + "%"))
                .isEqualTo(1);

        List<List<String>> overdue = ListPages.rows(send(get("/checks/export.xlsx?state=OVERDUE"), clerk, null).getContentAsByteArray());
        assertThat(overdue).hasSize(2);
        assertThat(overdue.get(1).get(0)).isEqualTo(String.valueOf(c1));
        assertThat(overdue.get(1).get(8)).isEqualTo("逾期未反馈");
    }

    @Test
    void anotherDepartmentSeesNoneOfTheseChecksAndOtherRolesAreRefused() throws Exception {
        Authentication other = TestPrincipal.of(Role.CLERK, fixtures.department());
        String page = send(get("/checks?size=100"), other, null).getContentAsString(StandardCharsets.UTF_8);
        assertThat(rows(page)).doesNotContain(c0, c1, c2, c3);
        assertThat(total(page)).isZero();
        List<List<String>> sheet = ListPages.rows(send(get("/checks/export.xlsx"), other, null).getContentAsByteArray());
        assertThat(sheet).hasSize(1);

        for (Role role : new Role[] {Role.SYSTEM_ADMIN, Role.REVIEWER, Role.DATA_OFFICER, Role.AUDITOR}) {
            Authentication who = TestPrincipal.of(role, department);
            assertThat(send(get("/checks/export.xlsx"), who, null).getStatus()).as(role.name()).isEqualTo(403);
            assertThat(send(post("/checks/filter").param("idNumber", p1.value()), who, null).getStatus()).as(role.name()).isEqualTo(403);
        }
    }

    /** A copy of the real check c0 with another person, matter, time, due date, measures and feedback. */
    private long copy(IdNumber person, String matter, String matterName, Instant at, LocalDate due, int incentives, int punishments,
            Boolean late) {
        return jdbc.sql("""
                insert into measures_check (subject_index, masked_id, matter_code, department_code, checked_by, checked_at, list_version,
                    result, incentives, punishments, feedback_due, feedback, feedback_at, feedback_by, feedback_late)
                select :s, :masked, :matter, department_code, checked_by, :at, list_version,
                    jsonb_set(jsonb_set(result, '{matterCode}', to_jsonb(cast(:matter as text))), '{matterName}', to_jsonb(cast(:name as text))),
                    :inc, :pun, :due, case when :given then cast('{}' as jsonb) end, case when :given then cast(:at as timestamptz) end,
                    case when :given then 'clerk' end, :late
                from measures_check where id = :c0 returning id""")
                .param("s", citizens.subjectKeyOf(person).bytes()).param("masked", person.masked()).param("matter", matter)
                .param("name", matterName).param("at", Timestamp.from(at)).param("inc", incentives).param("pun", punishments)
                .param("due", due).param("given", late != null).param("late", late).param("c0", c0)
                .query(Long.class).single();
    }

    private String filter(MockHttpSession session, Map<String, String> form) throws Exception {
        MockHttpServletRequestBuilder request = post("/checks/filter");
        form.forEach(request::param);
        String location = send(request, clerk, session).getRedirectedUrl();
        assertThat(location).startsWith("/checks");
        for (IdNumber n : List.of(p1, p2)) {
            assertThat(location.contains(n.value())).as("no ID number in the address").isFalse();
        }
        return location;
    }

    private String page(String url, MockHttpSession session) throws Exception {
        MockHttpServletResponse response = send(get(url), clerk, session);
        assertThat(response.getStatus()).isEqualTo(200);
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            for (IdNumber n : List.of(p1, p2)) {
                assertThat(href.group(1).contains(n.value())).as("no ID number in a link").isFalse();
            }
        }
        return html;
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Authentication who, MockHttpSession session) throws Exception {
        request.with(csrf()).with(authentication(who));
        if (session != null) {
            request.session(session);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static List<Long> rows(String html) {
        Set<Long> ids = new LinkedHashSet<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            ids.add(Long.valueOf(m.group(1)));
        }
        return new ArrayList<>(ids);
    }

    private static long total(String html) {
        Matcher m = TOTAL.matcher(html);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
