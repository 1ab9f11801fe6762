package org.chengxin.remedies;

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
import java.util.Comparator;
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
import org.chengxin.remedies.domain.Commitment;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.remedies.domain.RepairApplication;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
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
 * The reviewer's list (异议与信用修复审核) with the records list's tools: each filter narrows the department's cases,
 * numbered pages count them, the person filter never puts a number or name in an address, the XLSX export holds the
 * filtered cases masked and is audited, another department sees none of them, and other roles are refused. A fresh
 * department per test keeps the counts exact whatever else the shared database holds.
 */
@ChengxinIntegrationTest
class ReviewCasesListIntegrationTests {

    private static final Pattern ROW = Pattern.compile("<tr[^>]*id=\"(objection|repair)-(\\d+)\"");

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
    Objections objections;

    @Autowired
    Repairs repairs;

    @Autowired
    ReviewQueue reviewQueue;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    MockMvc mvc;
    String department;
    IdNumber alice;
    IdNumber bob;
    String aliceName;
    LocalDate today;
    /** alice's objection filed 40 days ago (overdue), decided on a record of the tax item. */
    Objection aliceOld;
    Objection aliceUpheld;
    RepairApplication aliceRepair;
    List<Objection> bobs = new ArrayList<>();

    @BeforeEach
    void aDepartmentWithCases() {
        mvc = ApiContract.mockMvc(context);
        department = fixtures.department();
        DepartmentCode d = DepartmentCode.of(department);
        Instant start = clock.instant();
        today = LocalDate.now(clock);
        alice = fixtures.syntheticIdNumber();
        bob = fixtures.syntheticIdNumber();
        aliceName = "审核甲" + department.substring(department.indexOf('-') + 1);
        register.register(alice, aliceName, "测试");
        register.register(bob, "审核乙", "测试");
        Item penalty = catalog.item("YY-GN-002").orElseThrow();
        Item tax = catalog.item("YY-TX-001").orElseThrow();

        clock.set(start.minus(Duration.ofDays(40)));
        CitizenRef a = citizens.enroll(alice);
        long old = store(a, penalty, "a-old", today.minusDays(100));
        aliceOld = objections.file(a, old, null, "该处罚不是本人的", null, List.of());
        objections.accept(aliceOld.id());
        clock.set(start);
        long upheld = store(a, penalty, "a-upheld", today.minusDays(30));
        aliceUpheld = objections.file(a, upheld, null, "金额有误", null, List.of());
        objections.accept(aliceUpheld.id());
        aliceUpheld = objections.decide(d, aliceUpheld.id(), Objections.Outcome.UPHOLD, "经核查无误", null);
        long taxed = store(a, tax, "a-tax", today.minusMonths(13));
        aliceRepair = repairs.apply(a, taxed, "税款和罚款已全部缴清", null, Commitment.ONLINE,
                List.of(new Upload("缴款凭证.pdf", "application/pdf", RemediesReviewIntegrationTests.PDF)));
        CitizenRef b = citizens.enroll(bob);
        for (int i = 0; i < 22; i++) {
            long r = store(b, penalty, "b-" + i, today.minusDays(60 + i));
            Objection o = objections.file(b, r, null, "第 " + i + " 条有误", null, List.of());
            objections.accept(o.id());
            bobs.add(o);
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long store(CitizenRef who, Item item, String source, LocalDate decided) {
        DepartmentCode d = DepartmentCode.of(department);
        records.store(List.of(new NewRecord(who.subject(), who.id(), item, catalog.current().id(), d, source, decided,
                "岳审〔2026〕" + source + "号", Map.of(), false, false)), null);
        return records.findBySource(d, source).orElseThrow().id();
    }

    private RequestPostProcessor reviewer() {
        return authentication(TestPrincipal.of(Role.REVIEWER, department));
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
        return page(url, reviewer(), null);
    }

    /** The cases of a page as "objection-12" / "repair-3". */
    private static List<String> rows(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            found.add(m.group(1) + "-" + m.group(2));
        }
        return found;
    }

    private static long total(String html) {
        Matcher m = Pattern.compile("id=\"cases-total\">(\\d+)<").matcher(html);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String o(Objection o) {
        return "objection-" + o.id();
    }

    @Test
    void eachFilterNarrowsTheDepartmentsCasesAndPagesCountThem() throws Exception {
        String all = page("/review/cases");
        assertThat(total(all)).isEqualTo(25);
        assertThat(all).contains("id=\"open-count\">24<").contains("共 <strong class=\"listing-count\">25</strong> 条")
                .contains("第 <span class=\"listing-number\">1</span>/<span class=\"listing-pages\">2</span> 页");
        assertThat(rows(all)).hasSize(20).as("the work queue: the overdue case first, the decided one last")
                .startsWith(o(aliceOld)).doesNotContain(o(aliceUpheld));
        assertThat(rows(page("/review/cases?page=2"))).hasSize(5).endsWith(o(aliceUpheld));
        assertThat(rows(page("/review/cases?size=50"))).hasSize(25);

        assertThat(rows(page("/review/cases?kind=repair"))).containsExactly("repair-" + aliceRepair.id());
        assertThat(total(page("/review/cases?kind=objection"))).isEqualTo(24);
        assertThat(rows(page("/review/cases?status=UPHELD"))).containsExactly(o(aliceUpheld));
        assertThat(rows(page("/review/cases?status=DONE"))).containsExactly(o(aliceUpheld));
        assertThat(total(page("/review/cases?status=PENDING"))).isEqualTo(24);
        assertThat(rows(page("/review/cases?status=OPEN"))).containsExactly("repair-" + aliceRepair.id());
        assertThat(rows(page("/review/cases?item=YY-TX-001"))).containsExactly("repair-" + aliceRepair.id());
        assertThat(rows(page("/review/cases?overdue=1"))).containsExactly(o(aliceOld));
        assertThat(rows(page("/review/cases?to=" + today.minusDays(30)))).containsExactly(o(aliceOld));
        assertThat(total(page("/review/cases?from=" + today + "&to=" + today))).isEqualTo(24);
        assertThat(page("/review/cases?status=NOPE")).contains("状态无法识别，已忽略");

        // sorting by the day filed, oldest first: the overdue case leads; newest first it is last
        assertThat(rows(page("/review/cases?sort=filedAt&dir=asc"))).first().isEqualTo(o(aliceOld));
        assertThat(rows(page("/review/cases?sort=filedAt&dir=desc&size=50"))).last().isEqualTo(o(aliceOld));
        assertThat(rows(page("/review/cases?sort=dueOn&dir=desc&size=50"))).last().isEqualTo(o(aliceOld));

        // statuses and kinds in words, the code only in a tooltip
        String upheld = page("/review/cases?status=UPHELD");
        assertThat(upheld).contains("title=\"UPHELD\">已处理：维持原记录</span>").contains("title=\"objection\">异议</td>");
        assertThat(page("/review/cases?kind=repair")).contains("title=\"OPEN\">认定部门审核中</span>");
    }

    @Test
    void theDatabaseFiltersSortsAndPagesAsTheWorkQueueReadsThem() throws Exception {
        DepartmentCode d = DepartmentCode.of(department);
        // as stored (the database keeps microseconds)
        List<Object> cases = new ArrayList<>();
        bobs.forEach(o -> cases.add(objections.ofDepartment(d, o.id()).orElseThrow()));
        cases.add(objections.ofDepartment(d, aliceOld.id()).orElseThrow());
        cases.add(objections.ofDepartment(d, aliceUpheld.id()).orElseThrow());
        cases.add(repairs.ofDepartment(d, aliceRepair.id()).orElseThrow());
        // the order the list had when it was sorted in memory: open first by the nearest deadline, then the latest
        // decided; ties by kind and number; descending turns all of it round
        Comparator<Object> queue = Comparator.comparing((Object c) -> !open(c))
                .thenComparing((a, b) -> open(a) ? dueOn(a).compareTo(dueOn(b))
                        : Comparator.nullsLast(Comparator.<Instant>reverseOrder()).compare(decidedAt(a), decidedAt(b)));
        Comparator<Object> tie = Comparator.comparing(ReviewCasesListIntegrationTests::kind).thenComparingLong(ReviewCasesListIntegrationTests::id);
        Map<String, Comparator<Object>> sorts = Map.of("queue", queue, "filedAt", Comparator.comparing(ReviewCasesListIntegrationTests::filedAt),
                "dueOn", Comparator.comparing(ReviewCasesListIntegrationTests::dueOn));
        for (var sort : sorts.entrySet()) {
            for (boolean desc : new boolean[] {false, true}) {
                Comparator<Object> order = desc ? sort.getValue().reversed().thenComparing(tie.reversed()) : sort.getValue().thenComparing(tie);
                List<String> expected = cases.stream().sorted(order).map(ReviewCasesListIntegrationTests::key).toList();
                PageRequest first = PageRequest.of(1, 20, sort.getKey(), desc ? "desc" : "asc", ReviewQueue.SORT);
                PageResult<ReviewQueue.Case> one = reviewQueue.page(d, ReviewQueue.Filter.NONE, first);
                PageResult<ReviewQueue.Case> two = reviewQueue.page(d, ReviewQueue.Filter.NONE, first.withPage(1));
                assertThat(one.total()).isEqualTo(25);
                assertThat(one.items()).hasSize(20);
                assertThat(two.items()).hasSize(5);
                List<String> got = new ArrayList<>();
                one.items().forEach(c -> got.add(key(c)));
                two.items().forEach(c -> got.add(key(c)));
                assertThat(got).as(sort.getKey() + (desc ? " desc" : " asc")).isEqualTo(expected);
                List<String> exported = new ArrayList<>();
                assertThat(reviewQueue.each(d, ReviewQueue.Filter.NONE, first, 7, chunk -> {
                    assertThat(chunk.size()).isLessThanOrEqualTo(7);
                    chunk.forEach(c -> exported.add(key(c)));
                })).isEqualTo(25);
                assertThat(exported).isEqualTo(expected);
            }
        }
        // a filter that matches cases on the second page of the whole list: counted and paged by the database
        PageRequest second = PageRequest.of(2, 20, null, null, ReviewQueue.SORT);
        ReviewQueue.Filter bobsOpen = new ReviewQueue.Filter(List.of(citizens.subjectKeyOf(bob)), "objection", ReviewQueue.PENDING,
                "YY-GN-002", today.minusDays(1), today, false);
        PageResult<ReviewQueue.Case> bobsSecond = reviewQueue.page(d, bobsOpen, second);
        assertThat(bobsSecond.total()).isEqualTo(22);
        assertThat(bobsSecond.items()).extracting(ReviewCasesListIntegrationTests::key).containsExactly(
                bobs.stream().sorted(Comparator.comparingLong(Objection::id)).skip(20).map(ReviewCasesListIntegrationTests::key).toArray(String[]::new));
        assertThat(reviewQueue.page(d, bobsOpen, PageRequest.of(9, 20, null, null, ReviewQueue.SORT)).items())
                .as("a page past the last is the last").hasSize(2);
        assertThat(reviewQueue.count(d, new ReviewQueue.Filter(null, null, ReviewQueue.DONE, null, null, null, false))).isEqualTo(1);
        assertThat(reviewQueue.count(d, new ReviewQueue.Filter(List.of(), null, null, null, null, null, false))).isZero();
        assertThat(reviewQueue.itemCodes(d)).containsExactly("YY-GN-002", "YY-TX-001");
    }

    private static Object source(Object c) {
        return c instanceof ReviewQueue.Case rc ? (rc.objection() != null ? rc.objection() : rc.repair()) : c;
    }

    private static boolean open(Object c) {
        return source(c) instanceof Objection o ? o.status().isOpen() : ((RepairApplication) source(c)).status().isOpen();
    }

    private static LocalDate dueOn(Object c) {
        return source(c) instanceof Objection o ? o.dueOn() : ((RepairApplication) source(c)).dueOn();
    }

    private static Instant filedAt(Object c) {
        return source(c) instanceof Objection o ? o.filedAt() : ((RepairApplication) source(c)).filedAt();
    }

    private static Instant decidedAt(Object c) {
        return source(c) instanceof Objection o ? o.decidedAt() : ((RepairApplication) source(c)).decidedAt();
    }

    private static String kind(Object c) {
        return source(c) instanceof Objection ? "objection" : "repair";
    }

    private static long id(Object c) {
        return source(c) instanceof Objection o ? o.id() : ((RepairApplication) source(c)).id();
    }

    private static String key(Object c) {
        return kind(c) + "-" + id(c);
    }

    @Test
    void thePersonFilterGoesByPostAndNeverIntoAnAddress() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String byId = filter(session, Map.of("idNumber", alice.value()));
        assertThat(rows(page(byId, reviewer(), session))).containsExactlyInAnyOrder(o(aliceOld), o(aliceUpheld),
                "repair-" + aliceRepair.id());
        String byName = filter(session, Map.of("name", aliceName, "kind", "objection"));
        assertThat(rows(page(byName, reviewer(), session))).containsExactlyInAnyOrder(o(aliceOld), o(aliceUpheld));
        String both = filter(session, Map.of("idNumber", bob.value(), "name", aliceName));
        assertThat(total(page(both, reviewer(), session))).as("a number and a name of two people match nothing").isZero();

        String location = filter(session, Map.of("idNumber", bob.value(), "size", "20"));
        String html = page(location, reviewer(), session);
        assertThat(total(html)).isEqualTo(22);
        assertThat(html).contains(bob.masked()).contains("审**").doesNotContain(bob.value()).doesNotContain("审核乙");
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        int links = 0;
        while (href.find()) {
            assertThat(href.group(1)).doesNotContain(bob.value()).doesNotContain(bob.value().substring(6, 14));
            links++;
        }
        assertThat(links).isGreaterThan(5);
        assertThat(html).contains("id=\"person-label\">" + bob.masked());
        // the token is of this session only
        assertThat(page(location, reviewer(), new MockHttpSession())).contains("筛选已过期");
    }

    /** Posts the filter form and returns where it sends the browser; the number and the name are never in that address. */
    private String filter(MockHttpSession session, Map<String, String> form) throws Exception {
        var request = post("/review/cases/filter").with(reviewer()).with(csrf()).session(session);
        form.forEach(request::param);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        String location = response.getRedirectedUrl();
        assertThat(location).startsWith("/review/cases?").contains("who=").doesNotContain(alice.value()).doesNotContain(bob.value())
                .doesNotContain(alice.value().substring(6, 14)).doesNotContain(bob.value().substring(6, 14))
                .doesNotContain("%E5%AE%A1").doesNotContain("审核");
        return location;
    }

    @Test
    void theExportHoldsTheFilteredCasesMaskedAndIsAudited() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String location = filter(session, Map.of("name", aliceName));
        String html = page(location, reviewer(), session);
        Matcher exportLink = Pattern.compile("href=\"(/review/cases/export\\.xlsx\\?[^\"]*)\"").matcher(html);
        assertThat(exportLink.find()).isTrue();
        String url = exportLink.group(1).replace("&amp;", "&");
        assertThat(url).doesNotContain(alice.value()).doesNotContain("%E5%AE%A1");
        MockHttpServletResponse response = mvc.perform(get(url).with(reviewer()).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        List<List<String>> rows = ListPages.rows(response.getContentAsByteArray());
        assertThat(rows.get(0)).startsWith("类型", "编号", "信息项", "当事人姓名", "身份证号", "状态");
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4)).extracting(r -> r.get(0) + "-" + r.get(1)).containsExactlyInAnyOrder(
                "异议-" + aliceOld.id(), "异议-" + aliceUpheld.id(), "信用修复-" + aliceRepair.id());
        for (List<String> row : rows.subList(1, 4)) {
            assertThat(row.get(3)).as("the name masked").isEqualTo("审" + "*".repeat(aliceName.length() - 1));
            assertThat(row.get(4)).as("the number masked").isEqualTo(alice.masked()).matches("\\d{6}\\*{8}\\d{3}[0-9X]");
        }
        assertThat(rows.stream().filter(r -> r.get(1).equals(String.valueOf(aliceUpheld.id()))).findFirst().orElseThrow().get(5))
                .isEqualTo("已处理：维持原记录");
        String everything = String.join("|", rows.stream().flatMap(List::stream).toList());
        assertThat(everything).doesNotContain(alice.value()).doesNotContain(aliceName);
        assertThat(audit.count("action = 'remedies.cases-export' and department = ? and detail like ?", department,
                "导出本部门异议与信用修复案件 3 件%姓名 审*%")).isEqualTo(1);

