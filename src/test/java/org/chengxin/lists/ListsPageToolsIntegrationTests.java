package org.chengxin.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/**
 * 严重失信主体认定 with the tools of the other lists, for the candidates and the entries: filters (the person by a POSTed
 * number or name that never reaches an address, item, decision or start date, end date, in force or ended), numbered
 * pages, sorting, and the XLSX exports read back with Apache POI (masked, the filtered rows, audited). A fresh department
 * keeps the counts exact; another department sees none of it.
 */
@ChengxinIntegrationTest
class ListsPageToolsIntegrationTests {

    private static final String TAX = "YY-TX-001";
    private static final Pattern CANDIDATE = Pattern.compile("id=\"candidate-(\\d+)\"");
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
    List<IdNumber> people = new ArrayList<>();
    IdNumber old;
    String oldName;
    IdNumber x1;
    IdNumber x2;
    IdNumber x3;
    Map<String, Long> ids = new HashMap<>();
    Map<String, Long> entries = new HashMap<>();

    @BeforeEach
    void candidatesAndEntriesOfAFreshDepartment() {
        mvc = ApiContract.mockMvc(context);
        dept = fixtures.department();
        today = LocalDate.now(clock);
        Item tax = catalog.item(TAX).orElseThrow();
        for (int i = 0; i < 22; i++) {
            IdNumber p = fixtures.syntheticIdNumber();
            people.add(p);
            store(p, tax, "c-" + i, today.minusDays(10 + i));
        }
        old = fixtures.syntheticIdNumber();
        oldName = "候选老" + dept.substring(dept.indexOf('-') + 1);
        register.register(old, oldName, "测试");
        store(old, tax, "old-1", today.minusDays(400));
        store(old, tax, "old-2", today.minusDays(410));
        x1 = fixtures.syntheticIdNumber();
        x2 = fixtures.syntheticIdNumber();
        x3 = fixtures.syntheticIdNumber();
        register.register(x1, "名单丙", "测试");
        store(x1, tax, "x1", today.minusDays(5));
        store(x2, tax, "x2", today.minusDays(5));
        store(x3, tax, "x3", today.minusDays(5));
        DepartmentCode d = DepartmentCode.of(dept);
        entries.put("x1", listed(d, x1, "x1", today.plusYears(1)));
        entries.put("x2", listed(d, x2, "x2", today.plusYears(2)));
        entries.put("x3", listed(d, x3, "x3", today.plusYears(1)));
        list.remove(entries.get("x3"), d, "复议撤销");
    }

