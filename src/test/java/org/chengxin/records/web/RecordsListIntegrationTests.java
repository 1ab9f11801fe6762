package org.chengxin.records.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/**
 * The department's records list (本部门信用记录): each filter, the totals of numbered pages, sorting, the person filter
 * that never puts a number or name in an address, the XLSX export read back with Apache POI (masked, the filtered rows
 * only, audited), and another department's records never shown. Each test has departments of its own, so totals are
 * exact whatever else the shared database holds.
 */
@ChengxinIntegrationTest
class RecordsListIntegrationTests {

    private static final Pattern ROW_ID = Pattern.compile("<td data-label=\"编号\">\\s*<a href=\"/records/(\\d+)\"");
    private static final Pattern MASKED_ID = Pattern.compile("\\d{6}\\*{8}\\d{3}[0-9X]");

    @Autowired
    WebApplicationContext context;

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
    String department;
    String other;
    IdNumber alice;
    IdNumber bob;
    String aliceName;
    Item penalty;
    Item second;
    LocalDate today;
    /** Record ids of the department, by source id. */
    Map<String, Long> ids;

    @BeforeEach
    void departmentsWithRecords() {
        mvc = ApiContract.mockMvc(context);
        department = fixtures.department();
        other = fixtures.department();
        today = LocalDate.now(clock);
        alice = fixtures.syntheticIdNumber();
        bob = fixtures.syntheticIdNumber();
        aliceName = "列表甲" + department.substring(department.indexOf('-') + 1);
        register.register(alice, aliceName, "测试");
        register.register(bob, "列表乙", "测试");
        penalty = catalog.item("YY-GN-002").orElseThrow();
        second = catalog.current().items().values().stream().filter(i -> !i.code().equals("YY-GN-002") && i.kind() == penalty.kind())
                .findFirst().orElseThrow();
        List<NewRecord> rows = new ArrayList<>();
        // alice: two records of this department (two items), one of the other department with the same document number
        rows.add(record(alice, penalty, department, "a-1", today.minusDays(100), "岳列罚〔2026〕1号"));
        rows.add(record(alice, second, department, "a-2", today.minusDays(50), "岳列罚〔2026〕2号"));
        rows.add(record(alice, penalty, other, "o-1", today.minusDays(100), "岳列罚〔2026〕1号"));
        // bob: 23 records of this department, decided one day apart (the earliest 160 days ago)
        for (int i = 0; i < 23; i++) {
            rows.add(record(bob, penalty, department, "b-" + i, today.minusDays(160 - i), "岳列罚〔2026〕1" + (10 + i) + "号"));
        }
        records.store(rows, null);
        ids = new HashMap<>();
        for (NewRecord r : rows) {
            if (r.departmentCode().value().equals(department)) {
                ids.put(r.sourceId(), records.findBySource(r.departmentCode(), r.sourceId()).orElseThrow().id());
            }
        }
        records.revoke(ids.get("b-0"), DepartmentCode.of(department), "测试撤销");
    }

    private NewRecord record(IdNumber person, Item item, String dept, String source, LocalDate decided, String doc) {
        CitizenRef ref = citizens.enroll(person);
        return new NewRecord(ref.subject(), ref.id(), item, catalog.current().id(), DepartmentCode.of(dept), source, decided, doc,
                Map.of(), false, false);
    }

    private RequestPostProcessor officer() {
        return authentication(TestPrincipal.of(Role.DATA_OFFICER, department));
    }

