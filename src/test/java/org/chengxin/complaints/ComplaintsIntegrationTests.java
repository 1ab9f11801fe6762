package org.chengxin.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.chengxin.complaints.domain.Complaint;
import org.chengxin.complaints.domain.ComplaintChannel;
import org.chengxin.complaints.domain.ComplaintKind;
import org.chengxin.complaints.domain.ComplaintStatus;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.inquiry.QueryLog;
import org.chengxin.notifications.Inbox;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.organization.UnifiedSocialCreditCode;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.time.WorkingCalendar;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * Complaints and reports (issue 14, item 4): a citizen files each kind online, a wrong record is sent to the objection
 * flow, the text is held to 1..2000 characters and ID numbers in it are masked, only the person's own query-log
 * entries can be named; the deadlines count working days on a moved clock and missed ones show in red; the
 * administrator acknowledges, assigns and answers, and the answer reaches the person's inbox; a clerk files at the
 * window only with the person present; every step is audited without the text; nobody sees another's cases. A
 * department's reviewer answers the cases routed to their department and is refused another's; a complaint of an
 * unauthorized query goes to the auditor and is answered with the finding.
 * Pages are asked yes/no questions only, so no assertion message can print a full (synthetic) ID number.
 */
@ChengxinIntegrationTest
class ComplaintsIntegrationTests {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String NAME = "投诉测试";

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
    QueryLog queryLog;

    @Autowired
    Complaints complaints;

    @Autowired
    Inbox inbox;

