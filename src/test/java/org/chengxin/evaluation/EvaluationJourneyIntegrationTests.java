package org.chengxin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.chengxin.evaluation.domain.Evaluation;
import org.chengxin.evaluation.domain.Grade;
import org.chengxin.identity.Citizens;
import org.chengxin.lists.Decision;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.lists.ListEntry;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * One synthetic person through an honour, a serious record, its correction, its revocation and the
 * honour's expiry: points, grade and history after each step, all through the real push path.
 */
@ChengxinIntegrationTest
class EvaluationJourneyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Scores scores;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    MutableClock clock;

    @Autowired
    SeriousDishonestyList seriousDishonesty;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void pointsGradeAndHistoryFollowEveryChangeOfTheRecords() throws Exception {
        Http http = new Http(port);
        String morals = http.token(fixtures.apiClientOf("wmb", "records:write"), Fixtures.PASSWORD, "records:write");
        String tax = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        LocalDate honoured = LocalDate.now(clock).minusMonths(35);

        push(http, morals, record("honour-" + UUID.randomUUID(), "YY-GN-004", person, honoured,
                "\"honourTitle\":\"岳阳市诚信道德模范\",\"awardingAuthority\":\"市文明委\""));
        assertScore(subject, 1030, Grade.AA);

        String evasion = "tax-" + UUID.randomUUID();
        String evasionContent = "\"facts\":\"少缴税款\",\"penaltyResult\":\"追缴并罚款\",\"evadedAmount\":\"52000\",\"authority\":\"税务局\"";
        push(http, tax, record(evasion, "YY-TX-001", person, LocalDate.now(clock).minusDays(20), evasionContent));
        assertScore(subject, 880, Grade.B);
        Evaluation explained = scores.explain(subject);
        assertThat(explained.lines()).extracting(Evaluation.Line::points).containsExactly(30, -150);
        assertThat(explained.lines().get(1).legalBasis()).contains("税收征收管理法");

        // the serious record makes the person a candidate; the tax office's reviewer lists them
        long taxRecordId = records.allFor(subject).stream().filter(r -> r.sourceId().equals(evasion)).findFirst().orElseThrow().id();
        assertThat(seriousDishonesty.candidates(DepartmentCode.of("swj"))).anyMatch(c -> c.subject().equals(subject));
        ListEntry listed = SeriousDishonestyListAccess.listed(seriousDishonesty, DepartmentCode.of("swj"), new Decision(subject, "岳税认〔2026〕31号",
                "《中华人民共和国税收征收管理法》第六十三条", "偷税数额较大", LocalDate.now(clock), LocalDate.now(clock).plusYears(1),
                List.of(taxRecordId)));
        assertThat(seriousDishonesty.activeFor(subject)).extracting(ListEntry::id).containsExactly(listed.id());

        push(http, tax, record(evasion, "YY-TX-001", person, LocalDate.now(clock).minusDays(20),
                evasionContent.replace("52000", "48000")));
        assertScore(subject, 880, Grade.B);
        assertThat(seriousDishonesty.activeFor(subject)).as("a correction keeps the entry").hasSize(1);

        long evasionId = records.allFor(subject).stream().filter(r -> r.sourceId().equals(evasion)).findFirst().orElseThrow().id();
        assertThat(http.postJson("/api/v1/records/" + evasionId + "/revocation", tax, "{\"reason\":\"复议撤销原处罚决定\"}").status())
                .isEqualTo(200);
        assertScore(subject, 1030, Grade.AA);
        assertThat(seriousDishonesty.activeFor(subject)).as("the revocation ends the entry").isEmpty();
        assertThat(seriousDishonesty.ofDepartment(DepartmentCode.of("swj")).stream().filter(e -> e.id() == listed.id()).findFirst().orElseThrow().endReason())
                .contains("撤销");

        clock.advance(Duration.ofDays(40));
        assertThat(scores.explain(subject).points()).as("the honour no longer counts, even before the nightly job").isEqualTo(1000);
        records.expireDue();
        assertScore(subject, 1000, Grade.A);

        assertThat(scores.historyOf(subject)).extracting(GradeChange::oldGrade, GradeChange::newGrade).containsExactly(
                Tuple.tuple(null, "AA"),
                Tuple.tuple("AA", "B"),
                Tuple.tuple("B", "AA"),
                Tuple.tuple("AA", "A"));
        assertThat(scores.historyOf(subject).get(1).recordId()).isEqualTo(evasionId);

        String page = mvc().perform(MockMvcRequestBuilders.get("/my/credit")
                        .with(SecurityMockMvcRequestPostProcessors
                                .authentication(citizen(person))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<strong id=\"my-grade\">A</strong>").contains("<strong id=\"my-points\">1000</strong>")
                .contains("AA").contains(person.masked());
        assertThat(page.contains(person.value())).as("the full number is not on the page").isFalse();
    }

    @Autowired
    WebApplicationContext context;

    private MockMvc mvc() {
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    /** A logged-in citizen, as the login would make one. */
    private Authentication citizen(IdNumber person) {
        long subjectId = citizens.find(person).orElseThrow().id();
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
        return UsernamePasswordAuthenticationToken.authenticated(
                new Citizen(person.masked(), subjectId), null,
                List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
    }

    private void assertScore(SubjectKey subject, int points, Grade grade) {
        scores.recomputePending(10_000);
        Score score = scores.scoreOf(subject).orElseThrow();
        assertThat(score.points()).isEqualTo(points);
        assertThat(score.grade()).isEqualTo(grade);
    }

    private static String record(String source, String item, IdNumber person, LocalDate decided, String content) {
        return "{\"records\":[{\"sourceId\":\"" + source + "\",\"itemCode\":\"" + item + "\",\"idNumber\":\"" + person.value()
                + "\",\"name\":\"评价测试\",\"decisionDate\":\"" + decided + "\",\"documentNumber\":\"文" + source.hashCode()
                + "\",\"content\":{" + content + "}}]}";
    }

    private static void push(Http http, String token, String body) {
        Http.Response accepted = http.postJson("/api/v1/record-batches", token, body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode report = http.awaitBatch(token, accepted.json().get("id").asLong());
        assertThat(report.get("rejected").asInt()).as(report.toString()).isZero();
    }
}
