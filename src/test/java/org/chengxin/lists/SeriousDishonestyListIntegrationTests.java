package org.chengxin.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.chengxin.identity.Citizens;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.time.WorkingCalendar;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The machine proposes, a reviewer decides, and the entry ends with its records or its period. */
@ChengxinIntegrationTest
class SeriousDishonestyListIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSeriousTaxRecordIsProposedAReviewerListsThePersonAndRevokingTheRecordEndsTheEntry() {
        Http http = new Http(port);
        String tax = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        push(http, tax, person, "tax-" + UUID.randomUUID());
        CreditRecord record = records.allFor(subject).get(0);

        List<Candidate> candidates = list.candidates(DepartmentCode.of("swj"));
        Candidate candidate = candidates.stream().filter(c -> c.subject().equals(subject)).findFirst().orElseThrow();
        assertThat(candidate.maskedId()).isEqualTo(person.masked());
        assertThat(candidate.proposals()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("CATEGORY");
            assertThat(p.reason()).contains("偷逃税款");
            assertThat(p.recordIds()).containsExactly(record.id());
        });

        LocalDate today = LocalDate.now(clock);
        assertRefused(new Decision(subject, "", "《税收征收管理法》第六十三条", "偷税数额较大", today, today.plusYears(1), List.of(record.id())),
                "LIST_DECISION_INCOMPLETE");
        assertRefused(new Decision(subject, "岳税认〔2026〕1号", "《税收征收管理法》第六十三条", "偷税数额较大", today, today.plusYears(4),
                List.of(record.id())), "LIST_PERIOD_INVALID");
        assertThatThrownBy(() -> SeriousDishonestyListAccess.listed(list, DepartmentCode.of(fixtures.department()), new Decision(subject, "文", "法", "标准", today, today.plusYears(1),
                List.of(record.id())))).isInstanceOf(ChengxinException.class).extracting("code").isEqualTo("LIST_RECORD_NOT_OWN");

        ListEntry entry = SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(subject, "岳税认〔2026〕1号", "《中华人民共和国税收征收管理法》第六十三条",
                "偷税数额较大且占应纳税额百分之十以上", today, today.plusYears(1), List.of(record.id())));
        assertThat(entry.active()).isTrue();
        assertThat(list.activeFor(subject)).extracting(ListEntry::id).containsExactly(entry.id());
        assertThat(list.candidates(DepartmentCode.of("swj"))).noneMatch(c -> c.subject().equals(subject));
        assertThat(audit.count("action = 'lists.add' and subject_index = ?", subject)).isEqualTo(1);

        records.revoke(record.id(), DepartmentCode.of("swj"), "复议撤销原处罚决定");

        assertThat(list.activeFor(subject)).isEmpty();
        ListEntry ended = list.ofDepartment(DepartmentCode.of("swj")).stream().filter(e -> e.id() == entry.id()).findFirst().orElseThrow();
        assertThat(ended.status()).isEqualTo("ENDED");
        assertThat(ended.endReason()).contains("撤销");
    }

    @Test
    void aPersonWhoWasAMinorWhenTheRecordWasDecidedIsNeverListed() {
        Http http = new Http(port);
        String tax = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        LocalDate today = LocalDate.now(clock);
        IdNumber minor = fixtures.syntheticIdNumberBornOn(today.minusYears(17));
        SubjectKey subject = citizens.subjectKeyOf(minor);
        push(http, tax, minor, "tax-" + UUID.randomUUID());
        CreditRecord record = records.allFor(subject).get(0);
        assertThat(record.subjectMinor()).isTrue();
        assertThatThrownBy(() -> SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(subject, "岳税认〔2026〕9号",
                "《中华人民共和国税收征收管理法》第六十三条", "偷税", today, today.plusYears(1), List.of(record.id()))))
                .isInstanceOf(ChengxinException.class).extracting("code").isEqualTo("LIST_SUBJECT_MINOR");
        assertThat(list.activeFor(subject)).isEmpty();
    }

    @Test
    void anEntryEndsAfterItsPeriodOrByAReviewersRemoval() {
        Http http = new Http(port);
        String tax = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        push(http, tax, person, "tax-" + UUID.randomUUID());
        long recordId = records.allFor(subject).get(0).id();
        LocalDate today = LocalDate.now(clock);

        ListEntry shortOne = SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(subject, "岳税认〔2026〕2号", "《中华人民共和国税收征收管理法》第六十三条",
                "偷税", today, today.plusDays(10), List.of(recordId)));
        clock.advance(Duration.ofDays(11));
        assertThat(list.activeFor(subject)).as("not in force after its end date, even before the job").isEmpty();
        assertThat(list.endDue()).isGreaterThanOrEqualTo(1);
        clock.reset();

        ListEntry removed = SeriousDishonestyListAccess.listed(list, DepartmentCode.of("swj"), new Decision(subject, "岳税认〔2026〕3号", "《中华人民共和国税收征收管理法》第六十三条",
                "偷税", today, today.plusYears(1), List.of(recordId)));
        assertThatThrownBy(() -> list.remove(removed.id(), DepartmentCode.of("swj"), " ")).isInstanceOf(ChengxinException.class)
                .extracting("code").isEqualTo("LIST_REMOVAL_REASON_REQUIRED");
        assertThat(list.remove(removed.id(), DepartmentCode.of("swj"), "当事人已补缴税款和滞纳金").status()).isEqualTo("ENDED");
        assertThat(list.ofDepartment(DepartmentCode.of("swj")).stream().filter(e -> e.id() == shortOne.id()).findFirst().orElseThrow().endReason())
                .contains("届满");
    }

    @Test
    void aPersonIsToldBeforeBeingListedAndTheDecisionWaitsForTheirStatementOrTheEndOfTheNotice() {
        Http http = new Http(port);
        String tax = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        IdNumber person = fixtures.syntheticIdNumber();
        SubjectKey subject = citizens.subjectKeyOf(person);
        push(http, tax, person, "tax-" + UUID.randomUUID());
        long recordId = records.allFor(subject).get(0).id();
        SubjectKey someoneElse = citizens.subjectKeyOf(fixtures.syntheticIdNumber());
        LocalDate today = LocalDate.now(clock);
        DepartmentCode swj = DepartmentCode.of("swj");
        Decision decision = new Decision(subject, "岳税告〔2026〕5号", "《中华人民共和国税收征收管理法》第六十三条", "偷税数额较大", today,
                today.plusYears(1), List.of(recordId));

        ListEntry noticed = list.notice(swj, decision);
        assertThat(noticed.noticed()).isTrue();
        assertThat(noticed.noticeDue()).as("five working days").isEqualTo(calendar.plusWorkingDays(today, 5));
        assertThat(list.noticesFor(subject)).extracting(ListEntry::id).containsExactly(noticed.id());
        assertThat(list.activeFor(subject)).as("a notice is no listing").isEmpty();
        assertThat(list.candidates(swj)).noneMatch(c -> c.subject().equals(subject));
        assertThat(audit.count("action = 'lists.notice' and subject_index = ?", subject)).isEqualTo(1);
        assertThat(code(() -> list.notice(swj, decision))).isEqualTo("LIST_ALREADY_NOTICED");
        assertThat(code(() -> list.decide(swj, noticed.id(), today, today.plusYears(1)))).isEqualTo("LIST_NOTICE_PERIOD_OPEN");
        assertThat(code(() -> list.decide(DepartmentCode.of(fixtures.department()), noticed.id(), today, today.plusYears(1))))
                .as("another department's notice").isEqualTo("LIST_ENTRY_NOT_FOUND");
        assertThat(code(() -> list.state(someoneElse, noticed.id(), "不是我"))).isEqualTo("LIST_NOTICE_NOT_FOUND");
        assertThat(code(() -> list.state(subject, noticed.id(), "  "))).isEqualTo("LIST_STATEMENT_INVALID");
        assertThat(code(() -> list.state(subject, noticed.id(), "字".repeat(2001)))).isEqualTo("LIST_STATEMENT_INVALID");

        // after the notice's last day without a statement the decision may be made; a late statement is refused
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, noticed.noticeDue()) + 1));
        assertThat(code(() -> list.state(subject, noticed.id(), "我要申辩"))).isEqualTo("LIST_STATEMENT_TOO_LATE");
        LocalDate decidedOn = LocalDate.now(clock);
        ListEntry listed = list.decide(swj, noticed.id(), decidedOn, decidedOn.plusYears(1));
        assertThat(listed.active()).isTrue();
        assertThat(listed.decidedAt()).isNotNull();
        assertThat(list.activeFor(subject)).extracting(ListEntry::id).containsExactly(noticed.id());
        assertThat(code(() -> list.drop(swj, noticed.id(), "晚了"))).isEqualTo("LIST_NOTICE_CLOSED");
        list.remove(listed.id(), swj, "测试结束");
        clock.reset();

        // heard at once: the statement (an ID number in it kept masked) lets the reviewer decide, or drop the listing
        ListEntry second = list.notice(swj, decision);
        ListEntry stated = list.state(subject, second.id(), "我已于上月补缴全部税款及滞纳金，身份证 " + person.value() + "，请予考虑。");
        assertThat(stated.statement()).contains("已于上月补缴全部税款").contains(person.masked()).doesNotContain(person.value());
        assertThat(stated.statedAt()).isNotNull();
        assertThat(code(() -> list.drop(swj, second.id(), " "))).isEqualTo("LIST_DROP_REASON_REQUIRED");
        ListEntry dropped = list.drop(swj, second.id(), "当事人已补缴税款，不予列入");
        assertThat(dropped.status()).isEqualTo("DROPPED");
        assertThat(dropped.endReason()).isEqualTo("当事人已补缴税款，不予列入");
        assertThat(list.noticesFor(subject)).isEmpty();
        assertThat(list.activeFor(subject)).isEmpty();
        assertThat(code(() -> list.decide(swj, second.id(), today, today.plusYears(1)))).isEqualTo("LIST_NOTICE_CLOSED");

        ListEntry third = list.notice(swj, decision);
        list.state(subject, third.id(), "无异议");
        assertThat(list.decide(swj, third.id(), today, today.plusYears(1)).active()).as("decided at once once heard").isTrue();
    }

    private static String code(Runnable action) {
        try {
            action.run();
        } catch (ChengxinException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    private void assertRefused(Decision decision, String code) {
        assertThatThrownBy(() -> list.notice(DepartmentCode.of("swj"), decision)).isInstanceOf(ChengxinException.class).extracting("code").isEqualTo(code);
    }

    static void push(Http http, String token, IdNumber person, String source) {
        pushSerious(http, token, person, "YY-TX-001", source, 15,
                "{\"facts\":\"少缴税款\",\"penaltyResult\":\"追缴并罚款\",\"evadedAmount\":\"120000\",\"authority\":\"税务局\"}");
    }

    /** Pushes one record of an item, decided {@code daysAgo} days ago, with the item's content as JSON, and waits until it is stored. */
    static void pushSerious(Http http, String token, IdNumber person, String itemCode, String source, int daysAgo, String content) {
        String body = "{\"records\":[{\"sourceId\":\"" + source + "\",\"itemCode\":\"" + itemCode + "\",\"idNumber\":\""
                + person.value() + "\",\"name\":\"名单测试\",\"decisionDate\":\"" + LocalDate.now().minusDays(daysAgo)
                + "\",\"documentNumber\":\"岳罚〔2026〕" + Math.floorMod(source.hashCode(), 1000) + "号\",\"content\":" + content + "}]}";
        pushBody(http, token, body);
    }

    /** Pushes a batch and waits until it is stored with exactly one accepted row. */
    static void pushBody(Http http, String token, String body) {
        Http.Response accepted = http.postJson("/api/v1/record-batches", token, body);
        assertThat(accepted.status()).isEqualTo(202);
        var report = http.awaitBatch(token, accepted.json().get("id").asLong());
        assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("accepted").asInt()).isEqualTo(1);
    }
}