    private long listed(DepartmentCode d, IdNumber person, String source, LocalDate end) {
        return SeriousDishonestyListAccess.listed(list, d, new Decision(citizens.subjectKeyOf(person), "岳税认〔2026〕" + source + "号",
                "《中华人民共和国税收征收管理法》第六十三条", "偷税", today, end, List.of(ids.get(source)))).id();
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

    private static List<Long> rows(Pattern p, String html) {
        List<Long> found = new ArrayList<>();
        Matcher m = p.matcher(html);
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }

    private static long candidatesTab(String html) {
        Matcher m = Pattern.compile("候选 <span class=\"count\">(\\d+)<").matcher(html);
        assertThat(m.find()).as("the candidates tab's count").isTrue();
        return Long.parseLong(m.group(1));
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
    void eachCandidateFilterNarrowsTheListAndPagesCountIt() throws Exception {
        String first = page("/lists");
        assertThat(total(first)).as("22 people, the one with two old records, and the one whose entry was removed").isEqualTo(24);
        assertThat(rows(CANDIDATE, first)).hasSize(20);
        assertThat(first).contains("第 <span class=\"listing-number\">1</span>/<span class=\"listing-pages\">2</span> 页");
        assertThat(rows(CANDIDATE, page("/lists?tab=candidates&page=2"))).hasSize(4);
        // a page past the end (the window count sees no row): counted alone, and the last page shown with the total
        String past = page("/lists?tab=candidates&page=9");
        assertThat(rows(CANDIDATE, past)).hasSize(4);
        assertThat(total(past)).isEqualTo(24);
        assertThat(rows(CANDIDATE, page("/lists?tab=candidates&size=50"))).hasSize(24);
        assertThat(rows(CANDIDATE, page("/lists?tab=candidates&to=" + today.minusDays(300)))).containsExactly(ids.get("old-1"));
        assertThat(total(page("/lists?tab=candidates&from=" + today.minusDays(12) + "&to=" + today.minusDays(10)))).isEqualTo(3);
        String none = page("/lists?tab=candidates&item=" + otherDishonestyItem());
        assertThat(total(none)).isZero();
        // the tab counts every candidate whatever the filter (unfiltered, the page's own total is the tab's count)
        assertThat(candidatesTab(none)).isEqualTo(24);
        assertThat(candidatesTab(first)).isEqualTo(24);
        assertThat(candidatesTab(page("/lists?tab=notices"))).isEqualTo(24);
        assertThat(total(page("/lists?tab=candidates&item=" + TAX))).isEqualTo(24);
        assertThat(page("/lists?tab=candidates&item=nope&from=x")).contains("信息项无法识别，已忽略", "起始日期格式应为 年-月-日，已忽略");
        // sorted by the record count, most first; by the earliest record date, oldest first
        assertThat(rows(CANDIDATE, page("/lists?tab=candidates&sort=records&dir=desc"))).first().isEqualTo(ids.get("old-1"));
        assertThat(rows(CANDIDATE, page("/lists?tab=candidates&sort=earliest&dir=asc"))).first().isEqualTo(ids.get("old-1"));
        assertThat(rows(CANDIDATE, page("/lists?tab=candidates&sort=earliest&dir=desc"))).first().isEqualTo(ids.get("x3"));
        assertThat(first).as("items in words, codes in tooltips").contains("title=\"" + TAX + "\"")
                .contains("aria-sort=\"none\"", "id=\"sort-earliest\"", "id=\"sort-records\"");
    }

    @Test
    void eachEntryFilterNarrowsTheListsInForceAndEnded() throws Exception {
        String inForce = page("/lists?tab=entries");
        assertThat(total(inForce)).isEqualTo(2);
        assertThat(rows(ENTRY, inForce)).containsExactlyInAnyOrder(entries.get("x1"), entries.get("x2"));
        assertThat(inForce).contains(x1.masked(), "名**").doesNotContain(x1.value()).doesNotContain("名单丙");
        assertThat(rows(ENTRY, page("/lists?tab=ended"))).containsExactly(entries.get("x3"));
        assertThat(rows(ENTRY, page("/lists?tab=entries&endTo=" + today.plusYears(1)))).containsExactly(entries.get("x1"));
        assertThat(rows(ENTRY, page("/lists?tab=entries&endFrom=" + today.plusYears(1).plusDays(1)))).containsExactly(entries.get("x2"));
        assertThat(total(page("/lists?tab=entries&from=" + today.plusDays(1)))).isZero();
        assertThat(total(page("/lists?tab=entries&from=" + today + "&to=" + today))).isEqualTo(2);
        assertThat(total(page("/lists?tab=entries&item=" + otherDishonestyItem()))).isZero();
        assertThat(total(page("/lists?tab=entries&item=" + TAX))).isEqualTo(2);
        assertThat(rows(ENTRY, page("/lists?tab=entries&sort=endDate&dir=desc"))).containsExactly(entries.get("x2"), entries.get("x1"));
        assertThat(rows(ENTRY, page("/lists?tab=entries&sort=endDate&dir=asc"))).containsExactly(entries.get("x1"), entries.get("x2"));
        assertThat(page("/lists?tab=entries&size=50")).contains("<option value=\"50\" selected=\"selected\">50</option>");
        assertThat(inForce).as("items in words, codes in tooltips").contains("title=\"" + TAX + "\"")
                .doesNotContain(">" + TAX + "<");
    }

    @Test
    void thePersonFilterGoesByPostAndNeverIntoAnAddress() throws Exception {
        MockHttpSession session = new MockHttpSession();
        IdNumber c5 = people.get(5);
        String byId = filter(session, Map.of("tab", "candidates", "idNumber", c5.value()), c5);
        assertThat(rows(CANDIDATE, page(byId, session))).containsExactly(ids.get("c-5"));
        String byName = filter(session, Map.of("tab", "candidates", "name", oldName), old);
        String html = page(byName, session);
        assertThat(rows(CANDIDATE, html)).containsExactly(ids.get("old-1"));
        String both = filter(session, Map.of("tab", "candidates", "idNumber", c5.value(), "name", oldName), c5);
        assertThat(total(page(both, session))).isZero();

        String entry = filter(session, Map.of("tab", "entries", "status", "entries", "idNumber", x2.value()), x2);
        assertThat(entry).contains("tab=entries");
        String entryHtml = page(entry, session);
        assertThat(rows(ENTRY, entryHtml)).containsExactly(entries.get("x2"));
        assertThat(entryHtml).contains("id=\"person-label\">" + x2.masked()).doesNotContain(x2.value());
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(entryHtml);
        int links = 0;
        while (href.find()) {
            assertThat(href.group(1)).doesNotContain(x2.value()).doesNotContain(x2.value().substring(6, 14));
            links++;
        }
        assertThat(links).isGreaterThan(5);
        String ended = filter(session, Map.of("tab", "entries", "status", "ended", "idNumber", x3.value()), x3);
        assertThat(ended).contains("tab=ended");
        assertThat(rows(ENTRY, page(ended, session))).containsExactly(entries.get("x3"));
        assertThat(page(entry, new MockHttpSession())).as("the token is of its session only").contains("筛选已过期");
    }

    private String filter(MockHttpSession session, Map<String, String> form, IdNumber person) throws Exception {
        var request = post("/lists/filter").with(reviewer()).with(csrf()).session(session);
        form.forEach(request::param);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        String location = response.getRedirectedUrl();
        assertThat(location).startsWith("/lists?").contains("who=").doesNotContain(person.value())
                .doesNotContain(person.value().substring(6, 14)).doesNotContain("%E5%80%99").doesNotContain("候选");
        return location;
    }

    @Test
    void theExportsHoldTheFilteredRowsMaskedAndAreAudited() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String html = page(filter(session, Map.of("tab", "candidates", "name", oldName), old), session);
        Matcher exportLink = Pattern.compile("href=\"(/lists/candidates/export\\.xlsx\\?[^\"]*)\"").matcher(html);
        assertThat(exportLink.find()).isTrue();
        MockHttpServletResponse response = mvc.perform(get(exportLink.group(1).replace("&amp;", "&")).with(reviewer()).session(session))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        List<List<String>> rows = ListPages.rows(response.getContentAsByteArray());
        assertThat(rows.get(0)).startsWith("候选编号", "当事人姓名", "身份证号", "涉及事项", "记录数");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(0)).isEqualTo(String.valueOf(ids.get("old-1")));
        assertThat(rows.get(1).get(1)).isEqualTo("候" + "*".repeat(oldName.length() - 1));
        assertThat(rows.get(1).get(2)).isEqualTo(old.masked()).matches("\\d{6}\\*{8}\\d{3}[0-9X]");
        assertThat(rows.get(1).get(3)).isEqualTo(catalog.item(TAX).orElseThrow().name());
        assertThat(rows.get(1).get(4)).isEqualTo("2");
        String everything = String.join("|", rows.stream().flatMap(List::stream).toList());
        assertThat(everything).doesNotContain(old.value()).doesNotContain(oldName).doesNotContain(TAX);
        assertThat(audit.count("action = 'lists.candidates-export' and detail like ?", "导出严重失信主体认定候选 1 条%姓名 候*%")).isEqualTo(1);

        List<List<String>> all = ListPages.rows(mvc.perform(get("/lists/candidates/export.xlsx?from=" + today.minusDays(12) + "&to="
                + today.minusDays(10)).with(reviewer())).andReturn().getResponse().getContentAsByteArray());
        assertThat(all).hasSize(4);

        String entriesPage = page("/lists?tab=entries&endTo=" + today.plusYears(1));
        Matcher entriesLink = Pattern.compile("href=\"(/lists/entries/export\\.xlsx\\?[^\"]*)\"").matcher(entriesPage);
        assertThat(entriesLink.find()).isTrue();
        List<List<String>> inForce = ListPages.rows(mvc.perform(get(entriesLink.group(1).replace("&amp;", "&")).with(reviewer())).andReturn()
                .getResponse().getContentAsByteArray());
        assertThat(inForce.get(0)).startsWith("编号", "当事人姓名", "身份证号", "涉及事项", "决定书");
        assertThat(inForce).hasSize(2);
        assertThat(inForce.get(1).get(0)).isEqualTo(String.valueOf(entries.get("x1")));
        assertThat(inForce.get(1).get(1)).isEqualTo("名**");
        assertThat(inForce.get(1).get(2)).isEqualTo(x1.masked());
        assertThat(inForce.get(1).get(8)).isEqualTo("有效");
        assertThat(String.join("|", inForce.stream().flatMap(List::stream).toList())).doesNotContain(x1.value()).doesNotContain("名单丙");
        assertThat(audit.count("action = 'lists.entries-export' and detail like ?", "导出严重失信主体名单 1 条%结束日期 … 至 "
                + today.plusYears(1) + "%")).isEqualTo(1);

        List<List<String>> ended = ListPages.rows(mvc.perform(get("/lists/entries/export.xlsx?tab=ended").with(reviewer())).andReturn()
                .getResponse().getContentAsByteArray());
        assertThat(ended).hasSize(2);
        assertThat(ended.get(1).get(0)).isEqualTo(String.valueOf(entries.get("x3")));
        assertThat(ended.get(1).get(8)).isEqualTo("已结束");
    }

