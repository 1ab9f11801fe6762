package org.chengxin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chengxin.identity.Citizens;
import org.chengxin.inquiry.domain.Authorization;
import org.chengxin.inquiry.domain.ReportScope;
import org.chengxin.lists.AgencyBlacklist;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.organization.UnifiedSocialCreditCode;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The review rules over the real query log on a moved clock, and a misuse finding that blacklists a credit agency. */
@ChengxinIntegrationTest
class QueryReviewIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    CreditReports reports;

    @Autowired
    Authorizations authorizations;

    @Autowired
    QueryReview review;

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

    private QueryReview.Flag flagOf(String rule, long queryId) {
        return review.flags(1000).stream().filter(f -> f.rule().equals(rule) && f.queryIds().contains(queryId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " flag for query " + queryId));
    }

    @Test
    void aSaturdayNightQueryIsFlaggedOnceAndClosedAsJustified() {
        clock.set(LocalDateTime.of(2026, 11, 28, 23, 10).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        IdNumber person = fixtures.syntheticIdNumber();
        CreditReport report = reports.atWindow(person, true, null, "夜间应急办理");
        long queryId = log.of(citizens.subjectKeyOf(person), Instant.EPOCH).stream()
                .filter(e -> report.reportNumber().equals(e.reportNumber())).findFirst().orElseThrow().id();

        assertThat(review.scan()).isPositive();
        QueryReview.Flag flag = flagOf("OFF_HOURS", queryId);
        assertThat(flag.open()).isTrue();
        assertThat(flag.ruleLabel()).isEqualTo("非工作时间查询");
        review.scan();
        assertThat(review.flags(1000).stream().filter(f -> f.rule().equals("OFF_HOURS") && f.queryIds().contains(queryId))).as("scanning again raises no second flag").hasSize(1);

        assertThatThrownBy(() -> review.close(flag.id(), false, " ", null, false)).isInstanceOf(ChengxinException.class)
                .extracting("code").isEqualTo("INQUIRY_FLAG_NOTE_REQUIRED");
        QueryReview.Flag closed = review.close(flag.id(), false, "值班应急办理，经科室负责人批准", null, false);
        assertThat(closed.status()).isEqualTo("JUSTIFIED");
        assertThat(audit.count("action = 'inquiry.flag-close' and detail like ?", "%#" + flag.id() + "（%")).isEqualTo(1);
        assertThatThrownBy(() -> review.close(flag.id(), true, "再次处理", null, false)).extracting("code").isEqualTo("INQUIRY_FLAG_CLOSED");
    }

    @Test
    void aMisuseFindingPutsTheCreditAgencyOnTheBlacklistAndItsQueriesAreRefused() {
        clock.set(LocalDateTime.of(2026, 11, 25, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        String agency = "agency-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "91430600" + String.format("R%08d", Math.floorMod(agency.hashCode(), 100_000_000));
        departments.register(agency, "岳阳示例征信审查公司", DepartmentKind.CREDIT_AGENCY, body + UnifiedSocialCreditCode.checkCharacter(body),
                "430600");
        String token = http.token(fixtures.apiClientOf(agency, "reports:read"), Fixtures.PASSWORD, "reports:read");

        // the agency asks without an authorization: refused, logged, flagged
        Http.Response refused = http.postJson("/api/v1/reports", token, "{\"idNumber\":\"" + person.value()
                + "\",\"basis\":\"AUTHORIZATION\",\"purpose\":\"营销\"}");
        assertThat(refused.json().get("code").asString()).isEqualTo("INQUIRY_AUTHORIZATION_REQUIRED");
        long queryId = log.of(subject, Instant.EPOCH).get(0).id();
        review.scan();
        QueryReview.Flag flag = flagOf("REFUSED_NO_AUTHORIZATION", queryId);

        LocalDate until = LocalDate.now(clock).plusYears(1);
        QueryReview.Flag misuse = review.close(flag.id(), true, "无授权批量查询个人信用信息用于营销", until, false);
        assertThat(misuse.status()).isEqualTo("MISUSE");
        assertThat(misuse.blacklistId()).isNotNull();
        assertThat(blacklist.isBlacklisted(agency)).isTrue();

        Authorization a = authorizations.grant(subject, "岳阳示例征信审查公司", agency, "信用评估", ReportScope.PUBLIC, until.minusMonths(6));
        Http.Response after = http.postJson("/api/v1/reports", token, "{\"idNumber\":\"" + person.value()
                + "\",\"basis\":\"AUTHORIZATION\",\"authorizationId\":" + a.id() + ",\"purpose\":\"信用评估\"}");
        assertThat(after.status()).isEqualTo(403);
        assertThat(after.json().get("code").asString()).isEqualTo("INQUIRY_AGENCY_BLACKLISTED");

        // a government department cannot be blacklisted through a flag
        IdNumber other = fixtures.syntheticIdNumber();
        assertThatThrownBy(() -> reports.atWindow(other, false, null, "核查")).isInstanceOf(ChengxinException.class);
        review.scan();
        long otherQuery = log.of(citizens.subjectKeyOf(other), Instant.EPOCH).get(0).id();
        QueryReview.Flag window = flagOf("REFUSED_NO_AUTHORIZATION", otherQuery);
        assertThatThrownBy(() -> review.close(window.id(), true, "违规", until, false)).extracting("code")
                .isEqualTo("INQUIRY_FLAG_NOT_AN_AGENCY");
    }

    @Autowired
    WebApplicationContext context;

    @Test
    void theAuditorReviewsFlagsOnTheirPage() throws Exception {
        clock.set(LocalDateTime.of(2026, 11, 29, 6, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        IdNumber person = fixtures.syntheticIdNumber();
        reports.atWindow(person, true, null, "清晨办理");
        var mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
        var auditor = SecurityMockMvcRequestPostProcessors.authentication(
                TestPrincipal.of(Role.AUDITOR, "fgw"));
        var csrf = SecurityMockMvcRequestPostProcessors.csrf();

        mvc.perform(MockMvcRequestBuilders.post("/audit/flags/scan").with(auditor).with(csrf));
        long queryId = log.of(citizens.subjectKeyOf(person), Instant.EPOCH).get(0).id();
        QueryReview.Flag flag = flagOf("OFF_HOURS", queryId);
        String page = mvc.perform(MockMvcRequestBuilders.get("/audit/flags").with(auditor))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("非工作时间查询").contains("待审查").doesNotContain(person.value());

        var noVerdict = mvc.perform(MockMvcRequestBuilders.post("/audit/flags/" + flag.id() + "/close")
                .param("note", "值班").with(auditor).with(csrf)).andReturn();
        assertThat(((ChengxinException) noVerdict.getFlashMap().get("error")).code()).isEqualTo("INQUIRY_FLAG_VERDICT_REQUIRED");
        var done = mvc.perform(MockMvcRequestBuilders.post("/audit/flags/" + flag.id() + "/close")
                .param("verdict", "JUSTIFIED").param("note", "值班窗口提前开放，经批准").with(auditor).with(csrf)).andReturn();
        assertThat(done.getFlashMap().get("notice")).asString().contains("正当使用");
        assertThat(review.flags(1000).stream().filter(f -> f.id() == flag.id()).findFirst().orElseThrow().status()).isEqualTo("JUSTIFIED");
    }

    @Test
    void manyPeopleInAnHourAndTheSamePersonAgainAndAgainOnAMovedClock() {
        Instant start = LocalDateTime.of(2026, 11, 24, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        // 21 different people at a window within 42 minutes, by the same (system) clerk
        clock.set(start);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            IdNumber someone = fixtures.syntheticIdNumber();
            CreditReport r = reports.atWindow(someone, true, null, "集中办理");
            ids.add(log.of(citizens.subjectKeyOf(someone), Instant.EPOCH).stream()
                    .filter(e -> r.reportNumber().equals(e.reportNumber())).findFirst().orElseThrow().id());
            clock.advance(Duration.ofMinutes(2));
        }
        // the same person five times in five days
        IdNumber again = fixtures.syntheticIdNumber();
        List<Long> repeated = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.set(start.plus(Duration.ofDays(i)).plus(Duration.ofHours(2)));
            CreditReport r = reports.atWindow(again, true, null, "反复核查");
            repeated.add(log.of(citizens.subjectKeyOf(again), Instant.EPOCH).stream()
                    .filter(e -> r.reportNumber().equals(e.reportNumber())).findFirst().orElseThrow().id());
        }
        review.scan();
        assertThat(review.flags(5000)).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("MANY_PEOPLE");
            assertThat(f.queryIds()).containsAll(ids);
        });
        assertThat(review.flags(5000)).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("REPEATED");
            assertThat(f.queryIds()).containsExactlyElementsOf(repeated);
        });
    }
}
