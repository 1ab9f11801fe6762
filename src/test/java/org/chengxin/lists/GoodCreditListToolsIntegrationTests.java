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
 * 优良信用记录名单 with the records list's tools: filters (the person by a POSTed number or name that never reaches an
 * address, item, department, decision date, in force or ended), numbered pages, sorting, and the XLSX export read back
 * with Apache POI (masked, the filtered rows, audited). The list is the city's: fresh departments keep counts exact.
 */
@ChengxinIntegrationTest
class GoodCreditListToolsIntegrationTests {

    private static final String PRESS = "YY-GN-005";
    private static final Pattern ROW = Pattern.compile("data-record=\"(\\d+)\"");

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
    String deptA;
    String deptB;
    IdNumber alice;
    IdNumber bob;
    String aliceName;
    LocalDate today;
    Map<String, Long> ids = new HashMap<>();

    @BeforeEach
    void goodCreditRecordsOfTwoDepartments() {
        mvc = ApiContract.mockMvc(context);
        deptA = fixtures.department();
        deptB = fixtures.department();
        today = LocalDate.now(clock);
        alice = fixtures.syntheticIdNumber();
        bob = fixtures.syntheticIdNumber();
        aliceName = "名单甲" + deptA.substring(deptA.indexOf('-') + 1);
        register.register(alice, aliceName, "测试");
        register.register(bob, "名单乙", "测试");
        Item press = catalog.item(PRESS).orElseThrow();
        store(alice, press, deptA, "a-new", today.minusDays(10));
        store(alice, press, deptA, "a-old", today.minusDays(400));
        store(alice, press, deptB, "a-b", today.minusDays(5));
        for (int i = 0; i < 21; i++) {
            store(bob, press, deptA, "b-" + i, today.minusDays(20 + i));
        }
        records.revoke(ids.get("b-0"), DepartmentCode.of(deptA), "测试撤销");
    }

    private void store(IdNumber person, Item item, String dept, String source, LocalDate decided) {
        CitizenRef ref = citizens.enroll(person);
        DepartmentCode d = DepartmentCode.of(dept);
        records.store(List.of(new NewRecord(ref.subject(), ref.id(), item, catalog.current().id(), d, source, decided,
                "岳文明办〔2026〕" + source + "号", Map.of(), false, false)), null);
        ids.put(source, records.findBySource(d, source).orElseThrow().id());
    }

    private RequestPostProcessor reviewer() {
        return authentication(TestPrincipal.of(Role.REVIEWER, "wmb"));
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
        Matcher m = ROW.matcher(html);
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

    @Test
    void eachFilterNarrowsTheListAndPagesCountIt() throws Exception {
        String a = page("/lists/good-credit?dept=" + deptA);
        assertThat(total(a)).as("in force by default: the revoked one is out").isEqualTo(22);
        assertThat(rows(a)).hasSize(20).doesNotContain(ids.get("b-0"));
        assertThat(a).contains("第 <span class=\"listing-number\">1</span>/<span class=\"listing-pages\">2</span> 页");
        assertThat(rows(page("/lists/good-credit?dept=" + deptA + "&page=2"))).hasSize(2);
        assertThat(rows(page("/lists/good-credit?dept=" + deptA + "&size=50"))).hasSize(22);
        assertThat(rows(page("/lists/good-credit?dept=" + deptA + "&standing=ENDED"))).containsExactly(ids.get("b-0"));
        assertThat(page("/lists/good-credit?dept=" + deptA + "&standing=ENDED")).contains("title=\"REVOKED\">已撤销</span>");
        assertThat(total(page("/lists/good-credit?dept=" + deptA + "&standing=ALL"))).isEqualTo(23);
        assertThat(rows(page("/lists/good-credit?dept=" + deptA + "&to=" + today.minusDays(300)))).containsExactly(ids.get("a-old"));
        assertThat(rows(page("/lists/good-credit?dept=" + deptB))).containsExactly(ids.get("a-b"));
        assertThat(total(page("/lists/good-credit?dept=" + deptA + "&from=" + today.minusDays(10) + "&to=" + today))).isEqualTo(1);
        String otherItem = catalog.current().allItems().stream().filter(i -> i.kind() == press().kind() && !i.code().equals(PRESS))
                .findFirst().orElseThrow().code();
        assertThat(total(page("/lists/good-credit?dept=" + deptA + "&item=" + otherItem))).isZero();
        assertThat(total(page("/lists/good-credit?dept=" + deptA + "&item=" + PRESS))).isEqualTo(22);
        assertThat(page("/lists/good-credit?dept=nope&standing=X")).contains("部门无法识别，已忽略", "状态无法识别");

        // sorted by the decision date, oldest first; by the last day, latest first
        assertThat(rows(page("/lists/good-credit?dept=" + deptA + "&sort=decisionDate&dir=asc"))).first().isEqualTo(ids.get("a-old"));
        assertThat(rows(page("/lists/good-credit?dept=" + deptA + "&sort=expiresOn&dir=desc"))).first().isEqualTo(ids.get("a-new"));
    }

    private Item press() {
        return catalog.item(PRESS).orElseThrow();
    }

    @Test
    void thePersonFilterGoesByPostAndNeverIntoAnAddress() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String byId = filter(session, Map.of("idNumber", alice.value()));
        assertThat(rows(page(byId, session))).containsExactlyInAnyOrder(ids.get("a-new"), ids.get("a-old"), ids.get("a-b"));
        String byNameAndDept = filter(session, Map.of("name", aliceName, "dept", deptB));
        assertThat(rows(page(byNameAndDept, session))).containsExactly(ids.get("a-b"));
        String both = filter(session, Map.of("idNumber", bob.value(), "name", aliceName));
        assertThat(total(page(both, session))).isZero();

        String location = filter(session, Map.of("idNumber", bob.value(), "standing", "ALL"));
        String html = page(location, session);
        assertThat(total(html)).isEqualTo(21);
        assertThat(html).contains(bob.masked(), "名**", "id=\"person-label\">" + bob.masked()).doesNotContain(bob.value())
                .doesNotContain("名单乙");
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        int links = 0;
        while (href.find()) {
            assertThat(href.group(1)).doesNotContain(bob.value()).doesNotContain(bob.value().substring(6, 14));
            links++;
        }
        assertThat(links).isGreaterThan(5);
        assertThat(audit.count("action = 'lists.good-credit-browse' and detail like ?", "查询优良信用记录名单（21 条）；筛选：当事人 "
                + bob.masked() + "%")).isEqualTo(1);
        assertThat(page(location, new MockHttpSession())).as("the token is of its session only").contains("筛选已过期");
    }