        List<List<String>> overdue = ListPages.rows(mvc.perform(get("/review/cases/export.xlsx?overdue=1").with(reviewer()))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(overdue).hasSize(2);
        assertThat(overdue.get(1).get(8)).isEqualTo("已超期");
        assertThat(audit.count("action = 'remedies.cases-export' and department = ? and detail like ?", department,
                "导出本部门异议与信用修复案件 1 件%仅超期%")).isEqualTo(1);
    }

    @Test
    void anotherDepartmentSeesNoneOfTheCasesAndOtherRolesAreRefused() throws Exception {
        RequestPostProcessor stranger = authentication(TestPrincipal.of(Role.REVIEWER, fixtures.department()));
        String theirs = page("/review/cases?size=100", stranger, null);
        assertThat(total(theirs)).isZero();
        assertThat(rows(theirs)).isEmpty();
        List<List<String>> export = ListPages.rows(mvc.perform(get("/review/cases/export.xlsx").with(stranger)).andReturn().getResponse()
                .getContentAsByteArray());
        assertThat(export).hasSize(1);
        MockHttpSession session = new MockHttpSession();
        var posted = mvc.perform(post("/review/cases/filter").with(stranger).with(csrf()).session(session).param("idNumber", alice.value()))
                .andReturn().getResponse();
        assertThat(total(page(posted.getRedirectedUrl(), stranger, session))).isZero();

        for (Role role : new Role[] {Role.DATA_OFFICER, Role.CLERK, Role.SYSTEM_ADMIN, Role.AUDITOR}) {
            RequestPostProcessor who = authentication(TestPrincipal.of(role, department));
            assertThat(mvc.perform(get("/review/cases").with(who)).andReturn().getResponse().getStatus()).as(role.name()).isEqualTo(403);
            assertThat(mvc.perform(get("/review/cases/export.xlsx").with(who)).andReturn().getResponse().getStatus()).as(role.name())
                    .isEqualTo(403);
            assertThat(mvc.perform(post("/review/cases/filter").with(who).with(csrf()).param("idNumber", alice.value()))
                    .andReturn().getResponse().getStatus()).as(role.name()).isEqualTo(403);
        }
    }
}