    private String page(String url, RequestPostProcessor who, MockHttpSession session) throws Exception {
        var request = get(url).with(who);
        if (session != null) {
            request.session(session);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String url) throws Exception {
        return page(url, officer(), null);
    }

    private static List<Long> rowIds(String html) {
        List<Long> found = new ArrayList<>();
        Matcher m = ROW_ID.matcher(html);
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }

    private static long total(String html) {
        Matcher m = Pattern.compile("id=\"records-total\">(\\d+)<").matcher(html);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void eachFilterNarrowsTheDepartmentsRecords() throws Exception {
        assertThat(total(page("/records"))).as("all of the department's records, the revoked one included").isEqualTo(25);
        assertThat(rowIds(page("/records?item=" + second.code()))).containsExactly(ids.get("a-2"));
        assertThat(rowIds(page("/records?status=REVOKED"))).containsExactly(ids.get("b-0"));
        assertThat(total(page("/records?status=ACTIVE"))).isEqualTo(24);
        String from = today.minusDays(60).toString();
        assertThat(rowIds(page("/records?date=DECISION&from=" + from + "&to=" + today))).containsExactly(ids.get("a-2"));
        assertThat(total(page("/records?date=DECISION&to=" + today.minusDays(150)))).as("b-0 … b-10").isEqualTo(11);
        assertThat(total(page("/records?date=ACCEPTED&from=" + today.minusDays(1) + "&to=" + today.plusDays(1)))).isEqualTo(25);
        assertThat(total(page("/records?date=ACCEPTED&from=" + today.plusDays(2)))).isZero();
        assertThat(rowIds(page("/records?doc=〕2号"))).containsExactly(ids.get("a-2"));
        assertThat(total(page("/records?doc=%25"))).as("a LIKE wildcard is searched as text").isZero();
        assertThat(total(page("/records?item=" + penalty.code() + "&status=ACTIVE&doc=〕11"))).as("b-1 … b-9 (〕111号 … 〕119号)")
                .isEqualTo(9);

        // the person: by ID number, by name, by both; always through the POST form
        MockHttpSession session = new MockHttpSession();
        String byId = filter(session, Map.of("idNumber", alice.value()));
        assertThat(rowIds(page(byId, officer(), session))).containsExactlyInAnyOrder(ids.get("a-1"), ids.get("a-2"));
        String byName = filter(session, Map.of("name", aliceName));
        assertThat(rowIds(page(byName, officer(), session))).containsExactlyInAnyOrder(ids.get("a-1"), ids.get("a-2"));
        String both = filter(session, Map.of("idNumber", bob.value(), "name", aliceName));
        assertThat(total(page(both, officer(), session))).as("a number and a name of two people match nothing").isZero();
        String withItem = filter(session, Map.of("name", aliceName, "item", second.code()));
        assertThat(rowIds(page(withItem, officer(), session))).containsExactly(ids.get("a-2"));
        assertThat(page(byId, officer(), session)).contains(alice.masked()).doesNotContain(alice.value());
    }

    /** Posts the filter form and returns where it sends the browser; the number and the name are never in that address. */
    private String filter(MockHttpSession session, Map<String, String> form) throws Exception {
        var request = post("/records/filter").with(officer()).with(csrf()).session(session);
        form.forEach(request::param);
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/records?").doesNotContain(alice.value()).doesNotContain(bob.value())
                .doesNotContain(alice.value().substring(6, 14)).doesNotContain(bob.value().substring(6, 14))
                .doesNotContain("%E5%88%97").doesNotContain("列表");
        return location;
    }

    @Test
    void theIdNumberIsNeverInAnAddress() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String location = filter(session, Map.of("idNumber", alice.value(), "status", "ACTIVE", "size", "50"));
        assertThat(location).contains("who=").contains("status=ACTIVE").contains("size=50");
        String html = page(location, officer(), session);
        Matcher href = Pattern.compile("(?:href|action)=\"([^\"]*)\"").matcher(html);
        int links = 0;
        while (href.find()) {
            links++;
            assertThat(href.group(1)).doesNotContain(alice.value()).doesNotContain(alice.value().substring(6, 14))
                    .doesNotContain("列表");
        }
        assertThat(links).isGreaterThan(5);
        assertThat(html).as("the form is not prefilled with the number").doesNotContain(alice.value());

        // a wrong number: said in words, the number not repeated, nothing filtered by it
        MvcResult wrong = mvc.perform(post("/records/filter").with(officer()).with(csrf()).session(session)
                .param("idNumber", alice.value().substring(0, 17) + (alice.value().endsWith("0") ? "1" : "0"))).andReturn();
        assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/records");
        assertThat(String.valueOf(wrong.getFlashMap().get("filterError"))).startsWith("身份证号码有误").doesNotContain(alice.value().substring(0, 17));

        // the token is of this session only: another session sees the filter expired, not alice's records
        String elsewhere = page(location, officer(), new MockHttpSession());
        assertThat(elsewhere).contains("筛选已过期");
        assertThat(total(elsewhere)).isEqualTo(24);
    }

    @Test
    void numberedPagesKeepTheFilterAndCountTheTotal() throws Exception {
        String first = page("/records?size=20&status=ACTIVE");
        assertThat(total(first)).isEqualTo(24);
        assertThat(rowIds(first)).hasSize(20);
        assertThat(first).contains("class=\"listing-count\">24<", "class=\"listing-pages\">2<")
                .contains("href=\"/records?status=ACTIVE&amp;sort=acceptedAt&amp;dir=desc&amp;size=20&amp;page=2\"");
        String second = page("/records?size=20&status=ACTIVE&page=2");
        assertThat(rowIds(second)).hasSize(4).doesNotContainAnyElementsOf(rowIds(first));
        assertThat(page("/records?size=50")).contains("class=\"listing-pages\">1<");
        assertThat(rowIds(page("/records?size=10000"))).as("a size not offered falls back to 20").hasSize(20);
        assertThat(rowIds(page("/records?page=99"))).as("beyond the last page: no rows, no error").isEmpty();
    }

    @Test
    void sortingByAWhitelistedColumnOnly() throws Exception {
        List<Long> asc = rowIds(page("/records?sort=decisionDate&dir=asc&size=50"));
        assertThat(asc).hasSize(25);
        assertThat(asc.get(0)).as("the earliest decision").isEqualTo(ids.get("b-0"));
        assertThat(asc.get(24)).as("the latest decision").isEqualTo(ids.get("a-2"));
        List<Long> desc = rowIds(page("/records?sort=decisionDate&dir=desc&size=50"));
        List<Long> reversed = new ArrayList<>(asc);
        Collections.reverse(reversed);
        assertThat(desc).isEqualTo(reversed);
        // an item's records by decision date (sorted off the item's index, not walked in date order): the penalty's 24
        // records, b-0 … b-22 (160 to 138 days ago), then a-1 (100 days ago); a-2 is of another item
        List<Long> item = rowIds(page("/records?item=YY-GN-002&sort=decisionDate&dir=asc&size=20"));
        assertThat(item).hasSize(20).startsWith(ids.get("b-0"), ids.get("b-1")).endsWith(ids.get("b-19")).doesNotContain(ids.get("a-2"));
        List<Long> itemRest = rowIds(page("/records?item=YY-GN-002&sort=decisionDate&dir=asc&size=20&page=2"));
        assertThat(itemRest).containsExactly(ids.get("b-20"), ids.get("b-21"), ids.get("b-22"), ids.get("a-1"));
        List<Long> itemDesc = rowIds(page("/records?item=YY-GN-002&sort=decisionDate&dir=desc&size=50"));
        assertThat(itemDesc).hasSize(24).startsWith(ids.get("a-1"), ids.get("b-22")).endsWith(ids.get("b-0"));
        String sorted = page("/records?sort=decisionDate&dir=desc");
        assertThat(sorted).contains("aria-sort=\"descending\"", "▼");
        List<Long> injected = rowIds(page("/records?sort=content%3Bdrop%20table%20records_record&dir=asc&size=50"));
        assertThat(injected).as("an unknown column: the default order (newest accepted first)").hasSize(25);
        assertThat(total(page("/records"))).isEqualTo(25);
    }

    @Test
    void theExportHoldsTheFilteredRowsMaskedAndIsAudited() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String location = filter(session, Map.of("name", aliceName));
        String query = location.substring(location.indexOf('?') + 1);
        MockHttpServletResponse response = mvc.perform(get("/records/export.xlsx?" + query).with(officer()).session(session))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment")
                .contains("filename*=UTF-8''%E6%9C%AC%E9%83%A8%E9%97%A8%E4%BF%A1%E7%94%A8%E8%AE%B0%E5%BD%95");
        List<List<String>> rows = ListPages.rows(response.getContentAsByteArray());
        assertThat(rows.get(0)).startsWith("编号", "信息项", "当事人姓名", "身份证号", "决定日期", "文书号");
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3)).extracting(r -> Long.valueOf(r.get(0))).containsExactlyInAnyOrder(ids.get("a-1"), ids.get("a-2"));
        for (List<String> row : rows.subList(1, 3)) {
            assertThat(row.get(2)).as("the name masked").isEqualTo("列" + "*".repeat(aliceName.length() - 1));
            assertThat(row.get(3)).as("the number masked").matches(MASKED_ID).isEqualTo(alice.masked());
        }
        String all = String.join("|", rows.stream().flatMap(List::stream).toList());
        assertThat(all).doesNotContain(alice.value()).doesNotContain(aliceName);
        assertThat(audit.count("action = 'records.export' and department = ? and detail like ?", department,
                "导出本部门记录 2 条%姓名 列*%")).isEqualTo(1);

        // the whole list, sorted by decision: the 25 rows of this department, none of the other's, in that order
        List<List<String>> everything = ListPages.rows(mvc.perform(get("/records/export.xlsx?sort=decisionDate&dir=asc").with(officer()))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(everything).hasSize(26);
        assertThat(Long.valueOf(everything.get(1).get(0))).isEqualTo(ids.get("b-0"));
        assertThat(everything.get(1).get(8)).isEqualTo("已撤销");
        assertThat(everything.subList(1, 26)).extracting(r -> Long.valueOf(r.get(0))).containsExactlyInAnyOrderElementsOf(ids.values());
        assertThat(audit.count("action = 'records.export' and department = ? and detail like ?", department, "导出本部门记录 25 条%"))
                .isEqualTo(1);
    }

    @Test
    void anotherDepartmentsRecordsNeverAppear() throws Exception {
        var stranger = authentication(TestPrincipal.of(Role.DATA_OFFICER, other));
        String theirs = page("/records?size=100", stranger, null);
        assertThat(total(theirs)).isEqualTo(1);
        assertThat(rowIds(theirs)).doesNotContainAnyElementsOf(ids.values());
        // the other department finds alice by number: only its own record
        MockHttpSession session = new MockHttpSession();
        MvcResult posted = mvc.perform(post("/records/filter").with(stranger).with(csrf()).session(session).param("idNumber", alice.value()))
                .andReturn();
        String location = posted.getResponse().getRedirectedUrl();
        assertThat(location).doesNotContain(alice.value());
        assertThat(rowIds(page(location, stranger, session))).hasSize(1).doesNotContainAnyElementsOf(ids.values());
        List<List<String>> exported = ListPages.rows(mvc.perform(get("/records/export.xlsx").with(stranger)).andReturn().getResponse()
                .getContentAsByteArray());
        assertThat(exported).hasSize(2);
        assertThat(Long.valueOf(exported.get(1).get(0))).isNotIn(ids.values());
        assertThat(page("/records?doc=〕1号", stranger, null)).doesNotContain("/records/" + ids.get("a-1") + "\"");

        // the department's reviewer reads the list (no link to the record's page, where revocation is) and exports
        String reviewed = page("/records", authentication(TestPrincipal.of(Role.REVIEWER, department)), null);
        assertThat(total(reviewed)).isEqualTo(25);
        assertThat(rowIds(reviewed)).isEmpty();
        assertThat(mvc.perform(get("/records/" + ids.get("a-1")).with(authentication(TestPrincipal.of(Role.REVIEWER, department))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/records").with(authentication(TestPrincipal.of(Role.CLERK, department))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
