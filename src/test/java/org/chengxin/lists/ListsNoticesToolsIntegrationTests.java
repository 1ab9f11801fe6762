package org.chengxin.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemKind;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.records.NewRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.ListPages;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/**
 * 已告知待认定 with the tools of the other tabs: the person by a POSTed number or name that never reaches an address, the
 * item, the day told, where the statement stands (陈述申辩期内 / 已陈述申辩 / 期限届满未陈述), sorting, numbered pages with the
 * total, and the XLSX export read back with Apache POI (masked, the filtered rows, audited). A fresh department keeps the
 * counts exact; another department sees none of it.
 */
@ChengxinIntegrationTest
class ListsNoticesToolsIntegrationTests {

    private static final String TAX = "YY-TX-001";
    private static final Pattern ENTRY = Pattern.compile("id=\"entry-(\\d+)\"");

    @Autowired
    WebApplicationContext context;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    Catalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    MockMvc mvc;
    String dept;
    LocalDate today;
    LocalDate monthAgo;
    List<IdNumber> people = new ArrayList<>();
    IdNumber early;
    IdNumber stated;
    String statedName;
    Map<String, Long> ids = new HashMap<>();
    Map<String, Long> notices = new HashMap<>();

    @BeforeEach
    void noticesOfAFreshDepartment() {
        mvc = ApiContract.mockMvc(context);
        dept = fixtures.department();
        Instant now = Instant.now();
        clock.set(now);
        today = LocalDate.now(clock);
        monthAgo = today.minusDays(30);
        Item tax = catalog.item(TAX).orElseThrow();
        DepartmentCode d = DepartmentCode.of(dept);
        for (int i = 0; i < 22; i++) {
            IdNumber p = fixtures.syntheticIdNumber();
            people.add(p);
            store(p, tax, "n-" + i, today.minusDays(40 + i));
            notices.put("n-" + i, notice(d, p, "n-" + i));
        }
        early = fixtures.syntheticIdNumber();
        store(early, tax, "early", today.minusDays(60));
        stated = fixtures.syntheticIdNumber();
        statedName = "告知乙" + dept.substring(dept.indexOf('-') + 1);
        register.register(stated, statedName, "测试");
        store(stated, tax, "stated", today.minusDays(50));
        notices.put("stated", notice(d, stated, "stated"));
        list.state(citizens.subjectKeyOf(stated), notices.get("stated"), "本人对告知内容有异议，已缴清税款。");
        clock.set(now.minus(Duration.ofDays(30)));
        try {
            notices.put("early", notice(d, early, "early"));
        } finally {
            clock.set(now);
        }
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private long notice(DepartmentCode d, IdNumber person, String source) {
        return list.notice(d, new Decision(citizens.subjectKeyOf(person), "岳税认〔2026〕" + source + "号",
                "《中华人民共和国税收征收管理法》第六十三条", "偷税", today, today.plusYears(1), List.of(ids.get(source)))).id();
    }

    private void store(IdNumber person, Item item, String source, LocalDate decided) {
        CitizenRef ref = citizens.enroll(person);
        DepartmentCode d = DepartmentCode.of(dept);
        records.store(List.of(new NewRecord(ref.subject(), ref.id(), item, catalog.current().id(), d, source, decided,
                "岳税罚〔2026〕" + source + "号", Map.of("facts", "少缴税款", "penaltyResult", "追缴并罚款", "evadedAmount", "120000",
                        "authority", "税务局"), false, false)), null);
        ids.put(source, records.findBySource(d, source).orElseThrow().id());
    }

    private RequestPostProcessor reviewer() {
        return authentication(TestPrincipal.of(Role.REVIEWER, dept));
    }

    private String page(String url, MockHttpSession session) throws Exception {
        var request = get(url).with(reviewer());
        if (session != null) {
            request.session(session);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String url) throws Exception {
        return page(url, null);
    }

    private static List<Long> rows(String html) {
        List<Long> found = new ArrayList<>();
        Matcher m = ENTRY.matcher(html);
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }

    private static long total(String html) {
        Matcher m = Pattern.compile("id=\"total\">(\\d+)<").matcher(html);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private String otherDishonestyItem() {
        return catalog.current().allItems().stream().filter(i -> i.kind() == ItemKind.DISHONESTY && !i.code().equals(TAX))
                .findFirst().orElseThrow().code();
    }

    @Test
    void eachFilterNarrowsTheNoticesAndPagesCountThem() throws Exception {
        String first = page("/lists?tab=notices");
        assertThat(total(first)).isEqualTo(24);
        assertThat(first).contains("已告知待认定 <span class=\"count\">24</span>");
        assertThat(rows(first)).hasSize(20).doesNotContain(notices.get("early"));
        assertThat(first).contains("第 <span class=\"listing-number\">1</span>/<span class=\"listing-pages\">2</span> 页");
        assertThat(rows(page("/lists?tab=notices&page=2"))).hasSize(4).contains(notices.get("early"));
        assertThat(rows(page("/lists?tab=notices&page=9"))).as("past the last page: the last page").hasSize(4);
        assertThat(rows(page("/lists?tab=notices&size=50"))).hasSize(24);
        // the day told, Beijing time
        assertThat(rows(page("/lists?tab=notices&from=" + monthAgo + "&to=" + monthAgo))).containsExactly(notices.get("early"));
        assertThat(total(page("/lists?tab=notices&from=" + today))).isEqualTo(23);
        assertThat(total(page("/lists?tab=notices&to=" + today.minusDays(1)))).isEqualTo(1);
        // where the statement stands
        assertThat(total(page("/lists?tab=notices&state=OPEN"))).isEqualTo(22);
        assertThat(rows(page("/lists?tab=notices&state=STATED"))).containsExactly(notices.get("stated"));
        String lapsed = page("/lists?tab=notices&state=LAPSED");
        assertThat(rows(lapsed)).containsExactly(notices.get("early"));
        assertThat(lapsed).contains("期限已届满，当事人未陈述申辩", "<option value=\"LAPSED\" selected=\"selected\">期限届满未陈述</option>");
        assertThat(page("/lists?tab=notices&state=nope")).contains("陈述申辩情况无法识别，已忽略");
        // the item
        assertThat(total(page("/lists?tab=notices&item=" + otherDishonestyItem()))).isZero();
        assertThat(total(page("/lists?tab=notices&item=" + TAX))).isEqualTo(24);
        // sorted by the day told and by the last day for a statement
        assertThat(rows(page("/lists?tab=notices&sort=noticed&dir=asc"))).first().isEqualTo(notices.get("early"));
        assertThat(rows(page("/lists?tab=notices&sort=noticeDue&dir=asc"))).first().isEqualTo(notices.get("early"));
        assertThat(rows(page("/lists?tab=notices&sort=noticeDue&dir=desc"))).doesNotContain(notices.get("early"));
        assertThat(first).contains("id=\"sort-noticed\"", "id=\"sort-noticeDue\"", "title=\"" + TAX + "\"", "告知日期自")
                .doesNotContain(">" + TAX + "<");
        // the filter and the sort survive paging
        String filtered = page("/lists?tab=notices&state=OPEN&sort=noticeDue&dir=asc");
        assertThat(filtered).contains("state=OPEN").contains("id=\"lists-filter\">已告知待认定；陈述申辩期内<");
    }

    @Test
    void thePersonFilterGoesByPostAndStaysOnTheNotices() throws Exception {
        MockHttpSession session = new MockHttpSession();
        IdNumber p7 = people.get(7);
        String byId = filter(session, Map.of("tab", "notices", "idNumber", p7.value(), "state", "OPEN"), p7);
        assertThat(byId).contains("tab=notices").contains("state=OPEN");
        String html = page(byId, session);
        assertThat(rows(html)).containsExactly(notices.get("n-7"));
        assertThat(html).contains("id=\"person-label\">" + p7.masked()).doesNotContain(p7.value());
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            assertThat(href.group(1)).doesNotContain(p7.value()).doesNotContain(p7.value().substring(6, 14));
        }
        String byName = filter(session, Map.of("tab", "notices", "name", statedName), stated);
        assertThat(rows(page(byName, session))).containsExactly(notices.get("stated"));
        String both = filter(session, Map.of("tab", "notices", "name", statedName, "state", "LAPSED"), stated);
        assertThat(total(page(both, session))).isZero();
    }

    private String filter(MockHttpSession session, Map<String, String> form, IdNumber person) throws Exception {
        var request = post("/lists/filter").with(reviewer()).with(csrf()).session(session);
        form.forEach(request::param);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        String location = response.getRedirectedUrl();
        assertThat(location).startsWith("/lists?").contains("who=").doesNotContain(person.value())
                .doesNotContain(person.value().substring(6, 14)).doesNotContain("%E5%91%8A").doesNotContain("告知");
        return location;
    }

    @Test
    void theExportHoldsTheFilteredNoticesMaskedAndIsAudited() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String html = page(filter(session, Map.of("tab", "notices", "name", statedName), stated), session);
        Matcher exportLink = Pattern.compile("href=\"(/lists/notices/export\\.xlsx\\?[^\"]*)\"").matcher(html);
        assertThat(exportLink.find()).isTrue();
        MockHttpServletResponse response = mvc.perform(get(exportLink.group(1).replace("&amp;", "&")).with(reviewer()).session(session))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        List<List<String>> rows = ListPages.rows(response.getContentAsByteArray());
        assertThat(rows.get(0)).containsExactly("编号", "当事人姓名", "身份证号", "涉及事项", "决定书", "法律依据", "拟列入期限", "告知日期",
                "陈述申辩期限", "陈述申辩情况");
        assertThat(rows).hasSize(2);
        List<String> row = rows.get(1);
        assertThat(row.get(0)).isEqualTo(String.valueOf(notices.get("stated")));
        assertThat(row.get(1)).isEqualTo("告" + "*".repeat(statedName.length() - 1));
        assertThat(row.get(2)).isEqualTo(stated.masked()).matches("\\d{6}\\*{8}\\d{3}[0-9X]");
        assertThat(row.get(3)).isEqualTo(catalog.item(TAX).orElseThrow().name());
        assertThat(row.get(4)).isEqualTo("岳税认〔2026〕stated号");
        assertThat(row.get(6)).isEqualTo(today + " 至 " + today.plusYears(1));
        assertThat(row.get(7)).isEqualTo(today.toString());
        assertThat(row.get(9)).isEqualTo("已陈述申辩");
        String everything = String.join("|", rows.stream().flatMap(List::stream).toList());
        assertThat(everything).doesNotContain(stated.value()).doesNotContain(statedName).doesNotContain(TAX);
        assertThat(audit.count("action = 'lists.notices-export' and detail like ?", "导出严重失信主体认定告知 1 条%姓名 告*%")).isEqualTo(1);

        List<List<String>> lapsed = ListPages.rows(mvc.perform(get("/lists/notices/export.xlsx?state=LAPSED").with(reviewer())).andReturn()
                .getResponse().getContentAsByteArray());
        assertThat(lapsed).hasSize(2);
        assertThat(lapsed.get(1).get(0)).isEqualTo(String.valueOf(notices.get("early")));
        assertThat(lapsed.get(1).get(7)).isEqualTo(monthAgo.toString());
        assertThat(lapsed.get(1).get(9)).isEqualTo("期限届满未陈述");
        List<List<String>> open = ListPages.rows(mvc.perform(get("/lists/notices/export.xlsx?state=OPEN&sort=noticeDue&dir=asc").with(reviewer()))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(open).hasSize(23);
        assertThat(open.subList(1, 23)).allSatisfy(r -> assertThat(r.get(9)).isEqualTo("陈述申辩期内"));
        assertThat(audit.count("action = 'lists.notices-export' and detail like ?", "导出严重失信主体认定告知 22 条%陈述申辩期内%"))
                .isEqualTo(1);
    }

    @Test
    void anotherDepartmentSeesNoneOfItAndOnlyAReviewerGetsIn() throws Exception {
        RequestPostProcessor otherReviewer = authentication(TestPrincipal.of(Role.REVIEWER, fixtures.department()));
        String html = mvc.perform(get("/lists?tab=notices").with(otherReviewer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(total(html)).isZero();
        assertThat(html).doesNotContain(stated.masked()).doesNotContain(early.masked());
        assertThat(ListPages.rows(mvc.perform(get("/lists/notices/export.xlsx").with(otherReviewer)).andReturn().getResponse()
                .getContentAsByteArray())).hasSize(1);
        for (Role role : new Role[] {Role.DATA_OFFICER, Role.CLERK, Role.SYSTEM_ADMIN, Role.AUDITOR}) {
            RequestPostProcessor who = authentication(TestPrincipal.of(role, dept));
            assertThat(mvc.perform(get("/lists/notices/export.xlsx").with(who)).andReturn().getResponse().getStatus())
                    .as(role.name()).isEqualTo(403);
        }
    }
}
