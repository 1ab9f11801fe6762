package org.chengxin.archives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.inquiry.QueryLog;
import org.chengxin.inquiry.QueryReview;
import org.chengxin.organization.Department;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.organization.UnifiedSocialCreditCode;
import org.chengxin.records.NewRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
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
 * The key-group archive of the 司法局 (律师: its own item 律师严重违法执业, plus the lawyers' association's item 行业协会推荐的
 * 诚信会员 carrying the same group) and the student archive of the 教育局: who is a member, what a member's archive shows,
 * the purpose, the query log entry, and who is refused. The people are new to each test, so the members asked about
 * are known whatever else the shared database holds.
 */
@ChengxinIntegrationTest
class ArchivesIntegrationTests {

    private static final Pattern FULL_ID = Pattern.compile("\\d{17}[\\dX]");

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
    Departments departments;

    @Autowired
    QueryLog queryLog;

    @Autowired
    QueryReview review;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    MockMvc mvc;
    LocalDate today;
    Instant start;
    /** 司法局's own lawyer item, with an association's record of another lawyer item and a penalty of no group. */
    IdNumber lawyer;
    /** Only the association's item carrying 律师: not a member for the 司法局. */
    IdNumber associationOnly;
    /** The 司法局's record revoked. */
    IdNumber revoked;
    /** The 司法局's record past its period. */
    IdNumber expired;
    IdNumber student;
    IdNumber minorStudent;
    Map<IdNumber, Long> ids = new LinkedHashMap<>();

    @BeforeEach
    void archives() {
        mvc = ApiContract.mockMvc(context);
        // the catalog's codes, under their Yueyang names (the demo, sharing the database, keeps a department registered first)
        department("sfj", "岳阳市司法局", DepartmentKind.GOVERNMENT);
        department("lsxh", "岳阳市律师协会", DepartmentKind.ASSOCIATION);
        department("wjw", "岳阳市卫生健康委员会", DepartmentKind.GOVERNMENT);
        department("jyj", "岳阳市教育局", DepartmentKind.GOVERNMENT);
        String market = fixtures.department();
        today = LocalDate.now(clock);
        start = Instant.now(clock).minus(1, ChronoUnit.MINUTES);
        // the lawyer has an account, to read 谁查询了我
        lawyer = fixtures.citizenWithAccount();
        register.register(lawyer, "律档甲", "测试");
        ids.put(lawyer, citizens.enroll(lawyer).id());
        associationOnly = person("律档乙");
        revoked = person("律档丙");
        expired = person("律档丁");
        student = person("学档甲");
        minorStudent = fixtures.syntheticIdNumberBornOn(today.minusYears(17));
        register.register(minorStudent, "学档乙", "测试");
        ids.put(minorStudent, citizens.enroll(minorStudent).id());

        Item lawyerPenalty = catalog.item("YY-JD-005").orElseThrow();
        Item recommended = catalog.item("YY-GN-007").orElseThrow();
        Item general = catalog.item("YY-GN-002").orElseThrow();
        Item cheating = catalog.item("YY-ED-001").orElseThrow();
        String tag = Long.toString(System.nanoTime());
        records.store(List.of(
                record(lawyer, lawyerPenalty, "sfj", "ar-l1-" + tag, today.minusDays(40), false,
                        Map.of("facts", "代理中伪造证据（测试）", "penaltyResult", "停止执业六个月", "licenseNumber", "LS001", "authority", "岳阳市司法局")),
                record(lawyer, recommended, "lsxh", "ar-l2-" + tag, today.minusDays(10), false,
                        Map.of("associationName", "岳阳市律师协会", "recommendationReason", "执业诚信（测试）")),
                record(lawyer, general, market, "ar-l3-" + tag, today.minusDays(5), false,
                        Map.of("penaltyType", "警告", "facts", "无关的处罚（测试）", "penaltyResult", "警告", "authority", "市场监管局")),
                record(associationOnly, recommended, "lsxh", "ar-a1-" + tag, today.minusDays(10), false,
                        Map.of("associationName", "岳阳市律师协会", "recommendationReason", "执业诚信（测试）")),
                record(revoked, lawyerPenalty, "sfj", "ar-r1-" + tag, today.minusDays(40), false, Map.of()),
                record(expired, lawyerPenalty, "sfj", "ar-e1-" + tag, today.minusMonths(lawyerPenalty.maxMonths()).minusDays(3), false,
                        Map.of()),
                record(student, cheating, "jyj", "ar-s1-" + tag, today.minusDays(20), false,
                        Map.of("examName", "全国大学英语四级考试", "examDate", today.minusDays(30).toString(), "cheatingConduct", "携带通讯工具",
                                "handlingResult", "成绩无效")),
                record(minorStudent, cheating, "jyj", "ar-m1-" + tag, today.minusDays(20), true, Map.of())), null);
        long revokedId = records.findBySource(DepartmentCode.of("sfj"), "ar-r1-" + tag).orElseThrow().id();
        records.revoke(revokedId, DepartmentCode.of("sfj"), "测试撤销");
    }