    @Test
    void anotherDepartmentSeesNoneOfItAndOnlyAReviewerGetsIn() throws Exception {
        String other = fixtures.department();
        RequestPostProcessor otherReviewer = authentication(TestPrincipal.of(Role.REVIEWER, other));
        for (String url : List.of("/lists", "/lists?tab=entries", "/lists?tab=ended")) {
            String html = mvc.perform(get(url).with(otherReviewer)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(total(html)).as(url).isZero();
            assertThat(html).doesNotContain(x1.masked()).doesNotContain(old.masked());
        }
        assertThat(ListPages.rows(mvc.perform(get("/lists/entries/export.xlsx").with(otherReviewer)).andReturn().getResponse()
                .getContentAsByteArray())).hasSize(1);
        assertThat(ListPages.rows(mvc.perform(get("/lists/candidates/export.xlsx").with(otherReviewer)).andReturn().getResponse()
                .getContentAsByteArray())).hasSize(1);
        for (Role role : new Role[] {Role.DATA_OFFICER, Role.CLERK, Role.SYSTEM_ADMIN, Role.AUDITOR}) {
            RequestPostProcessor who = authentication(TestPrincipal.of(role, dept));
            for (String url : List.of("/lists/candidates/export.xlsx", "/lists/entries/export.xlsx", "/lists")) {
                assertThat(mvc.perform(get(url).with(who)).andReturn().getResponse().getStatus()).as(role + " " + url).isEqualTo(403);
            }
            assertThat(mvc.perform(post("/lists/filter").with(who).with(csrf()).param("idNumber", x1.value()))
                    .andReturn().getResponse().getStatus()).as(role.name()).isEqualTo(403);
        }
    }
}
