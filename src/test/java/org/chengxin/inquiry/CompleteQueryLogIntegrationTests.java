package org.chengxin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.chengxin.identity.Citizens;
import org.chengxin.lists.AgencyListing;
import org.chengxin.lists.AgencyBlacklist;
import org.chengxin.organization.Accounts;
import org.chengxin.organization.ApiClients;
import org.chengxin.organization.Department;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.organization.UnifiedSocialCreditCode;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The query log is complete (issue 14, item 5): a department system's credit-status query and measure check, and a
 * clerk's measure check, are entries of the person's log on 谁查询了我 and in the report's query section, with the
 * organization's name, the system's or clerk's real name, the purpose or matter and the basis; another person's log
 * does not show them; a blacklisted credit agency is refused on both with {@code AGENCY_BLACKLISTED}, logged as
 * refused with a Chinese reason and never as answered. Pages are asked yes/no questions only, so no assertion message
 * can print a full (synthetic) ID number.
 */
@ChengxinIntegrationTest
class CompleteQueryLogIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    QueryLog log;

    @Autowired
    Departments departments;

    @Autowired
    ApiClients clients;

    @Autowired
    Accounts accounts;

    @Autowired
    AgencyBlacklist blacklist;

    @Autowired
    AuditRecords audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
    }

    /** A person with a citizen account: number, blind index, subject id. */
    private record Person(IdNumber number, SubjectKey subject, long subjectId) {
    }

    private Person person() {
        IdNumber number = fixtures.citizenWithAccount();
        return new Person(number, citizens.subjectKeyOf(number), citizens.find(number).orElseThrow().id());
    }

    /** The human-resources bureau's recruitment system, with a name the log must show. */
    private String recruitmentSystem() {
        fixtures.departmentWithCode("rsj");
        String clientId = "rsj-recruit-" + UUID.randomUUID().toString().substring(0, 8);
        clients.register(clientId, Fixtures.PASSWORD, "人社局招录审查系统", DepartmentCode.of("rsj"), Set.of("reports:read", "measures:check"));
        return clientId;
    }

    private static String status(IdNumber number, String purpose) {
        return "{\"idNumber\":\"" + number.value() + "\",\"purpose\":\"" + purpose + "\"}";
    }

    private static String check(IdNumber number, String matter) {
        return "{\"idNumber\":\"" + number.value() + "\",\"matterCode\":\"" + matter + "\"}";
    }

    @Test
    void aSystemsCreditStatusQueryAndMeasureCheckAreInThePersonsLogAndReportButNotAnothersLog() throws Exception {
        Http http = new Http(port);
        Person p = person();
        Person other = person();
        String system = recruitmentSystem();
        String token = http.token(system, Fixtures.PASSWORD, "reports:read measures:check");
        String rsj = departments.find(DepartmentCode.of("rsj")).map(Department::name).orElseThrow();

        assertThat(http.postJson("/api/v1/credit-status", token, status(p.number(), "公务员录用资格审查")).status()).isEqualTo(200);
        Http.Response checked = http.postJson("/api/v1/measure-checks", token, check(p.number(), "GWY-LY"));
        assertThat(checked.status()).isEqualTo(201);
        long checkId = checked.json().get("id").asLong();

        List<QueryLog.Entry> entries = log.of(p.subject(), Instant.EPOCH);
        assertThat(entries).filteredOn(e -> e.kind().equals("STATUS")).singleElement().satisfies(e -> {
            assertThat(e.organization()).isEqualTo(rsj);
            assertThat(e.departmentCode()).isEqualTo(DepartmentCode.of("rsj"));
            assertThat(e.actor()).isEqualTo(system);
            assertThat(e.shownActor()).isEqualTo("人社局招录审查系统");
            assertThat(e.purpose()).isEqualTo("公务员录用资格审查");
            assertThat(e.basis()).contains("reports:read");
            assertThat(e.refused()).isFalse();
            assertThat(e.outcome()).isEqualTo("已答复信用状况");
            assertThat(e.maskedId()).isEqualTo(p.number().masked());
        });
        assertThat(entries).filteredOn(e -> e.kind().equals("MEASURE")).singleElement().satisfies(e -> {
            assertThat(e.organization()).isEqualTo(rsj);
            assertThat(e.shownActor()).isEqualTo("人社局招录审查系统");
            assertThat(e.purpose()).isEqualTo("办理事项：公务员录用（GWY-LY）");
            assertThat(e.basis()).contains("核查 #" + checkId);
            assertThat(e.outcome()).isEqualTo("已核查");
        });
        assertThat(jdbc.queryForObject("""
                select count(*) from inquiry_query
                where position(? in concat_ws('|', masked_id, organization, actor, actor_name, purpose, basis, refusal_code)) > 0""",
                Long.class, p.number().value())).as("no entry holds the full number").isZero();

        String mine = body(get("/my/queries"), citizen(p));
        assertContains(mine, "id=\"queries\"", rsj, "人社局招录审查系统", "信用状况查询", "公务员录用资格审查", "联合奖惩核查",
                "办理事项：公务员录用（GWY-LY）", "已答复信用状况", "已核查");
        assertThat(mine.contains(system)).as("the system's name is shown, not its client id").isFalse();
        assertThat(mine.contains(p.number().value())).as("the log page must not contain the full ID number").isFalse();

        String report = body(post("/my/report").param("purpose", "本人查看"), citizen(p));
        assertContains(report, "id=\"report-queries\"", rsj, "人社局招录审查系统", "公务员录用资格审查", "办理事项：公务员录用（GWY-LY）",
                "信用状况查询", "联合奖惩核查");
        assertThat(report.contains(p.number().value())).as("the report must not contain the full ID number").isFalse();

        String theirs = body(get("/my/queries"), citizen(other));
        assertContains(theirs, "id=\"no-queries\"");
        assertThat(theirs.contains("公务员录用资格审查") || theirs.contains("办理事项：公务员录用") || theirs.contains("人社局招录审查系统"))
                .as("another person's log does not show the first person's uses").isFalse();
        assertThat(log.of(other.subject(), Instant.EPOCH)).isEmpty();
    }

    @Test
    void aClerksMeasureCheckShowsTheClerksRealNameAndDepartment() throws Exception {
        Person p = person();
        fixtures.departmentWithCode("rsj");
        String username = "clerk-qlog-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createStaff(username, "王示例", Role.CLERK, DepartmentCode.of("rsj"), Fixtures.PASSWORD);
        Authentication clerk = UsernamePasswordAuthenticationToken.authenticated(
                new TestPrincipal(username, Role.CLERK, DepartmentCode.of("rsj")), null, List.of(new SimpleGrantedAuthority("ROLE_CLERK")));

        MockHttpServletResponse run = send(post("/checks").param("idNumber", p.number().value()).param("matterCode", "SYDW-ZP"), clerk);
        assertThat(run.getStatus()).isEqualTo(302);

        String mine = body(get("/my/queries"), citizen(p));
        assertContains(mine, "王示例", departments.find(DepartmentCode.of("rsj")).orElseThrow().name(), "办理事项：事业单位公开招聘（SYDW-ZP）");
        assertThat(mine.contains(username)).as("the clerk's real name is shown, not the login name").isFalse();
    }

    @Test
    void aBlacklistedAgencysSystemIsRefusedOnBothAndTheRefusalsAreLoggedAsRefused() throws Exception {
        Http http = new Http(port);
        Person p = person();
        String agency = "agency-" + UUID.randomUUID().toString().substring(0, 8);
        String uscc = "91430600" + String.format("Q%08d", Math.floorMod(agency.hashCode(), 100_000_000));
        departments.register(agency, "岳阳黑名单测试征信公司", DepartmentKind.CREDIT_AGENCY, uscc + UnifiedSocialCreditCode.checkCharacter(uscc),
                "430600");
        String token = http.token(fixtures.apiClientOf(agency, "reports:read", "measures:check"), Fixtures.PASSWORD,
                "reports:read measures:check");

        // before the listing both are answered: XZSP is a matter every organization handles
        assertThat(http.postJson("/api/v1/credit-status", token, status(p.number(), "信用评估")).status()).isEqualTo(200);
        assertThat(http.postJson("/api/v1/measure-checks", token, check(p.number(), "XZSP")).status()).isEqualTo(201);
        long checksBefore = jdbc.queryForObject("select count(*) from measures_check where department_code = ?", Long.class, agency);

        LocalDate today = LocalDate.now(clock);
        blacklist.add(new AgencyListing.Request(agency, null, "超范围采集和使用个人信息", "岳发改信〔2026〕41号", "《征信业管理条例》第四十条",
                today, today.plusYears(1)));

        Http.Response status = http.postJson("/api/v1/credit-status", token, status(p.number(), "信用评估"));
        assertThat(status.status()).isEqualTo(403);
        assertThat(status.json().get("code").asString()).isEqualTo("AGENCY_BLACKLISTED");
        assertThat(status.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(status.json().get("detail").asString()).contains("信用服务机构黑名单");
        assertThat(status.body()).doesNotContain(p.number().value());
        Http.Response measure = http.postJson("/api/v1/measure-checks", token, check(p.number(), "XZSP"));
        assertThat(measure.status()).isEqualTo(403);
        assertThat(measure.json().get("code").asString()).isEqualTo("AGENCY_BLACKLISTED");
        assertThat(measure.body()).doesNotContain(p.number().value());

        assertThat(jdbc.queryForObject("select count(*) from measures_check where department_code = ?", Long.class, agency))
                .as("a refused check is not stored").isEqualTo(checksBefore);
        List<QueryLog.Entry> entries = log.of(p.subject(), Instant.EPOCH);
        assertThat(entries).filteredOn(e -> !e.refused()).extracting(QueryLog.Entry::kind)
                .as("only the two made before the listing are answered").containsExactlyInAnyOrder("STATUS", "MEASURE");
        assertThat(entries).filteredOn(QueryLog.Entry::refused).hasSize(2).allSatisfy(e -> {
            assertThat(e.refusalCode()).isEqualTo("AGENCY_BLACKLISTED");
            assertThat(e.refusalReason()).isEqualTo("该机构或其从业人员已被列入信用服务机构黑名单");
            assertThat(e.organization()).isEqualTo("岳阳黑名单测试征信公司");
            assertThat(e.outcome()).startsWith("已拒绝：");
        });
        assertThat(audit.count("action = 'lists.credit-status' and outcome = 'DENIED' and subject_index = ?", p.subject())).isEqualTo(1);
        assertThat(audit.count("action = 'measures.check' and outcome = 'DENIED' and subject_index = ?", p.subject())).isEqualTo(1);

        String mine = body(get("/my/queries"), citizen(p));
        assertContains(mine, "岳阳黑名单测试征信公司", "已拒绝：该机构或其从业人员已被列入信用服务机构黑名单");
        assertThat(mine.contains("AGENCY_BLACKLISTED")).as("the person reads the reason, not the code").isFalse();
    }

    private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, Authentication who) throws Exception {
        return mvc.perform(request.with(csrf()).with(authentication(who))).andReturn().getResponse();
    }

    private String body(AbstractMockHttpServletRequestBuilder<?> request, Authentication who) throws Exception {
        MockHttpServletResponse response = send(request, who);
        assertThat(response.getStatus()).as("status").isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static void assertContains(String page, String... needles) {
        for (String needle : needles) {
            assertThat(page.contains(needle)).as("the page contains " + needle).isTrue();
        }
    }

    /** A logged-in citizen, as the login makes one. */
    private static Authentication citizen(Person p) {
        record Citizen(String displayName, Long subjectId) implements ChengxinPrincipal {
            @Override
            public Role role() {
                return Role.CITIZEN;
            }

            @Override
            public DepartmentCode departmentCode() {
                return null;
            }
        }
        return UsernamePasswordAuthenticationToken.authenticated(new Citizen(p.number().masked(), p.subjectId()), null,
                List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
    }
}