    private String filter(MockHttpSession session, Map<String, String> form) throws Exception {
        var request = post("/lists/good-credit/filter").with(reviewer()).with(csrf()).session(session);
        form.forEach(request::param);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        String location = response.getRedirectedUrl();
        assertThat(location).startsWith("/lists/good-credit?").contains("who=").doesNotContain(alice.value()).doesNotContain(bob.value())
                .doesNotContain(alice.value().substring(6, 14)).doesNotContain(bob.value().substring(6, 14))
                .doesNotContain("%E5%90%8D").doesNotContain("名单");
        return location;
    }

    @Test
    void theExportHoldsTheFilteredRowsMaskedAndIsAudited() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String html = page(filter(session, Map.of("name", aliceName)), session);
        Matcher exportLink = Pattern.compile("href=\"(/lists/good-credit/export\\.xlsx\\?[^\"]*)\"").matcher(html);
        assertThat(exportLink.find()).isTrue();
        String url = exportLink.group(1).replace("&amp;", "&");
        MockHttpServletResponse response = mvc.perform(get(url).with(reviewer()).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        List<List<String>> rows = ListPages.rows(response.getContentAsByteArray());
        assertThat(rows.get(0)).startsWith("记录编号", "当事人姓名", "身份证号", "信息项", "来源部门");
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4)).extracting(r -> Long.valueOf(r.get(0)))
                .containsExactlyInAnyOrder(ids.get("a-new"), ids.get("a-old"), ids.get("a-b"));
        for (List<String> row : rows.subList(1, 4)) {
            assertThat(row.get(1)).isEqualTo("名" + "*".repeat(aliceName.length() - 1));
            assertThat(row.get(2)).isEqualTo(alice.masked()).matches("\\d{6}\\*{8}\\d{3}[0-9X]");
            assertThat(row.get(8)).isEqualTo("有效");
        }
        String everything = String.join("|", rows.stream().flatMap(List::stream).toList());
        assertThat(everything).doesNotContain(alice.value()).doesNotContain(aliceName);
        assertThat(audit.count("action = 'lists.good-credit-export' and detail like ?", "导出优良信用记录名单 3 条%姓名 名*%")).isEqualTo(1);

        List<List<String>> ended = ListPages.rows(mvc.perform(get("/lists/good-credit/export.xlsx?standing=ENDED&dept=" + deptA).with(reviewer()))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(ended).hasSize(2);
        assertThat(ended.get(1).get(0)).isEqualTo(String.valueOf(ids.get("b-0")));
        assertThat(ended.get(1).get(8)).isEqualTo("已撤销");
    }

    @Test
    void onlyAReviewerFiltersOrExports() throws Exception {
        for (Role role : new Role[] {Role.DATA_OFFICER, Role.CLERK, Role.SYSTEM_ADMIN, Role.AUDITOR}) {
            RequestPostProcessor who = authentication(TestPrincipal.of(role, "wmb"));
            assertThat(mvc.perform(get("/lists/good-credit/export.xlsx").with(who)).andReturn().getResponse().getStatus()).as(role.name())
                    .isEqualTo(403);
            assertThat(mvc.perform(post("/lists/good-credit/filter").with(who).with(csrf()).param("idNumber", alice.value()))
                    .andReturn().getResponse().getStatus()).as(role.name()).isEqualTo(403);
        }
    }
}
