package org.chengxin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.inquiry.domain.Authorization;
import org.chengxin.inquiry.domain.ReportScope;
import org.chengxin.lists.AgencyBlacklist;
import org.chengxin.lists.AgencyListing;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.organization.UnifiedSocialCreditCode;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each kind of query allowed and refused, every refusal in the query log; the report only within the
 * requester's scope, never a revoked or expired record; a blacklisted credit agency refused; the person
 * reads a clerk's query of them.
 */
@ChengxinIntegrationTest
class InquiryIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    Records records;

    @Autowired
    CreditReports reports;

    @Autowired
    Authorizations authorizations;

    @Autowired
    QueryLog log;

    @Autowired
    AgencyBlacklist blacklist;

    @Autowired
    Departments departments;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A registered person with a public serious record, an authorized-query good record and a government-only minor one. */
    private IdNumber personWithThreeScopes(Http http) {
        IdNumber person = fixtures.syntheticIdNumber();
        register.register(person, "名单测试", "测试");
        SeriousDishonestyListAccess.push(http, http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write"),
                person, "inq-tax-" + UUID.randomUUID());
        LocalDate decided = LocalDate.now(clock).minusDays(20);
        SeriousDishonestyListAccess.pushBody(http, http.token(fixtures.apiClientOf("tsw", "records:write"), Fixtures.PASSWORD, "records:write"),
                "{\"records\":[{\"sourceId\":\"inq-vol-" + UUID.randomUUID() + "\",\"itemCode\":\"YY-VL-002\",\"idNumber\":\""
                        + person.value() + "\",\"name\":\"名单测试\",\"decisionDate\":\"" + decided + "\",\"documentNumber\":\"岳团志〔2026〕5号\","
                        + "\"content\":{\"serviceHours\":\"120\",\"organizationName\":\"岳阳市青年志愿者协会\"}}]}");
        SeriousDishonestyListAccess.pushBody(http, http.token(fixtures.apiClientOf("cgj", "records:write"), Fixtures.PASSWORD, "records:write"),
                "{\"records\":[{\"sourceId\":\"inq-minor-" + UUID.randomUUID() + "\",\"itemCode\":\"YY-GN-003\",\"idNumber\":\""
                        + person.value() + "\",\"name\":\"名单测试\",\"decisionDate\":\"" + decided + "\",\"documentNumber\":\"岳城管罚〔2026〕7号\","
                        + "\"content\":{\"penaltyType\":\"警告\",\"facts\":\"占道经营\",\"authority\":\"城市管理局\"}}]}");
        return person;
    }

    private static List<String> items(CreditReport r) {
        List<String> all = new ArrayList<>();
        r.goodCredit().forEach(l -> all.add(l.itemCode()));
        r.dishonesty().forEach(l -> all.add(l.itemCode()));
        r.other().forEach(l -> all.add(l.itemCode()));
        return all;
    }

    @Test
    void theScopeDecidesWhatTheReportShows() throws Exception {
        Http http = new Http(port);
        IdNumber person = personWithThreeScopes(http);
        SubjectKey subject = citizens.subjectKeyOf(person);

        CreditReport self = reports.atWindow(person, true, null, "本人办理贷款");
        assertThat(self.scope()).isEqualTo("SELF");
        assertThat(items(self)).contains("YY-TX-001", "YY-VL-002", "YY-GN-003");
        assertThat(self.subject().name()).isEqualTo("名单测试");
        assertThat(self.subject().maskedIdNumber()).isEqualTo(person.masked());
        assertThat(self.dishonesty().get(0).severity()).isEqualTo("严重");
        assertThat(self.dishonesty().get(0).legalBasis()).isNotBlank();
        assertThat(self.dishonesty().get(0).lastDisclosed()).isAfter(LocalDate.now(clock));
        assertThat(self.reportNumber()).startsWith("YYXY");
        assertThat(self.verificationCode()).hasSize(12);
        // the content hash is that of the report without it, as stored for verification
        var unhashed = new CreditReport(self.reportNumber(), self.issuedAt(), self.validUntil(), self.verificationCode(), self.scope(),
                self.scopeLabel(), self.subject(), self.requester(), self.summary(), self.goodCredit(), self.dishonesty(), self.other(),
                self.queryLog(), null);
        byte[] canonical = JsonMapper.builder().build().writeValueAsBytes(unhashed);
        assertThat(self.contentHash()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical)));

        Authorization publicOnly = authorizations.grant(subject, "岳阳示例银行", null, "个人贷款审查", ReportScope.PUBLIC,
                LocalDate.now(clock).plusMonths(1));
        CreditReport bank = reports.atWindow(person, false, publicOnly.id(), "个人贷款审查");
        assertThat(items(bank)).contains("YY-TX-001").doesNotContain("YY-VL-002", "YY-GN-003");
        assertThat(bank.requester().organization()).isEqualTo("岳阳示例银行");
        assertThat(bank.requester().authorization()).contains("在线授权 #" + publicOnly.id());

        Authorization wider = authorizations.grant(subject, "岳阳示例人力资源公司", null, "入职背景调查", ReportScope.AUTHORIZED,
                LocalDate.now(clock).plusMonths(1));
        assertThat(items(reports.atWindow(person, false, wider.id(), "入职背景调查"))).contains("YY-TX-001", "YY-VL-002")
                .doesNotContain("YY-GN-003");

        // a department for its duties over the API sees the government-shared item too
        String token = http.token(fixtures.apiClientOf("rsj", "reports:read"), Fixtures.PASSWORD, "reports:read");
        Http.Response duty = http.postJson("/api/v1/reports", token, "{\"idNumber\":\"" + person.value()
                + "\",\"basis\":\"DUTY\",\"duty\":\"公务员录用考察（《公务员法》第三十二条）\",\"purpose\":\"录用考察\"}");
        assertThat(duty.status()).isEqualTo(200);
        assertThat(duty.json().get("scope").asString()).isEqualTo("GOVERNMENT");
        assertThat(duty.body()).contains("YY-GN-003").contains(person.masked()).doesNotContain(person.value());
        Http.Response pdf = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports/pdf"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"idNumber\":\"" + person.value()
                        + "\",\"basis\":\"DUTY\",\"duty\":\"公务员录用考察\",\"purpose\":\"录用考察\"}")));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).get().asString().contains(".pdf");
    }

    @Test
    void revokedAndExpiredRecordsNeverAppear() {
        Http http = new Http(port);
        IdNumber person = personWithThreeScopes(http);
        SubjectKey subject = citizens.subjectKeyOf(person);
        CreditRecord tax = records.allFor(subject).stream().filter(r -> r.itemCode().equals("YY-TX-001")).findFirst().orElseThrow();
        records.revoke(tax.id(), DepartmentCode.of("swj"), "复议撤销");
        CreditRecord minor = records.allFor(subject).stream().filter(r -> r.itemCode().equals("YY-GN-003")).findFirst().orElseThrow();

        assertThat(items(reports.atWindow(person, true, null, "本人查询"))).doesNotContain("YY-TX-001").contains("YY-GN-003");
        // a repaired record (信用修复, through the record's lifecycle) is gone at once as well
        CreditRecord volunteer = records.allFor(subject).stream().filter(r -> r.itemCode().equals("YY-VL-002")).findFirst().orElseThrow();
        records.markRepaired(volunteer.id(), "信用修复");
        assertThat(items(reports.atWindow(person, true, null, "本人查询"))).doesNotContain("YY-TX-001", "YY-VL-002").contains("YY-GN-003");
        clock.advance(Duration.between(LocalDate.now(clock).atStartOfDay(), minor.expiresOn().atStartOfDay()).plusHours(1));
        CreditReport later = reports.atWindow(person, true, null, "本人查询");
        assertThat(items(later)).doesNotContain("YY-TX-001", "YY-GN-003");
    }

    @Test
    void queriesWithoutAValidAuthorizationOrPurposeAreRefusedAndLogged() {
        Http http = new Http(port);
        IdNumber person = personWithThreeScopes(http);
        SubjectKey subject = citizens.subjectKeyOf(person);
        Instant start = clock.instant().minusSeconds(1);

        assertCode(() -> reports.atWindow(person, false, null, "贷款审查"), "INQUIRY_AUTHORIZATION_REQUIRED");
        assertCode(() -> reports.atWindow(person, false, 999_999_999L, "贷款审查"), "INQUIRY_AUTHORIZATION_NOT_FOUND");
        assertCode(() -> reports.atWindow(person, true, null, " "), "INQUIRY_PURPOSE_REQUIRED");
        Authorization a = authorizations.grant(subject, "岳阳示例银行", null, "贷款审查", ReportScope.PUBLIC, LocalDate.now(clock).plusDays(3));
        authorizations.withdraw(a.id(), subject, "不再办理");
        assertCode(() -> reports.atWindow(person, false, a.id(), "贷款审查"), "INQUIRY_AUTHORIZATION_INVALID");
        Authorization b = authorizations.grant(subject, "岳阳示例银行", null, "贷款审查", ReportScope.PUBLIC, LocalDate.now(clock).plusDays(3));
        clock.advance(Duration.ofDays(4));
        assertCode(() -> reports.atWindow(person, false, b.id(), "贷款审查"), "INQUIRY_AUTHORIZATION_INVALID");

        List<QueryLog.Entry> logged = log.of(subject, start);
        assertThat(logged).hasSize(5).allMatch(QueryLog.Entry::refused);
        assertThat(logged).extracting(QueryLog.Entry::refusalCode).contains("INQUIRY_AUTHORIZATION_REQUIRED",
                "INQUIRY_AUTHORIZATION_NOT_FOUND", "INQUIRY_AUTHORIZATION_INVALID", "INQUIRY_PURPOSE_REQUIRED");
        assertThat(audit.count("action = 'inquiry.query' and outcome = 'DENIED' and subject_index = ?", subject)).isEqualTo(5);

        // a department system must name its duty; an organization needs an authorization granted to it
        String token = http.token(fixtures.apiClientOf("rsj", "reports:read"), Fixtures.PASSWORD, "reports:read");
        Http.Response noDuty = http.postJson("/api/v1/reports", token, "{\"idNumber\":\"" + person.value() + "\",\"basis\":\"DUTY\",\"purpose\":\"考察\"}");
        assertThat(noDuty.status()).isEqualTo(400);
        assertThat(noDuty.json().get("code").asString()).isEqualTo("INQUIRY_DUTY_REQUIRED");
        Authorization toBank = authorizations.grant(subject, "测试银行", null, "贷款", ReportScope.PUBLIC, LocalDate.now(clock).plusDays(3));
        Http.Response notOurs = http.postJson("/api/v1/reports", token, "{\"idNumber\":\"" + person.value()
                + "\",\"basis\":\"AUTHORIZATION\",\"authorizationId\":" + toBank.id() + ",\"purpose\":\"考察\"}");
        assertThat(notOurs.status()).as("an authorization naming no platform organization is for a window, not for this system")
                .isEqualTo(404);
        assertThat(notOurs.json().get("code").asString()).isEqualTo("INQUIRY_AUTHORIZATION_NOT_FOUND");
        assertThat(http.postJson("/api/v1/reports", token, "{\"idNumber\":\"" + person.value() + "\",\"basis\":\"GUESS\",\"purpose\":\"考察\"}")
                .json().get("code").asString()).isEqualTo("INQUIRY_BASIS_INVALID");
        assertThat(log.of(subject, start)).filteredOn(e -> "INQUIRY_DUTY_REQUIRED".equals(e.refusalCode())).hasSize(1);
    }

    @Test
    void aBlacklistedCreditAgencyIsRefusedEvenWithAnAuthorization() {
        Http http = new Http(port);
        IdNumber person = personWithThreeScopes(http);
        SubjectKey subject = citizens.subjectKeyOf(person);
        String agency = "agency-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "91430600" + String.format("A%08d", Math.floorMod(agency.hashCode(), 100_000_000));
        departments.register(agency, "岳阳示例征信测试公司", DepartmentKind.CREDIT_AGENCY, body + UnifiedSocialCreditCode.checkCharacter(body),
                "430600");
        String token = http.token(fixtures.apiClientOf(agency, "reports:read"), Fixtures.PASSWORD, "reports:read");
        Authorization a = authorizations.grant(subject, "岳阳示例征信测试公司", agency, "个人信用评估", ReportScope.AUTHORIZED,
                LocalDate.now(clock).plusMonths(2));
        String request = "{\"idNumber\":\"" + person.value() + "\",\"basis\":\"AUTHORIZATION\",\"authorizationId\":" + a.id()
                + ",\"purpose\":\"个人信用评估\"}";

        Http.Response allowed = http.postJson("/api/v1/reports", token, request);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().get("scope").asString()).isEqualTo("AUTHORIZED");

        LocalDate today = LocalDate.now(clock);
        blacklist.add(new AgencyListing.Request(agency, null, "超范围采集和使用个人信息", "岳发改信〔2026〕3号",
                "《征信业管理条例》第四十条", today, today.plusYears(1)));
        Http.Response refused = http.postJson("/api/v1/reports", token, request);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("INQUIRY_AGENCY_BLACKLISTED");
        assertThat(log.of(subject, Instant.EPOCH)).filteredOn(e -> "INQUIRY_AGENCY_BLACKLISTED".equals(e.refusalCode())).hasSize(1);
    }

    @Test
    void thePersonReadsTheClerksQueryOfThemAndTheirOwn() {
        Http http = new Http(port);
        IdNumber person = fixtures.citizenWithAccount();
        register.register(person, "自查测试", "测试");
        SubjectKey subject = citizens.subjectKeyOf(person);
        long subjectId = citizens.find(person).orElseThrow().id();

        CreditReport window = reports.atWindow(person, true, null, "办理公积金贷款");
        CreditReport mine = reports.ofMyself(subjectId, null);
        assertThat(mine.scope()).isEqualTo("SELF");
        assertThat(mine.queryLog()).extracting(CreditReport.QueryLine::kind).contains("窗口查询", "本人查询");
        assertThat(mine.queryLog()).filteredOn(q -> q.kind().equals("窗口查询")).singleElement()
                .satisfies(q -> assertThat(q.purpose()).isEqualTo("办理公积金贷款"));
        assertThat(log.of(subject, Instant.EPOCH)).extracting(QueryLog.Entry::reportNumber)
                .contains(window.reportNumber(), mine.reportNumber());
        assertThat(reports.issuedToMe(window.reportNumber())).as("the window report, to the one who issued it").isPresent();
        assertThat(reports.issuedToMe(mine.reportNumber())).as("a report about oneself is found only by that person").isEmpty();
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
        var context = SecurityContextHolder.getContext();
        try {
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    new Citizen(person.masked(), subjectId), null, List.of()));
            assertThat(reports.issuedToMe(mine.reportNumber())).isPresent();
            long someoneElse = citizens.enroll(fixtures.syntheticIdNumber()).id();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    new Citizen(person.masked(), someoneElse), null, List.of()));
            assertThat(reports.issuedToMe(mine.reportNumber())).as("the same masked number, another person").isEmpty();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void paperAuthorizationsNeedARealScanAndAreAttested() {
        IdNumber person = fixtures.syntheticIdNumber();
        byte[] pdf = "%PDF-1.4\n% synthetic scan\n".getBytes();
        assertCode(() -> authorizations.recordPaper(person, "银行", null, "贷款", ReportScope.PUBLIC, LocalDate.now(clock).plusDays(5),
                new byte[0], "a.pdf", "application/pdf"), "INQUIRY_SCAN_REQUIRED");
        assertCode(() -> authorizations.recordPaper(person, "银行", null, "贷款", ReportScope.PUBLIC, LocalDate.now(clock).plusDays(5),
                "not a scan".getBytes(), "a.txt", "text/plain"), "INQUIRY_SCAN_TYPE");
        assertCode(() -> authorizations.grant(citizens.subjectKeyOf(person), "银行", null, "贷款", ReportScope.GOVERNMENT,
                LocalDate.now(clock).plusDays(5)), "INQUIRY_SCOPE_INVALID");
        assertCode(() -> authorizations.grant(citizens.subjectKeyOf(person), "银行", null, "贷款", ReportScope.PUBLIC,
                LocalDate.now(clock).plusYears(2)), "INQUIRY_VALIDITY_INVALID");
        assertCode(() -> authorizations.grant(citizens.subjectKeyOf(person), "", null, "贷款", ReportScope.PUBLIC,
                LocalDate.now(clock).plusDays(2)), "INQUIRY_GRANTEE_REQUIRED");
        // a grantee code no organization can have is refused like one no organization has
        for (String code : new String[] {"no-such-org", "ZXJG", "征信公司", "z"}) {
            assertCode(() -> authorizations.grant(citizens.subjectKeyOf(person), "银行", code, "贷款", ReportScope.PUBLIC,
                    LocalDate.now(clock).plusDays(2)), "INQUIRY_GRANTEE_UNKNOWN");
        }
        // a paper authorization is recorded by a window clerk of a department, who attests it
        assertCode(() -> authorizations.recordPaper(person, "银行", null, "贷款", ReportScope.PUBLIC, LocalDate.now(clock).plusDays(5),
                pdf, "授权书.pdf", "application/pdf"), "INQUIRY_CLERK_REQUIRED");
    }

    private static void assertCode(ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(ChengxinException.class).extracting("code").isEqualTo(code);
    }
}