    private void department(String code, String name, DepartmentKind kind) {
        if (departments.find(DepartmentCode.of(code)).isEmpty()) {
            String body = (kind == DepartmentKind.ASSOCIATION ? "51" : "11") + "430600"
                    + String.format("R%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            departments.register(code, name, kind, body + UnifiedSocialCreditCode.checkCharacter(body), "430600");
        }
    }

    private IdNumber person(String name) {
        IdNumber number = fixtures.syntheticIdNumber();
        register.register(number, name, "测试");
        ids.put(number, citizens.enroll(number).id());
        return number;
    }

    private NewRecord record(IdNumber person, Item item, String dept, String source, LocalDate decided, boolean minor,
            Map<String, String> content) {
        CitizenRef ref = citizens.enroll(person);
        return new NewRecord(ref.subject(), ref.id(), item, catalog.current().id(), DepartmentCode.of(dept), source, decided,
                "岳档测〔2026〕" + source.hashCode() + "号", content, false, minor);
    }

    private static RequestPostProcessor reviewer(String department) {
        return authentication(TestPrincipal.of(Role.REVIEWER, department));
    }

    private MockHttpServletResponse get200(String url, RequestPostProcessor who, MockHttpSession session) throws Exception {
        var request = get(url).with(who);
        if (session != null) {
            request.session(session);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response;
    }

    /** The members the department's list shows for one person, filtered by the number posted (never in the address). */
    private long membersFound(String department, String archive, IdNumber person) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse posted = mvc.perform(post("/archives/groups/" + archive + "/filter").with(reviewer(department)).with(csrf())
                .session(session).param("idNumber", person.value())).andReturn().getResponse();
        String target = posted.getRedirectedUrl();
        assertThat(target).startsWith("/archives/groups/" + archive + "?who=").doesNotContain(person.value());
        String html = get200(target, reviewer(department), session).getContentAsString(StandardCharsets.UTF_8);
        assertThat(FULL_ID.matcher(html).find()).as("no full ID number on the members list").isFalse();
        Matcher m = Pattern.compile("id=\"members-total\">(\\d+)<").matcher(html);
        assertThat(m.find()).isTrue();
        long total = Long.parseLong(m.group(1));
        if (total > 0) {
            assertThat(html).contains(person.masked()).contains("data-subject=\"" + ids.get(person) + "\"");
        }
        return total;
    }

    private MockHttpServletResponse open(String department, String archive, IdNumber person, String purpose) throws Exception {
        var request = post("/archives/groups/" + archive + "/archive").with(reviewer(department)).with(csrf())
                .param("subject", Long.toString(ids.get(person)));
        if (purpose != null) {
            request.param("purpose", purpose);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void theJusticeBureauRegulatesLawyersThroughItsOwnItemOnly() throws Exception {
        String index = get200("/archives", reviewer("sfj"), null).getContentAsString(StandardCharsets.UTF_8);
        assertThat(index).contains("律师信用档案").contains("律师严重违法执业").contains("/archives/groups/LAWYER");

        assertThat(membersFound("sfj", "LAWYER", lawyer)).as("a record of the bureau's own lawyer item").isEqualTo(1);
        assertThat(membersFound("sfj", "LAWYER", associationOnly)).as("only another department's lawyer item").isZero();
        assertThat(membersFound("sfj", "LAWYER", revoked)).as("the record revoked").isZero();
        assertThat(membersFound("sfj", "LAWYER", expired)).as("the record past its period").isZero();
        // the association regulates lawyers through its own items, and so finds both
        assertThat(membersFound("lsxh", "LAWYER", associationOnly)).isEqualTo(1);
        assertThat(membersFound("lsxh", "LAWYER", lawyer)).isEqualTo(1);
        assertThat(audit.count("action = 'archives.browse' and detail like ?", "%律师%")).isPositive();

        // by name (posted too), and the list's sorts and pages answer
        MockHttpSession session = new MockHttpSession();
        String byName = mvc.perform(post("/archives/groups/LAWYER/filter").with(reviewer("lsxh")).with(csrf()).session(session)
                .param("name", "律档乙").param("sort", "records").param("dir", "asc")).andReturn().getResponse().getRedirectedUrl();
        assertThat(byName).doesNotContain("律档乙").doesNotContain(URLEncoder.encode("律档乙", StandardCharsets.UTF_8));
        String named = get200(byName, reviewer("lsxh"), session).getContentAsString(StandardCharsets.UTF_8);
        assertThat(named).contains(associationOnly.masked()).doesNotContain(lawyer.masked()).contains("律**");
        for (String url : List.of("/archives/groups/LAWYER?sort=records&dir=asc&size=50", "/archives/groups/LAWYER?sort=latest&dir=desc&page=2",
                "/archives/groups/LAWYER?sort=nonsense&size=10000")) {
            get200(url, reviewer("sfj"), null);
        }
    }

    @Test
    void aMembersArchiveShowsEveryLawyerItemOfAnyDepartmentAndIsLoggedWithThePurpose() throws Exception {
        MockHttpServletResponse response = open("sfj", "LAWYER", lawyer, "年度考核");
        assertThat(response.getStatus()).isEqualTo(200);
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        String association = departments.find(DepartmentCode.of("lsxh")).map(Department::name).orElseThrow();
        assertThat(html).contains("律师严重违法执业").contains("行业协会推荐的诚信会员").contains(association)
                .as("labelled fields in words").contains("违法事实").contains("代理中伪造证据（测试）").contains("推荐理由")
                .as("a record of an item carrying no lawyer group is not in the archive").doesNotContain("无关的处罚（测试）")
                .contains("律档甲").contains(lawyer.masked()).contains("年度考核");
        assertThat(FULL_ID.matcher(html).find()).as("no full ID number in the archive").isFalse();

        CitizenRef ref = citizens.find(lawyer).orElseThrow();
        List<QueryLog.Entry> log = queryLog.of(ref.subject(), start);
        String bureau = departments.find(DepartmentCode.of("sfj")).map(Department::name).orElseThrow();
        assertThat(log).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("ARCHIVE");
            assertThat(e.kindLabel()).isEqualTo("重点人群信用档案查阅");
            assertThat(e.purpose()).isEqualTo("年度考核");
            assertThat(e.organization()).isEqualTo(bureau);
            assertThat(e.basis()).contains("律师").contains("（七）");
            assertThat(e.refused()).isFalse();
        });
        assertThat(audit.count("action = 'archives.open' and subject_index = ? and purpose = '年度考核'", ref.subject())).isEqualTo(1);

        // the person reads it on 谁查询了我, in words
        var login = mvc.perform(formLogin("/login").userParameter("account").passwordParam("password").user(lawyer.value())
                .password(Fixtures.PASSWORD)).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        String mine = mvc.perform(get("/my/queries").session(session)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains("重点人群信用档案查阅").contains("年度考核").contains(bureau).contains("已查阅档案");
    }

    @Test
    void anOpeningWithoutAPurposeOfTheListOrOfSomeoneNoMemberIsRefused() throws Exception {
        MockHttpServletResponse none = open("sfj", "LAWYER", lawyer, null);
        assertThat(none.getStatus()).isEqualTo(400);
        assertThat(none.getContentAsString(StandardCharsets.UTF_8)).contains("请从列表中选择查阅目的");
        assertThat(open("sfj", "LAWYER", lawyer, "好奇").getStatus()).as("a purpose not on the list").isEqualTo(400);
        assertThat(open("sfj", "LAWYER", associationOnly, "年度考核").getStatus()).as("not a member of the bureau's group").isEqualTo(404);
        assertThat(queryLog.of(citizens.find(lawyer).orElseThrow().subject(), start)).noneMatch(e -> e.kind().equals("ARCHIVE"));
        assertThat(queryLog.of(citizens.find(associationOnly).orElseThrow().subject(), start)).isEmpty();
    }

    @Test
    void anotherDepartmentsGroupIsRefused() throws Exception {
        assertThat(mvc.perform(get("/archives/groups/LAWYER").with(reviewer("wjw"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(open("wjw", "LAWYER", lawyer, "年度考核").getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/archives/groups/LAWYER/filter").with(reviewer("wjw")).with(csrf()).param("name", "律档甲"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(open("sfj", "students", student, "升学").getStatus()).as("the student archive is the education bureau's").isEqualTo(403);
        assertThat(mvc.perform(get("/archives/groups/NO_SUCH_GROUP").with(reviewer("sfj"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/archives").with(authentication(TestPrincipal.of(Role.DATA_OFFICER, "sfj")))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        String elsewhere = get200("/archives", reviewer(fixtures.department()), null).getContentAsString(StandardCharsets.UTF_8);
        assertThat(elsewhere).contains("没有可查阅的档案");
        String health = get200("/archives", reviewer("wjw"), null).getContentAsString(StandardCharsets.UTF_8);
        assertThat(health).contains("医师信用档案").doesNotContain("律师信用档案");
    }

    @Test
    void theEducationBureauReadsTheStudentArchiveOfAdultsForTheMattersOfThePolicy() throws Exception {
        String index = get200("/archives", reviewer("jyj"), null).getContentAsString(StandardCharsets.UTF_8);
        assertThat(index).contains("学生诚信档案").contains("教师信用档案").contains("奖学金发放");
        assertThat(membersFound("jyj", "students", student)).isEqualTo(1);
        assertThat(membersFound("jyj", "students", minorStudent)).as("a record decided on a minor").isZero();

        assertThat(open("jyj", "students", student, "年度考核").getStatus()).as("not a matter of policy 四").isEqualTo(400);
        MockHttpServletResponse response = open("jyj", "students", student, "奖学金发放");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("国家教育考试作弊").contains("携带通讯工具")
                .contains("考试名称");
        assertThat(queryLog.of(citizens.find(student).orElseThrow().subject(), start)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("STUDENT_ARCHIVE");
            assertThat(e.kindLabel()).isEqualTo("学生诚信档案查阅");
            assertThat(e.purpose()).isEqualTo("奖学金发放");
        });
    }

    @Test
    void archiveOpeningsAreReviewedForMisuseLikeEveryOtherQuery() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(open("sfj", "LAWYER", lawyer, "行业监管检查").getStatus()).isEqualTo(200);
        }
        List<QueryLog.Entry> openings = queryLog.of(citizens.find(lawyer).orElseThrow().subject(), start).stream()
                .filter(e -> e.kind().equals("ARCHIVE")).toList();
        assertThat(openings).hasSize(5);
        review.scan();
        assertThat(review.ofQuery(openings.get(0).id())).extracting(QueryReview.Flag::rule).contains("REPEATED");
    }
}