    @Autowired
    Departments departments;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachKindIsFiledOnlineRoutedAndAuditedAndAWrongRecordIsSentToTheObjections() throws Exception {
        Person p = person();
        String department = fixtures.department();
        QueryLog.Entry query = queriedBy(department, p);
        LocalDate today = LocalDate.now(clock.withZone(CITY));

        MvcResult filed = send(file("UNAUTHORIZED_QUERY", "我从未授权该部门查询我的信用状况").param("queryId", String.valueOf(query.id())),
                p.auth());
        assertThat(filed.getResponse().getRedirectedUrl()).isEqualTo("/my/complaints");
        assertThat((String) filed.getFlashMap().get("notice")).contains("已登记投诉", "测试部门");
        send(file("DATA_MISUSE", "我的信用报告被人转给了贷款中介"), p.auth());
        send(file("AGENCY_MISCONDUCT", "某征信机构未经同意采集我的信息"), p.auth());
        IdNumber other = fixtures.syntheticIdNumber();
        send(file("DISHONESTY_REPORT", "举报身份证号码为 " + other.value() + " 的人伪造证明材料骗取补贴"), p.auth());

        List<Complaint> mine = complaints.ofPerson(p.ref());
        assertThat(mine).extracting(Complaint::kind).containsExactly(ComplaintKind.DISHONESTY_REPORT, ComplaintKind.AGENCY_MISCONDUCT,
                ComplaintKind.DATA_MISUSE, ComplaintKind.UNAUTHORIZED_QUERY);
        assertThat(mine).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(ComplaintStatus.RECEIVED);
            assertThat(c.channel()).isEqualTo(ComplaintChannel.ONLINE);
            assertThat(c.ackDue()).isEqualTo(calendar.plusWorkingDays(today, 2));
            assertThat(c.replyDue()).isEqualTo(calendar.plusWorkingDays(today, 15));
        });
        Complaint aboutQuery = mine.get(3);
        assertThat(aboutQuery.department()).as("routed to the department that queried").isEqualTo(DepartmentCode.of(department));
        assertThat(aboutQuery.queryId()).isEqualTo(query.id());
        assertThat(aboutQuery.querySummary()).contains("测试部门");
        assertThat(mine.subList(0, 3)).extracting(Complaint::department).as("the platform administrator's queue").containsOnlyNulls();
        boolean reportMasked = mine.get(0).text().contains(other.masked()) && !mine.get(0).text().contains(other.value());
        assertThat(reportMasked).as("the reported person's number is stored masked").isTrue();

        MvcResult wrongRecord = send(file("WRONG_RECORD", "我的处罚记录金额有误"), p.auth());
        assertThat(wrongRecord.getResponse().getRedirectedUrl()).isEqualTo("/my/objections");
        assertThat(complaints.ofPerson(p.ref())).hasSize(4);

        String page = body(get("/my/complaints"), p.auth());
        assertThat(page).contains("我从未授权该部门查询我的信用状况", "举报他人严重失信行为", "已登记，待受理", "id=\"complaint-query\"");
        assertThat(page.contains(other.value())).isFalse();
        assertThat(audit.count("action = 'complaints.file' and subject_index = ?", p.ref().subject())).isEqualTo(4);
        assertThat(audit.count("action like 'complaints.%' and (detail like '%从未授权该部门%' or detail like '%补贴%')")).isZero();
        assertThat(body(get("/my/queries"), p.auth())).contains("href=\"/my/complaints\"",
                "href=\"/my/complaints?query=" + query.id() + "\"");
        assertThat(body(get("/my/complaints").param("query", String.valueOf(query.id())), p.auth()).replaceAll("\\s+", " "))
                .as("the form opened from the query log has the entry and the kind chosen").contains("<option value=\"" + query.id() + "\" selected=\"selected\"", "<option value=\"UNAUTHORIZED_QUERY\" selected=\"selected\"");
    }

    @Test
    void badInputIsRefusedOnTheFormAndAnotherPersonsQueryCannotBeNamed() throws Exception {
        Person p = person();
        Person other = person();
        QueryLog.Entry othersQuery = queriedBy(fixtures.department(), other);

        assertThat(refusal(file("DATA_MISUSE", "   "), p)).isEqualTo("COMPLAINT_TEXT_REQUIRED");
        assertThat(refusal(file("DATA_MISUSE", "长".repeat(2001)), p)).isEqualTo("COMPLAINT_TEXT_TOO_LONG");
        assertThat(refusal(file("", "内容"), p)).isEqualTo("COMPLAINT_KIND_REQUIRED");
        assertThat(refusal(file("UNAUTHORIZED_QUERY", "不是我的查询").param("queryId", String.valueOf(othersQuery.id())), p))
                .isEqualTo("COMPLAINT_QUERY_NOT_FOUND");
        assertThat(refusal(file("AGENCY_MISCONDUCT", "机构违规").param("queryId", String.valueOf(othersQuery.id())), p))
                .isEqualTo("COMPLAINT_QUERY_NOT_APPLICABLE");
        assertThat(refusal(file("DATA_MISUSE", "内容").param("queryId", "abc"), p)).isEqualTo("COMPLAINT_QUERY_INVALID");
        assertThat(complaints.ofPerson(p.ref())).isEmpty();

        send(file("DATA_MISUSE", "长".repeat(2000)), p.auth());
        assertThat(complaints.ofPerson(p.ref())).singleElement().satisfies(c -> assertThat(c.text()).hasSize(2000));
        send(file("AGENCY_MISCONDUCT", "别人看不到的投诉内容"), other.auth());
        assertThat(body(get("/my/complaints"), p.auth())).doesNotContain("别人看不到的投诉内容");
        assertThat(body(get("/my/complaints"), other.auth())).contains("别人看不到的投诉内容").doesNotContain("长长长长长长长长长长");

        assertThat(send(get("/admin/complaints"), p.auth()).getResponse().getStatus()).isEqualTo(403);
        assertThat(send(get("/window/complaints"), p.auth()).getResponse().getStatus()).isEqualTo(403);
        assertThat(send(get("/my/complaints"), TestPrincipal.of(Role.CLERK, fixtures.department())).getResponse().getStatus())
                .isEqualTo(403);
        assertThat(send(get("/my/complaints"), TestPrincipal.of(Role.SYSTEM_ADMIN, fixtures.department())).getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void theDeadlinesCountWorkingDaysAndMissedOnesShowInRedAndInTheFigures() throws Exception {
        clock.set(Instant.parse("2026-12-04T02:00:00Z")); // Friday 10:00 in the city
        Person p = person();
        Complaint filed = complaints.file(p.ref(), ComplaintKind.AGENCY_MISCONDUCT, "机构违规收集信息", null);
        assertThat(filed.ackDue()).as("two working days after a Friday").isEqualTo(LocalDate.parse("2026-12-08"));
        assertThat(filed.replyDue()).as("fifteen working days after a Friday").isEqualTo(LocalDate.parse("2026-12-25"));
        String department = fixtures.department();
        complaints.assign(filed.id(), DepartmentCode.of(department));
        Authentication admin = TestPrincipal.of(Role.SYSTEM_ADMIN, fixtures.department());

        clock.set(Instant.parse("2026-12-08T09:00:00Z")); // the last day to acknowledge
        assertThat(rowOf(body(get("/admin/complaints"), admin), filed.id())).doesNotContain("overdue-row");
        clock.set(Instant.parse("2026-12-09T01:00:00Z"));
        assertThat(rowOf(body(get("/admin/complaints"), admin), filed.id())).contains("overdue-row", "已超期");
        assertThat(complaints.get(filed.id()).acknowledgementOverdue(LocalDate.parse("2026-12-09"))).isTrue();
        complaints.acknowledge(filed.id());
        assertThat(rowOf(body(get("/admin/complaints"), admin), filed.id())).doesNotContain("overdue-row");
        assertThat(figuresOf(department)).isEqualTo(new Complaints.Figures(DepartmentCode.of(department), 1, 0, 1, 0));

        clock.set(Instant.parse("2026-12-28T01:00:00Z")); // the Monday after the reply deadline
        assertThat(rowOf(body(get("/admin/complaints"), admin), filed.id())).contains("overdue-row");
        assertThat(figuresOf(department)).isEqualTo(new Complaints.Figures(DepartmentCode.of(department), 1, 0, 1, 1));
        assertThat(body(get("/admin/complaints"), admin)).contains("data-department=\"" + department + "\"");

        complaints.answer(filed.id(), "经核查，该机构已被责令改正");
        assertThat(complaints.get(filed.id()).answeredLate()).isTrue();
        assertThat(figuresOf(department)).as("answered late still counts as late")
                .isEqualTo(new Complaints.Figures(DepartmentCode.of(department), 1, 1, 0, 1));
        awaitTrue(() -> inbox.unread(p.ref().subject()) == 1);
        assertThat(inbox.of(p.ref().subject(), 5).get(0).body()).contains("经核查，该机构已被责令改正", "超过答复期限");
    }

    @Test
    void theAdministratorAcknowledgesAssignsAndAnswersAndThePersonIsToldInTheirInbox() throws Exception {
        Person p = person();
        Complaint filed = complaints.file(p.ref(), ComplaintKind.DATA_MISUSE, "我的信息被泄露给推销电话", null);
        Authentication admin = TestPrincipal.of(Role.SYSTEM_ADMIN, fixtures.department());
        String department = fixtures.department();

        assertThat(body(get("/admin/complaints"), admin)).contains("我的信息被泄露给推销电话", p.ref().maskedId(), "各部门投诉办理情况");
        assertThat(adminRefusal("/admin/complaints/" + filed.id() + "/reply", admin, "reply", "已处理"))
                .isEqualTo("COMPLAINT_NOT_ACKNOWLEDGED");
        assertThat(adminRefusal("/admin/complaints/" + filed.id() + "/acknowledgement", admin, null, null)).isNull();
        assertThat(adminRefusal("/admin/complaints/" + filed.id() + "/acknowledgement", admin, null, null))
                .isEqualTo("COMPLAINT_ALREADY_ACKNOWLEDGED");
        assertThat(adminRefusal("/admin/complaints/" + filed.id() + "/assignment", admin, "department", "no-such-dept"))
                .isEqualTo("COMPLAINT_DEPARTMENT_UNKNOWN");
        assertThat(adminRefusal("/admin/complaints/" + filed.id() + "/assignment", admin, "department", department)).isNull();
        assertThat(complaints.get(filed.id()).department()).isEqualTo(DepartmentCode.of(department));
        assertThat(adminRefusal("/admin/complaints/" + filed.id() + "/reply", admin, "reply", " ")).isEqualTo("COMPLAINT_REPLY_REQUIRED");
        assertThat(adminRefusal("/admin/complaints/999999999/acknowledgement", admin, null, null)).isEqualTo("COMPLAINT_NOT_FOUND");
        assertThat(send(post("/admin/complaints/abc/acknowledgement"), admin).getResponse().getStatus()).isBetween(400, 499);
        assertThat(adminRefusal("/admin/complaints/" + filed.id() + "/reply", admin, "reply", "经核查，已责令该部门整改并追究相关人员责任"))
                .isNull();
        assertThat(adminRefusal("/admin/complaints/" + filed.id() + "/reply", admin, "reply", "再次答复"))
                .isEqualTo("COMPLAINT_ALREADY_ANSWERED");

        Complaint answered = complaints.get(filed.id());
        assertThat(answered.status()).isEqualTo(ComplaintStatus.ANSWERED);
        assertThat(answered.reply()).isEqualTo("经核查，已责令该部门整改并追究相关人员责任");
        awaitTrue(() -> inbox.unread(p.ref().subject()) == 1);
        Inbox.Notice notice = inbox.of(p.ref().subject(), 5).get(0);
        assertThat(notice.title()).isEqualTo("您的投诉（编号 " + filed.id() + "）已有答复");
        assertThat(notice.body()).contains("泄露或滥用我的信息", "经核查，已责令该部门整改并追究相关人员责任").doesNotContain("超过答复期限");
        assertThat(notice.link()).isEqualTo("/my/complaints");
        assertThat(body(get("/my/complaints"), p.auth())).contains("已答复", "经核查，已责令该部门整改并追究相关人员责任");

        for (String action : List.of("complaints.acknowledge", "complaints.assign", "complaints.answer")) {
            assertThat(audit.count("action = ? and subject_index = ? and role = 'SYSTEM_ADMIN'", action, p.ref().subject())).as(action)
                    .isEqualTo(1);
        }
        assertThat(audit.count("subject_index = ? and (detail like '%推销电话%' or detail like '%追究%')", p.ref().subject())).isZero();
    }

    @Test
    void aClerkFilesAtTheWindowOnlyWithThePersonPresentAndSendsAWrongRecordToTheObjections() throws Exception {
        Person p = person();
        Authentication clerk = TestPrincipal.of(Role.CLERK, fixtures.department());
        String checked = body(post("/window/complaints/person").param("idNumber", p.number().value()).param("name", NAME), clerk);
        assertThat(checked.contains("id=\"complaint-form\"") && checked.contains(p.number().masked())).as("the form for the person").isTrue();
        assertThat(code(body(window(p, "AGENCY_MISCONDUCT", "机构违规"), clerk))).isEqualTo("WINDOW_PERSON_NOT_PRESENT");
        assertThat(code(body(window(p, "WRONG_RECORD", "记录有误").param("personPresent", "true"), clerk)))
                .isEqualTo("COMPLAINT_WRONG_RECORD_IS_OBJECTION");
        assertThat(code(body(post("/window/complaints/complaint").param("idNumber", p.number().value()).param("name", "别人")
                .param("kind", "AGENCY_MISCONDUCT").param("text", "x").param("personPresent", "true"), clerk))).isEqualTo("WINDOW_NAME_MISMATCH");
        assertThat(complaints.ofPerson(p.ref())).isEmpty();

        String page = body(window(p, "AGENCY_MISCONDUCT", "窗口代办：机构违规").param("personPresent", "true"), clerk);
        assertThat(page.contains("已登记投诉") && page.contains("窗口代办：机构违规")).as("filed and listed").isTrue();
        assertThat(complaints.ofPerson(p.ref())).singleElement().satisfies(c -> assertThat(c.channel()).isEqualTo(ComplaintChannel.WINDOW));
        assertThat(audit.count("action = 'complaints.window-file' and subject_index = ? and role = 'CLERK'", p.ref().subject()))
                .isEqualTo(1);
        assertThat(body(get("/home"), clerk)).contains("href=\"/window/complaints\"");
        assertThat(body(get("/home"), p.auth())).contains("href=\"/my/complaints\"");
        assertThat(body(get("/home"), TestPrincipal.of(Role.SYSTEM_ADMIN, fixtures.department()))).contains("href=\"/admin/complaints\"");
    }

    @Test
    void aDepartmentsReviewerAnswersTheCasesRoutedToItAndIsRefusedAnotherDepartments() throws Exception {
        clock.set(Instant.parse("2026-12-04T02:00:00Z")); // Friday 10:00 in the city
        Person p = person();
        String own = fixtures.department();
        String other = fixtures.department();
        Complaint ours = complaints.file(p.ref(), ComplaintKind.AGENCY_MISCONDUCT, "本部门办理的投诉内容", null);
        complaints.assign(ours.id(), DepartmentCode.of(own));
        Complaint theirs = complaints.file(p.ref(), ComplaintKind.DATA_MISUSE, "其他部门办理的保密内容", null);
        complaints.assign(theirs.id(), DepartmentCode.of(other));
        Authentication reviewer = TestPrincipal.of(Role.REVIEWER, own);

        String queue = body(get("/review/complaints"), reviewer);
        assertThat(queue).contains("本部门办理的投诉内容", p.ref().maskedId(), "id=\"acknowledge-" + ours.id() + "\"")
                .doesNotContain("其他部门办理的保密内容", "id=\"complaint-" + theirs.id() + "\"");
        assertThat(rowOf(queue, ours.id())).doesNotContain("overdue-row");

        // another department's case, or none: refused alike, nothing of it told
        for (String path : List.of("/review/complaints/" + theirs.id() + "/acknowledgement", "/review/complaints/" + theirs.id() + "/reply",
                "/review/complaints/999999999/acknowledgement")) {
            MvcResult refused = send(post(path).param("reply", "越权答复"), reviewer);
            assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/review/complaints");
            ChengxinException error = (ChengxinException) refused.getFlashMap().get("error");
            assertThat(error.code()).as(path).isEqualTo("COMPLAINT_NOT_OF_DEPARTMENT");
            assertThat(error.getMessage()).doesNotContain("保密内容", "数据", "泄露");
        }
        assertThat(complaints.get(theirs.id()).status()).isEqualTo(ComplaintStatus.RECEIVED);
        assertThat(complaints.get(theirs.id()).reply()).isNull();

        // past the acknowledgement deadline (two working days after a Friday): in red on the department's queue
        clock.set(Instant.parse("2026-12-09T01:00:00Z"));
        assertThat(rowOf(body(get("/review/complaints"), reviewer), ours.id())).contains("overdue-row", "已超期");
        assertThat(reviewRefusal("/review/complaints/" + ours.id() + "/reply", reviewer, "已处理")).isEqualTo("COMPLAINT_NOT_ACKNOWLEDGED");
        assertThat(reviewRefusal("/review/complaints/" + ours.id() + "/acknowledgement", reviewer, null)).isNull();
        assertThat(rowOf(body(get("/review/complaints"), reviewer), ours.id())).doesNotContain("overdue-row")
                .contains("id=\"reply-" + ours.id() + "\"");
        assertThat(reviewRefusal("/review/complaints/" + ours.id() + "/reply", reviewer, "  ")).isEqualTo("COMPLAINT_REPLY_REQUIRED");
        assertThat(reviewRefusal("/review/complaints/" + ours.id() + "/reply", reviewer, "经核查，已约谈该机构并责令其删除违规采集的信息"))
                .isNull();
        assertThat(reviewRefusal("/review/complaints/" + ours.id() + "/reply", reviewer, "再次答复")).isEqualTo("COMPLAINT_ALREADY_ANSWERED");

        Complaint answered = complaints.get(ours.id());
        assertThat(answered.status()).isEqualTo(ComplaintStatus.ANSWERED);
        assertThat(answered.reply()).isEqualTo("经核查，已约谈该机构并责令其删除违规采集的信息");
        awaitTrue(() -> inbox.unread(p.ref().subject()) == 1);
        assertThat(inbox.of(p.ref().subject(), 5).get(0).body()).contains("经核查，已约谈该机构并责令其删除违规采集的信息");
        assertThat(body(get("/my/complaints"), p.auth())).contains("已答复", "经核查，已约谈该机构并责令其删除违规采集的信息");
        assertThat(audit.count("action = 'complaints.answer' and subject_index = ? and role = 'REVIEWER'", p.ref().subject())).isEqualTo(1);
        assertThat(figuresOf(own)).isEqualTo(new Complaints.Figures(DepartmentCode.of(own), 1, 1, 0, 0));
        assertThat(body(get("/review/complaints"), TestPrincipal.of(Role.REVIEWER, other))).contains("其他部门办理的保密内容")
                .doesNotContain("本部门办理的投诉内容");
        assertThat(body(get("/home"), reviewer)).contains("href=\"/review/complaints\"");
    }

    @Test
    void aComplaintOfAnUnauthorizedQueryGoesToTheAuditorAndIsAnsweredWithTheFindingAndTheBlacklisting() throws Exception {
        clock.set(Instant.parse("2026-12-04T02:00:00Z")); // Friday 10:00 in the city
        Person p = person();
        String agency = "cagency-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "91430600" + String.format("C%08d", Math.floorMod(agency.hashCode(), 100_000_000));
        departments.register(agency, "岳阳投诉示例征信公司", DepartmentKind.CREDIT_AGENCY, body + UnifiedSocialCreditCode.checkCharacter(body),
                "430600");
        Http http = new Http(port);
        String token = http.token(fixtures.apiClientOf(agency, "reports:read"), Fixtures.PASSWORD, "reports:read");
        http.postJson("/api/v1/reports", token, "{\"idNumber\":\"" + p.number().value() + "\",\"basis\":\"AUTHORIZATION\",\"purpose\":\"营销\"}");
        QueryLog.Entry entry = queryLog.of(p.ref().subject(), Instant.now(clock).minus(Duration.ofDays(1))).stream()
                .filter(e -> DepartmentCode.of(agency).equals(e.departmentCode())).findFirst().orElseThrow();

        send(file("UNAUTHORIZED_QUERY", "该公司未经我授权查询我的信用报告").param("queryId", String.valueOf(entry.id())), p.auth());
        Complaint filed = complaints.ofPerson(p.ref()).get(0);
        assertThat(filed.queryId()).isEqualTo(entry.id());
        assertThat(complaints.findingOf(filed)).isEmpty();
        Authentication admin = TestPrincipal.of(Role.SYSTEM_ADMIN, fixtures.department());
        assertThat(rowOf(body(get("/admin/complaints"), admin), filed.id())).contains("id=\"refer-" + filed.id() + "\"")
                .doesNotContain("answer-with-finding-");
        assertThat(adminRefusal("/admin/complaints/" + filed.id() + "/acknowledgement", admin, null, null)).isNull();
        assertThat(adminRefusal("/admin/complaints/" + filed.id() + "/reply-with-finding", admin, null, null))
                .isEqualTo("COMPLAINT_FINDING_NONE");

        // the administrator puts the entry before the auditor: a flag naming it, once
        assertThat(adminRefusal("/admin/complaints/" + filed.id() + "/finding-referral", admin, null, null)).isNull();
        Complaints.Finding pending = complaints.findingOf(complaints.get(filed.id())).orElseThrow();
        assertThat(pending.recorded()).isFalse();
        assertThat(pending.queryId()).isEqualTo(entry.id());
        assertThat(complaints.referToAuditor(filed.id()).flagId()).as("asked again: the same flag").isEqualTo(pending.flagId());
        assertThat(rowOf(body(get("/admin/complaints"), admin), filed.id())).contains("待审计员认定").doesNotContain("id=\"refer-")
                .doesNotContain("answer-with-finding-");
        assertThat(adminRefusal("/admin/complaints/" + filed.id() + "/reply-with-finding", admin, null, null))
                .isEqualTo("COMPLAINT_FINDING_PENDING");
        Authentication auditor = TestPrincipal.of(Role.AUDITOR, fixtures.department());
        String flags = body(get("/audit/flags"), auditor);
        assertThat(flags).contains("id=\"flag-" + pending.flagId() + "\"", "当事人投诉");
        assertThat(flags.contains("该公司未经我授权") || flags.contains(p.number().value())).as("no complaint text, no full number").isFalse();

        // the auditor finds misuse and blacklists the agency, on their own page
        LocalDate until = LocalDate.now(clock.withZone(CITY)).plusYears(1);
        MvcResult closed = send(post("/audit/flags/" + pending.flagId() + "/close").param("verdict", "MISUSE")
                .param("note", "无授权查询个人信用报告用于营销").param("blacklist", "AGENCY").param("until", until.toString()), auditor);
        assertThat(closed.getFlashMap().get("error")).isNull();
        Complaints.Finding found = complaints.findingOf(complaints.get(filed.id())).orElseThrow();
        assertThat(found.misuse()).isTrue();
        assertThat(found.blacklisted()).isTrue();
        assertThat(rowOf(body(get("/admin/complaints"), admin), filed.id())).contains("违规使用", "无授权查询个人信用报告用于营销",
                "已列入信用服务机构黑名单", "id=\"answer-with-finding-" + filed.id() + "\"");
        assertThat(rowOf(body(get("/review/complaints"), TestPrincipal.of(Role.REVIEWER, agency)), filed.id()))
                .as("the department routed to sees the finding too").contains("违规使用");

        assertThat(adminRefusal("/admin/complaints/" + filed.id() + "/reply-with-finding", admin, null, null)).isNull();
        Complaint answered = complaints.get(filed.id());
        assertThat(answered.status()).isEqualTo(ComplaintStatus.ANSWERED);
        assertThat(answered.reply()).contains("违规使用", "无授权查询个人信用报告用于营销", "黑名单条目 #" + found.blacklistId());
        awaitTrue(() -> inbox.unread(p.ref().subject()) == 1);
        assertThat(inbox.of(p.ref().subject(), 5).get(0).body()).contains("违规使用", "信用服务机构黑名单");
        assertThat(body(get("/my/complaints"), p.auth())).contains("已答复", "认定为违规使用");
        assertThat(adminRefusal("/admin/complaints/" + filed.id() + "/finding-referral", admin, null, null))
                .isEqualTo("COMPLAINT_ALREADY_ANSWERED");
        assertThat(audit.count("action = 'complaints.refer-finding' and subject_index = ?", p.ref().subject())).isEqualTo(2);

        Complaint noQuery = complaints.file(p.ref(), ComplaintKind.AGENCY_MISCONDUCT, "机构违规", null);
        assertThat(adminRefusal("/admin/complaints/" + noQuery.id() + "/finding-referral", admin, null, null))
                .isEqualTo("COMPLAINT_NO_QUERY");
    }

    private record Person(IdNumber number, CitizenRef ref, Authentication auth) {
    }

    private Person person() {
        IdNumber number = fixtures.citizenWithAccount();
        register.register(number, NAME, "测试");
        CitizenRef ref = citizens.find(number).orElseThrow();
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
        return new Person(number, ref, UsernamePasswordAuthenticationToken.authenticated(new Citizen(number.masked(), ref.id()), null,
                List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"))));
    }

    /** A department system asks for the person's credit status: one entry in their query log, with the department. */
    private QueryLog.Entry queriedBy(String department, Person p) {
        Http http = new Http(port);
        String token = http.token(fixtures.apiClientOf(department, "reports:read"), Fixtures.PASSWORD, "reports:read");
        Http.Response answer = http.postJson("/api/v1/credit-status", token,
                "{\"idNumber\":\"" + p.number().value() + "\",\"purpose\":\"行政审批核查\"}");
        assertThat(answer.status()).isEqualTo(200);
        return queryLog.of(p.ref().subject(), Instant.now(clock).minus(Duration.ofDays(1))).stream()
                .filter(e -> DepartmentCode.of(department).equals(e.departmentCode())).findFirst().orElseThrow();
    }

    private static MockHttpServletRequestBuilder file(String kind, String text) {
        return post("/my/complaints").param("kind", kind).param("text", text);
    }

    private static MockHttpServletRequestBuilder window(Person p, String kind, String text) {
        return post("/window/complaints/complaint").param("idNumber", p.number().value()).param("name", NAME).param("kind", kind)
                .param("text", text);
    }

    /** The code of the refusal shown on the person's form (the page answers 200 and keeps what was typed). */
    private String refusal(MockHttpServletRequestBuilder request, Person p) throws Exception {
        return code(body(request, p.auth()));
    }

    private String adminRefusal(String path, Authentication admin, String param, String value) throws Exception {
        MockHttpServletRequestBuilder request = post(path);
        if (param != null) {
            request.param(param, value);
        }
        MvcResult result = send(request, admin);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/complaints");
        Object error = result.getFlashMap().get("error");
        return error == null ? null : ((ChengxinException) error).code();
    }

    private String reviewRefusal(String path, Authentication reviewer, String reply) throws Exception {
        MockHttpServletRequestBuilder request = post(path);
        if (reply != null) {
            request.param("reply", reply);
        }
        MvcResult result = send(request, reviewer);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/review/complaints");
        Object error = result.getFlashMap().get("error");
        return error == null ? null : ((ChengxinException) error).code();
    }

    private static String code(String page) {
        int at = page.indexOf("id=\"form-error\"");
        if (at < 0) {
            return null;
        }
        int start = page.indexOf("data-code=\"", at) + "data-code=\"".length();
        return page.substring(start, page.indexOf('"', start));
    }

    private Complaints.Figures figuresOf(String department) {
        return complaints.figures().stream().filter(f -> DepartmentCode.of(department).equals(f.departmentCode())).findFirst()
                .orElseThrow();
    }

    private static String rowOf(String page, long id) {
        int at = page.indexOf("id=\"complaint-" + id + "\"");
        assertThat(at).as("row of complaint " + id).isPositive();
        int start = page.lastIndexOf("<tr", at);
        return page.substring(start, page.indexOf("</tr>", at));
    }

    private MvcResult send(MockHttpServletRequestBuilder request, Authentication who) throws Exception {
        return mvc.perform(request.with(authentication(who)).with(csrf())).andReturn();
    }

    private String body(MockHttpServletRequestBuilder request, Authentication who) throws Exception {
        MvcResult result = send(request, who);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for the inbox").isBefore(until);
            Thread.sleep(50);
        }
    }
}
