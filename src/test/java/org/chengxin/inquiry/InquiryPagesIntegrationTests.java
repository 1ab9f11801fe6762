package org.chengxin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.inquiry.domain.Authorization;
import org.chengxin.inquiry.domain.ReportScope;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.records.Records;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.statements.Statements;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The inquiry pages: a citizen generates their report, states their side of a record and withdraws it,
 * grants and withdraws an authorization and reads who queried them; a window clerk issues reports to a person
 * present, under an online and under a paper authorization, and is refused without either; the auditor reads
 * the queries. Pages are only asked yes/no questions about text, so no assertion message can print a full
 * (synthetic) ID number; the clerk's step 2 carries the number in a hidden field by design and is never
 * checked for its absence.
 */
@ChengxinIntegrationTest
class InquiryPagesIntegrationTests {

    private static final String NAME = "名单测试";

    @Autowired
    IssuedReports issued;

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    Records records;

    @Autowired
    Authorizations authorizations;

    @Autowired
    Statements statements;

    @Autowired
    MutableClock clock;

    MockMvc mvc;
    Authentication clerk;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
        clerk = TestPrincipal.of(Role.CLERK, fixtures.department());
    }

    /** A citizen with an account and three records: a public serious one, an authorized-query good one, a government-only one. */
    private Person person() {
        Http http = new Http(port);
        IdNumber number = fixtures.citizenWithAccount();
        register.register(number, NAME, "测试");
        SeriousDishonestyListAccess.push(http, token(http, "swj"), number, "page-tax-" + UUID.randomUUID());
        LocalDate decided = LocalDate.now(clock).minusDays(20);
        SeriousDishonestyListAccess.pushBody(http, token(http, "tsw"), "{\"records\":[{\"sourceId\":\"page-vol-" + UUID.randomUUID()
                + "\",\"itemCode\":\"YY-VL-002\",\"idNumber\":\"" + number.value() + "\",\"name\":\"" + NAME + "\",\"decisionDate\":\""
                + decided + "\",\"documentNumber\":\"岳团志〔2026〕8号\",\"content\":{\"serviceHours\":\"150\","
                + "\"organizationName\":\"岳阳市青年志愿者协会\"}}]}");
        SeriousDishonestyListAccess.pushBody(http, token(http, "cgj"), "{\"records\":[{\"sourceId\":\"page-minor-" + UUID.randomUUID()
                + "\",\"itemCode\":\"YY-GN-003\",\"idNumber\":\"" + number.value() + "\",\"name\":\"" + NAME + "\",\"decisionDate\":\""
                + decided + "\",\"documentNumber\":\"岳城管罚〔2026〕9号\",\"content\":{\"penaltyType\":\"警告\",\"facts\":\"占道经营\","
                + "\"authority\":\"城市管理局\"}}]}");
        SubjectKey subject = citizens.subjectKeyOf(number);
        return new Person(number, subject, citizens.find(number).orElseThrow().id(), recordOf(subject, "YY-TX-001"),
                recordOf(subject, "YY-VL-002"), recordOf(subject, "YY-GN-003"));
    }

    private record Person(IdNumber number, SubjectKey subject, long subjectId, String tax, String volunteer, String minor) {
    }

    private String token(Http http, String department) {
        return http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
    }

    /** The id attribute of the record's row in a report. */
    private String recordOf(SubjectKey subject, String item) {
        return "id=\"record-" + records.allFor(subject).stream().filter(r -> r.itemCode().equals(item)).findFirst().orElseThrow().id()
                + "\"";
    }

    @Test
    void theCitizenGeneratesTheirReportAndStatesTheirSideOfARecord() throws Exception {
        Person p = person();
        Authentication me = citizen(p);

        assertContains(body(get("/my/report"), me), "生成我的信用报告", p.number().masked(), "id=\"my-statements-link\"");
        String report = body(post("/my/report").param("purpose", ""), me);
        assertContains(report, "个人公共信用信息报告", "一、基本信息", "二、信用概要", "三、优良信用记录", "四、失信记录", "五、其他信息",
                "六、查询记录（近两年）", NAME, p.number().masked(), "本人可查询的全部信息", p.tax(), p.volunteer(), p.minor(), "严重",
                "岳团志〔2026〕8号", "id=\"statement-dialog-" + recordId(p.tax()) + "\"", "添加本人声明", "/js/statement-dialog.js");
        assertThat(report.contains(p.number().value())).as("the report page must not contain the full ID number").isFalse();
        assertThat(report.contains("id=\"report-pdf\"")).as("the PDF link").isTrue();
        Matcher m = Pattern.compile("/my/report/(YYXY\\d+)\\.pdf").matcher(report);
        assertThat(m.find()).isTrue();
        String number = m.group(1);
        MockHttpServletResponse pdf = send(get("/my/report/" + number + ".pdf"), me);
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        byte[] bytes = pdf.getContentAsByteArray();
        try (var document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertContains(text, p.number().masked(), number, "岳团志〔2026〕8号");
            assertThat(text.contains(p.number().value())).as("the PDF must not contain the full ID number").isFalse();
        }
        // the same file verifies; a changed byte does not; another person with the same masked number cannot fetch it
        String code = Pattern.compile("id=\"report-verification\">([A-Z0-9]{12})<").matcher(report).results().findFirst()
                .map(r -> r.group(1)).orElseThrow();
        assertThat(issued.byVerificationCode(code)).get().satisfies(i -> assertThat(i.pdfSha256()).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))));
        Person other = person();
        // the same masked number as p (as two people may have), but another person
        Authentication stranger = citizen(new Person(p.number(), other.subject(), other.subjectId(), null, null, null));
        assertThat(send(get("/my/report/" + number + ".pdf"), stranger).getStatus()).isEqualTo(404);

        // the statement is written from the report's dialog and comes back to the report; shown once published
        MvcResult added = mvc.perform(post("/my/statements").param("recordId", recordId(p.tax())).param("text", "税款已于次月全部补缴")
                .param("back", "/my/report").with(csrf()).with(authentication(me))).andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/my/report");
        assertThat(added.getFlashMap().get("notice")).asString().contains("平台审核通过后随记录显示");
        assertThat(body(post("/my/report"), me).contains("本人声明：</strong><span class=\"statement-text\">税款已于次月全部补缴"))
                .as("a statement under review is not in the report").isFalse();
        long id = statements.historyOf(p.subject(), Long.parseLong(recordId(p.tax()))).latest().id();
        statements.publish(id);
        assertContains(body(post("/my/report"), me), "本人声明：</strong><span class=\"statement-text\">税款已于次月全部补缴", "修改本人声明");

        assertThat(send(post("/my/statements/" + id + "/withdrawal").param("back", "/my/report"), me).getRedirectedUrl())
                .isEqualTo("/my/report");
        assertThat(body(post("/my/report"), me).contains("本人声明：</strong>")).as("a withdrawn statement is not in a new report").isFalse();
    }

    @Test
    void theCitizenGrantsAndWithdrawsAnAuthorization() throws Exception {
        Person p = person();
        Authentication me = citizen(p);
        LocalDate until = LocalDate.now(clock).plusDays(30);

        assertContains(body(get("/my/authorizations"), me), "id=\"no-authorizations\"", "id=\"grant-form\"");
        MockHttpServletResponse granted = send(post("/my/authorizations").param("granteeName", "岳阳页面测试银行")
                .param("purpose", "个人住房贷款审查").param("scope", "AUTHORIZED").param("validUntil", until.toString()), me);
        assertThat(granted.getRedirectedUrl()).isEqualTo("/my/authorizations");
        Authorization a = authorizations.of(p.subject()).get(0);
        assertThat(a.scope()).isEqualTo(ReportScope.AUTHORIZED);
        assertContains(body(get("/my/authorizations"), me), "id=\"authorization-" + a.id() + "\"", "岳阳页面测试银行", "个人住房贷款审查",
                "公开信息及授权查询信息", until.toString(), "在线", "有效", "id=\"withdraw-" + a.id() + "\"");

        String refused = body(post("/my/authorizations").param("granteeName", "岳阳另一家银行").param("purpose", "贷款")
                .param("scope", "PUBLIC").param("validUntil", LocalDate.now(clock).plusYears(2).toString()), me);
        assertContains(refused, "INQUIRY_VALIDITY_INVALID", "value=\"岳阳另一家银行\"");
        assertContains(body(post("/my/authorizations").param("granteeName", "银行").param("purpose", "贷款").param("scope", "GOVERNMENT")
                .param("validUntil", until.toString()), me), "INQUIRY_SCOPE_INVALID");

        assertThat(send(post("/my/authorizations/" + a.id() + "/withdrawal").param("reason", "贷款已办结"), me).getRedirectedUrl())
                .isEqualTo("/my/authorizations");
        String after = body(get("/my/authorizations"), me);
        assertContains(after, "已撤回", "贷款已办结");
        assertThat(after.contains("id=\"withdraw-" + a.id() + "\"")).as("a withdrawn authorization cannot be withdrawn again").isFalse();
        assertThat(flashError(post("/my/authorizations/" + a.id() + "/withdrawal"), me)).isEqualTo("INQUIRY_AUTHORIZATION_WITHDRAWN");
    }

    @Test
    void theClerkIssuesAReportToThePersonPresentAndThePersonSeesTheQuery() throws Exception {
        Person p = person();

        assertContains(body(get("/inquiry"), clerk), "id=\"person-form\"");
        String step2 = body(post("/inquiry/person").param("idNumber", p.number().value()), clerk);
        assertContains(step2, "id=\"person-masked\"", p.number().masked(), "id=\"report-form\"", "id=\"paper-form\"", "id=\"no-usable\"");

        String report = body(post("/inquiry/report").param("idNumber", p.number().value()).param("present", "true")
                .param("purpose", "办理公积金贷款（页面）"), clerk);
        assertContains(report, "id=\"credit-report\"", "本人可查询的全部信息", p.tax(), p.volunteer(), p.minor(), NAME, "@media print");
        assertThat(report.contains(p.number().value())).as("the issued report must not contain the full ID number").isFalse();

        String mine = body(get("/my/queries"), citizen(p));
        assertContains(mine, "id=\"queries\"", "窗口查询", "办理公积金贷款（页面）", "本人（窗口）", clerk.getName());
        assertThat(mine.contains(p.number().value())).as("the query log page must not contain the full ID number").isFalse();
    }

    @Test
    void theClerkQueriesUnderOnlineAndPaperAuthorizationsWithinTheirScopeAndIsRefusedWithoutOne() throws Exception {
        Person p = person();
        String number = p.number().value();

        String refused = body(post("/inquiry/report").param("idNumber", number).param("purpose", "贷款审查"), clerk);
        assertContains(refused, "INQUIRY_AUTHORIZATION_REQUIRED", "id=\"report-form\"", "value=\"贷款审查\"");

        Authorization online = authorizations.grant(p.subject(), "岳阳页面测试银行", null, "贷款审查", ReportScope.PUBLIC,
                LocalDate.now(clock).plusDays(10));
        assertContains(body(post("/inquiry/person").param("idNumber", number), clerk), "id=\"use-authorization-" + online.id() + "\"");
        String publicReport = body(post("/inquiry/report").param("idNumber", number).param("authorizationId", String.valueOf(online.id()))
                .param("purpose", "贷款审查"), clerk);
        assertContains(publicReport, "公开信息", "在线授权 #" + online.id(), p.tax());
        assertThat(publicReport.contains(p.volunteer()) || publicReport.contains(p.minor()))
                .as("a public-scope report shows only public records").isFalse();

        String notAScan = body(multipart("/inquiry/paper").file(new MockMultipartFile("scan", "a.txt", "text/plain",
                "not a scan".getBytes(StandardCharsets.UTF_8))).param("idNumber", number).param("granteeName", "张示例")
                .param("paperPurpose", "代办入职背景调查").param("scope", "AUTHORIZED")
                .param("validUntil", LocalDate.now(clock).plusDays(5).toString()), clerk);
        assertContains(notAScan, "id=\"paper-error\"", "INQUIRY_SCAN_TYPE", "value=\"张示例\"");

        String recorded = body(multipart("/inquiry/paper").file(new MockMultipartFile("scan", "授权书.pdf", "application/pdf",
                "%PDF-1.4\n% synthetic signed authorization\n".getBytes(StandardCharsets.UTF_8))).param("idNumber", number)
                .param("granteeName", "张示例").param("paperPurpose", "代办入职背景调查").param("scope", "AUTHORIZED")
                .param("validUntil", LocalDate.now(clock).plusDays(5).toString()), clerk);
        Authorization paper = authorizations.of(p.subject()).stream().filter(a -> a.channel().equals("PAPER")).findFirst().orElseThrow();
        assertContains(recorded, "id=\"notice\"", "已登记书面授权 #" + paper.id(), "id=\"use-authorization-" + paper.id() + "\"", "checked");
        String authorizedReport = body(post("/inquiry/report").param("idNumber", number).param("authorizationId", String.valueOf(paper.id()))
                .param("purpose", "代办入职背景调查"), clerk);
        assertContains(authorizedReport, "公开信息及授权查询信息", "书面授权 #" + paper.id(), p.tax(), p.volunteer());
        assertThat(authorizedReport.contains(p.minor())).as("government-shared records stay out of an authorized report").isFalse();

        String body = number.substring(0, 17);
        char wrong = IdNumber.checkCharacterOf(body) == '1' ? '2' : '1';
        assertContains(body(post("/inquiry/person").param("idNumber", body + wrong), clerk), "ID_BAD_CHECK_CHARACTER", "id=\"person-form\"");

        String review = body(get("/audit/queries"), TestPrincipal.of(Role.AUDITOR, fixtures.department()));
        assertContains(review, "id=\"queries\"", p.number().masked(), "INQUIRY_AUTHORIZATION_REQUIRED", "代办入职背景调查", "窗口查询",
                clerk.getName());
        assertThat(review.contains(number)).as("the review page must not contain a full ID number").isFalse();
    }

    private static String recordId(String rowId) {
        return rowId.replaceAll("\\D", "");
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

    private String flashError(AbstractMockHttpServletRequestBuilder<?> request, Authentication who) throws Exception {
        Object error = mvc.perform(request.with(csrf()).with(authentication(who))).andReturn().getFlashMap().get("error");
        return error instanceof ChengxinException e ? e.code() : String.valueOf(error);
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
}
