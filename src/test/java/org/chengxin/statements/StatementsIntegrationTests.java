package org.chengxin.statements;

import org.chengxin.shared.organization.DepartmentCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.records.Records;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.statements.domain.StatementStatus;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * Own statements (本人声明) end to end: the person writes one from their pages; under review it is in no output;
 * the platform's reviewer publishes it and it is in the report (JSON and PDF), the credit-status answer and the
 * person's pages; the person withdraws it and it is gone from all of them, its versions kept. A rejection carries
 * its reason to the person; the pre-check flags others' data for the reviewer; nobody acts on another person's
 * statement or record. Pages are asked yes/no questions only, so no assertion message can print a full
 * (synthetic) ID number.
 */
@ChengxinIntegrationTest
class StatementsIntegrationTests {

    private static final String NAME = "名单测试";
    private static final String PENALTY = "YY-GN-002";
    private static final String VOLUNTEER = "YY-VL-002";

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
    Statements statements;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    MockMvc mvc;
    Authentication admin;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
        admin = TestPrincipal.of(Role.SYSTEM_ADMIN, fixtures.department());
    }

    @Test
    void aStatementShowsOnEveryOutputOnlyOncePublishedAndIsGoneOnceWithdrawn() throws Exception {
        Person p = person();
        String text = "罚款已于2026年11月全额缴纳，\n违法行为已整改完毕。";

        MvcResult sent = mvc.perform(post("/my/statements").param("recordId", String.valueOf(p.penalty())).param("text", text)
                .with(csrf()).with(authentication(p.auth()))).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/my/statements");
        assertThat(sent.getFlashMap().get("notice")).asString().contains("平台审核通过后随记录显示");
        long id = statements.historyOf(p.subject(), p.penalty()).latest().id();
        assertThat(statements.find(id)).get().satisfies(s -> assertThat(s.status()).isEqualTo(StatementStatus.PENDING));

        // under review: the person sees it with its status, no output shows it
        assertContains(body(get("/my/statements"), p.auth()), "id=\"statement-dialog-" + p.penalty() + "\"", "审核中", "违法行为已整改完毕",
                "修改本人声明", "id=\"statement-withdraw-" + p.penalty() + "\"", "maxlength=\"500\"", "/js/statement-dialog.js");
        assertThat(reportJson(p)).doesNotContain("违法行为已整改完毕");
        assertThat(reportPdf(p)).doesNotContain("违法行为已整改完毕");

        // the platform's reviewer reads it beside the record and publishes it
        String queue = body(get("/statements/review"), admin);
        assertContains(queue, "id=\"pending-statement-" + id + "\"", "违法行为已整改完毕", "#" + p.penalty() + " 行政处罚信息（一般）",
                p.number().masked());
        assertThat(queue.contains(p.number().value())).as("the review page must not contain a full ID number").isFalse();
        assertThat(send(post("/statements/review/" + id + "/publication"), admin).getRedirectedUrl()).isEqualTo("/statements/review");

        String json = reportJson(p);
        assertThat(json).contains("\"statements\":[\"" + text.replace("\n", "\\n") + "\"]");
        assertThat(reportPdf(p)).contains("【本人声明】罚款已于2026年11月全额缴纳", "违法行为已整改完毕");
        assertContains(body(get("/my/statements"), p.auth()), "已公布", "现随记录显示");
        assertContains(body(get("/my/credit"), p.auth()), "<p class=\"statement statement-text\">罚款已于2026年11月全额缴纳",
                "id=\"statement-open-" + p.penalty() + "\"");
        assertThat(body(get("/statements/review"), admin).contains("id=\"pending-statement-" + id + "\"")).as("off the queue").isFalse();
        // the objection the person then files is screened with the statement beside the record, and the page of it too
        MockHttpServletResponse filed = send(multipart("/my/objections").param("recordId", String.valueOf(p.penalty()))
                .param("grounds", "罚款已缴清，记录应注明"), p.auth());
        assertThat(filed.getRedirectedUrl()).isEqualTo("/my/objections");
        assertContains(body(get("/remedies/screening"), admin), "<th>本人声明</th><td class=\"statement-text\">罚款已于2026年11月全额缴纳");
        assertContains(body(get("/my/objections"), p.auth()), "id=\"statement-dialog-" + p.penalty() + "\"", "修改本人声明");

        // withdrawn by the person: gone from every output, its version kept in the person's history
        assertThat(send(post("/my/statements/" + id + "/withdrawal").param("back", "/my/credit"), p.auth()).getRedirectedUrl())
                .isEqualTo("/my/credit");
        assertThat(reportJson(p)).doesNotContain("违法行为已整改完毕");
        assertThat(reportPdf(p)).doesNotContain("违法行为已整改完毕");
        assertThat(body(get("/my/credit"), p.auth())).as("the person's history keeps it, shown beside the record it is not")
                .contains("已撤回").doesNotContain("<p class=\"statement statement-text\">罚款已于2026年11月全额缴纳");
        assertContains(body(get("/my/statements"), p.auth()), "已撤回", "违法行为已整改完毕", "添加本人声明");
        assertThat(flashError(post("/my/statements/" + id + "/withdrawal"), p.auth())).isEqualTo("STATEMENT_ALREADY_WITHDRAWN");

        assertThat(audit.count("action = 'statements.submit' and subject_index = ?", p.subject())).isEqualTo(1);
        assertThat(audit.count("action = 'statements.publish' and subject_index = ?", p.subject())).isEqualTo(1);
        assertThat(audit.count("action = 'statements.withdraw' and subject_index = ?", p.subject())).isEqualTo(1);
        assertThat(audit.count("action = 'statements.submit' and detail like ?", "%整改%")).as("the text is not audited").isZero();
    }

    @Test
    void aPublishedStatementOnAGoodCreditRecordIsInTheCreditStatusAnswerAndAnEditWaitsForReview() throws Exception {
        Person p = person();
        long first = statements.submit(p.subject(), p.volunteer(), "服务时长含抗洪抢险志愿服务").id();
        statements.publish(first);
        assertThat(creditStatus(p)).contains("\"statements\":[\"服务时长含抗洪抢险志愿服务\"]");

        // an edit is a new version under review: the published one stays shown until the new one is published
        MvcResult edited = mvc.perform(post("/my/statements").param("recordId", String.valueOf(p.volunteer()))
                .param("text", "服务时长含2026年抗洪抢险志愿服务40小时").param("back", "/my/report").with(csrf()).with(authentication(p.auth())))
                .andReturn();
        assertThat(edited.getResponse().getRedirectedUrl()).isEqualTo("/my/report");
        assertThat(creditStatus(p)).contains("\"statements\":[\"服务时长含抗洪抢险志愿服务\"]").doesNotContain("40小时");
        long second = statements.historyOf(p.subject(), p.volunteer()).latest().id();
        statements.publish(second);
        assertThat(creditStatus(p)).contains("\"statements\":[\"服务时长含2026年抗洪抢险志愿服务40小时\"]");
        assertThat(statements.historyOf(p.subject(), p.volunteer()).versions()).extracting(v -> v.status())
                .containsExactly(StatementStatus.SUPERSEDED, StatementStatus.PUBLISHED);
        assertContains(body(get("/my/statements/records/" + p.volunteer()), p.auth()), "第 1 版", "第 2 版", "已被新版本替代", "已公布");
    }

    @Test
    void theReviewerSeesThePreCheckFlagsAndRejectsWithAReasonThePersonReads() throws Exception {
        Person p = person();
        String other = fixtures.syntheticIdNumber().value();
        statements.submit(p.subject(), p.penalty(), "真正的违法人是邻居" + other + "，电话13812345678");
        long id = statements.historyOf(p.subject(), p.penalty()).latest().id();

        String queue = body(get("/statements/review"), admin);
        assertContains(queue, "id=\"pending-statement-" + id + "\"", "疑似含有身份证号码（已自动遮蔽）", "疑似含有手机号码");
        assertThat(queue.contains(other)).as("an ID number typed into a statement is kept masked").isFalse();

        assertThat(flashError(post("/statements/review/" + id + "/rejection"), admin)).isEqualTo("STATEMENT_REJECTION_GROUND_REQUIRED");
        assertThat(flashError(post("/statements/review/" + id + "/rejection").param("ground", "OTHER"), admin))
                .isEqualTo("STATEMENT_REJECTION_REASON_REQUIRED");
        assertThat(send(post("/statements/review/" + id + "/rejection").param("ground", "OTHERS_PERSONAL_DATA")
                .param("reason", "声明中有他人的身份证号码和手机号码"), admin).getRedirectedUrl()).isEqualTo("/statements/review");
        assertThat(flashError(post("/statements/review/" + id + "/publication"), admin)).isEqualTo("STATEMENT_NOT_PENDING");

        assertContains(body(get("/my/statements/records/" + p.penalty()), p.auth()), "未通过", "含有他人的个人信息：声明中有他人的身份证号码和手机号码",
                "声明内容（不超过 500 字）");
        assertThat(reportJson(p)).doesNotContain("真正的违法人是邻居");
        assertThat(audit.count("action = 'statements.reject' and subject_index = ?", p.subject())).isEqualTo(1);

        // refused input comes back on the form with its code, never a 500
        assertThat(flashError(post("/my/statements").param("recordId", String.valueOf(p.penalty())).param("text", "声".repeat(501)),
                p.auth())).isEqualTo("STATEMENT_TEXT_INVALID");
        assertThat(flashError(post("/my/statements").param("recordId", String.valueOf(p.penalty())).param("text", "  "), p.auth()))
                .isEqualTo("STATEMENT_TEXT_INVALID");
        assertThat(flashError(post("/my/statements").param("text", "没有记录"), p.auth())).isEqualTo("STATEMENT_RECORD_NOT_FOUND");
    }

    @Test
    void aCitizenCannotActOnAnotherPersonsStatementOrRecordAndIsAnsweredAsIfItDidNotExist() throws Exception {
        Person owner = person();
        Person stranger = person();
        long id = statements.submit(owner.subject(), owner.penalty(), "罚款已缴清").id();

        assertThat(flashError(post("/my/statements/" + id + "/withdrawal"), stranger.auth())).isEqualTo("STATEMENT_NOT_FOUND");
        assertThat(flashError(post("/my/statements/" + Long.MAX_VALUE + "/withdrawal"), stranger.auth())).isEqualTo("STATEMENT_NOT_FOUND");
        assertThat(flashError(post("/my/statements").param("recordId", String.valueOf(owner.penalty())).param("text", "不是我的记录"),
                stranger.auth())).isEqualTo("STATEMENT_RECORD_NOT_FOUND");
        assertThat(send(get("/my/statements/records/" + owner.penalty()), stranger.auth()).getStatus()).isEqualTo(404);
        assertThat(body(get("/my/statements"), stranger.auth())).doesNotContain("罚款已缴清");
        assertThat(statements.find(id)).get().satisfies(s -> assertThat(s.status()).isEqualTo(StatementStatus.PENDING));
        assertThat(statements.historyOf(stranger.subject(), owner.penalty()).versions()).isEmpty();

        // a citizen does not review, and the reviewer's queue is the platform's, not a department's
        assertThat(send(post("/statements/review/" + id + "/publication"), owner.auth()).getStatus()).isEqualTo(403);
        assertThat(send(get("/statements/review"), TestPrincipal.of(Role.REVIEWER, fixtures.department())).getStatus()).isEqualTo(403);
        // a form cannot send the person to an address of its choosing
        assertThat(send(post("/my/statements/" + id + "/withdrawal").param("back", "https://example.com/"), owner.auth())
                .getRedirectedUrl()).isEqualTo("/my/statements");
    }

    private record Person(IdNumber number, SubjectKey subject, long penalty, long volunteer, Authentication auth) {
    }

    /** A citizen with a general administrative penalty (YY-GN-002) and a volunteer-service honour (YY-VL-002). */
    private Person person() {
        Http http = new Http(port);
        IdNumber number = fixtures.citizenWithAccount();
        register.register(number, NAME, "测试");
        String token = http.token(fixtures.apiClient("records:write"), Fixtures.PASSWORD, "records:write");
        SeriousDishonestyListAccess.pushSerious(http, token, number, PENALTY, "statements-" + UUID.randomUUID(), 20,
                "{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示年度报告\",\"penaltyResult\":\"罚款500元\",\"authority\":\"岳阳市市场监督管理局\"}");
        String tsw = http.token(fixtures.apiClientOf("tsw", "records:write"), Fixtures.PASSWORD, "records:write");
        SeriousDishonestyListAccess.pushBody(http, tsw, "{\"records\":[{\"sourceId\":\"statements-vol-" + UUID.randomUUID()
                + "\",\"itemCode\":\"" + VOLUNTEER + "\",\"idNumber\":\"" + number.value() + "\",\"name\":\"" + NAME + "\",\"decisionDate\":\""
                + LocalDate.now(clock).minusDays(20) + "\",\"documentNumber\":\"岳团志〔2026〕9号\",\"content\":{\"serviceHours\":\"150\","
                + "\"organizationName\":\"岳阳市青年志愿者协会\"}}]}");
        SubjectKey subject = citizens.subjectKeyOf(number);
        long subjectId = citizens.find(number).orElseThrow().id();
        return new Person(number, subject, recordOf(subject, PENALTY), recordOf(subject, VOLUNTEER), citizen(number, subjectId));
    }

    private long recordOf(SubjectKey subject, String item) {
        return records.allFor(subject).stream().filter(r -> r.itemCode().equals(item)).findFirst().orElseThrow().id();
    }

    /** The report a department issues for its duties over the API, as JSON. */
    private String reportJson(Person p) {
        Http http = new Http(port);
        Http.Response report = http.postJson("/api/v1/reports", reportsToken(http), reportRequest(p));
        assertThat(report.status()).isEqualTo(200);
        return report.body();
    }

    /** The same report as PDF, its text extracted. */
    private String reportPdf(Person p) throws Exception {
        Http http = new Http(port);
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports/pdf"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + reportsToken(http))
                        .POST(HttpRequest.BodyPublishers.ofString(reportRequest(p))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private String creditStatus(Person p) {
        Http http = new Http(port);
        Http.Response status = http.postJson("/api/v1/credit-status", reportsToken(http),
                "{\"idNumber\":\"" + p.number().value() + "\",\"purpose\":\"本人声明测试\"}");
        assertThat(status.status()).isEqualTo(200);
        return status.body();
    }

    private String reportsToken(Http http) {
        return http.token(fixtures.apiClientOf("rsj", "reports:read"), Fixtures.PASSWORD, "reports:read");
    }

    private static String reportRequest(Person p) {
        return "{\"idNumber\":\"" + p.number().value() + "\",\"basis\":\"DUTY\",\"duty\":\"公务员录用考察（《公务员法》第三十二条）\","
                + "\"purpose\":\"录用考察\"}";
    }

    /** A logged-in citizen, as the login makes one. */
    private static Authentication citizen(IdNumber number, long subjectId) {
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
        return UsernamePasswordAuthenticationToken.authenticated(new Citizen(number.masked(), subjectId), null,
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
