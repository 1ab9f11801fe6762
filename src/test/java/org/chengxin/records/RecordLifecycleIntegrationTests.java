package org.chengxin.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chengxin.evaluation.Scores;
import org.chengxin.evaluation.domain.Evaluation;
import org.chengxin.records.domain.RecordLifecycle;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Objection and repair reach a stored record through its lifecycle (no page calls them yet); a push's
 * set-based correction agrees with the lifecycle's rule.
 */
@ChengxinIntegrationTest
class RecordLifecycleIntegrationTests {

    private static final String PENALTY = "YY-GN-002";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Records records;

    @Autowired
    Scores scores;

    @Autowired
    AuditRecords audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Http http;
    String department;
    String token;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        department = fixtures.department();
        token = http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anObjectedRecordStillCountsFlaggedAsDisputedUntilTheObjectionIsResolved() {
        CreditRecord record = pushed("obj-" + UUID.randomUUID(), LocalDate.now(clock).minusMonths(1), "1000");

        CreditRecord objected = records.markObjected(record.id(), "本人对处罚事实提出异议");

        assertThat(objected.status()).isEqualTo(RecordStatus.OBJECTED);
        assertThat(records.inForceFor(record.subject())).extracting(CreditRecord::id, CreditRecord::status)
                .containsExactly(Tuple.tuple(record.id(), RecordStatus.OBJECTED));
        assertThat(scores.standingOf(record.subject()).disputed()).isTrue();
        assertThat(scores.explain(record.subject()).lines()).filteredOn(line -> line.recordId() == record.id())
                .extracting(Evaluation.Line::disputed).containsExactly(true);
        scores.recomputePending(10_000);
        assertThat(scores.scoreOf(record.subject()).orElseThrow().disputed()).as("the stored score hears of it").isTrue();
        assertThat(statusHistory(record.id())).containsExactly("ACTIVE>OBJECTED:本人对处罚事实提出异议");
        assertThat(audit.count("action = 'records.object' and detail like ?", "%" + record.id() + "%")).isEqualTo(1);
        assertRefused(() -> records.markObjected(record.id(), "再次异议"), "RECORD_ALREADY_OBJECTED");
        assertRefused(() -> records.markRepaired(record.id(), "异议期间申请修复"), "RECORD_ALREADY_OBJECTED");

        CreditRecord resolved = records.resolveObjection(record.id(), "异议不成立，维持原记录");

        assertThat(resolved.status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(scores.standingOf(record.subject()).disputed()).isFalse();
        scores.recomputePending(10_000);
        assertThat(scores.scoreOf(record.subject()).orElseThrow().disputed()).isFalse();
        assertRefused(() -> records.resolveObjection(record.id(), "再次结束"), "RECORD_NOT_OBJECTED");
    }

    @Test
    void aRepairedRecordIsNeitherShownNorCountedAndOnlyARevocationCanFollow() {
        CreditRecord record = pushed("rep-" + UUID.randomUUID(), LocalDate.now(clock).minusMonths(1), "1000");
        int withTheRecord = scores.standingOf(record.subject()).points();

        CreditRecord repaired = records.markRepaired(record.id(), "已履行处罚决定，信用修复");

        assertThat(repaired.status()).isEqualTo(RecordStatus.REPAIRED);
        assertThat(records.inForceFor(record.subject())).isEmpty();
        assertThat(records.find(record.id())).get().extracting(CreditRecord::status).isEqualTo(RecordStatus.REPAIRED);
        assertThat(scores.explain(record.subject()).lines()).extracting(Evaluation.Line::recordId).doesNotContain(record.id());
        assertThat(scores.standingOf(record.subject()).recordsCounted()).isZero();
        assertThat(scores.standingOf(record.subject()).points()).as("the penalty no longer costs points")
                .isGreaterThanOrEqualTo(withTheRecord);
        assertThat(statusHistory(record.id())).containsExactly("ACTIVE>REPAIRED:已履行处罚决定，信用修复");
        assertRefused(() -> records.markRepaired(record.id(), "再次修复"), "RECORD_ALREADY_REPAIRED");
        assertRefused(() -> records.markObjected(record.id(), "异议"), "RECORD_ALREADY_REPAIRED");

        assertThat(records.revoke(record.id(), DepartmentCode.of(department), "复议撤销").status()).isEqualTo(RecordStatus.REVOKED);
        assertRefused(() -> records.markRepaired(record.id(), "修复"), "RECORD_ALREADY_REVOKED");
    }

    @Test
    void aStatusChangeNeedsAReasonAndAnExistingRecord() {
        CreditRecord record = pushed("why-" + UUID.randomUUID(), LocalDate.now(clock).minusMonths(1), "1000");

        assertRefused(() -> records.markObjected(record.id(), " "), "RECORD_CHANGE_REASON_REQUIRED");
        assertRefused(() -> records.markRepaired(Long.MAX_VALUE, "修复"), "RECORD_NOT_FOUND");
        assertThat(records.find(record.id()).orElseThrow().status()).isEqualTo(RecordStatus.ACTIVE);
    }

    @Test
    void aPushedCorrectionGivesEveryStatusTheStatusTheLifecycleGivesIt() {
        LocalDate recent = LocalDate.now(clock).minusMonths(1);
        CreditRecord active = pushed("c-a-" + UUID.randomUUID(), recent, "1000");
        CreditRecord objected = records.markObjected(pushed("c-o-" + UUID.randomUUID(), recent, "1000").id(), "异议");
        CreditRecord repaired = records.markRepaired(pushed("c-r-" + UUID.randomUUID(), recent, "1000").id(), "修复");
        CreditRecord expired = markedExpired(pushed("c-e-" + UUID.randomUUID(), recent, "1000"));

        for (CreditRecord before : List.of(active, objected, repaired, expired)) {
            CreditRecord after = pushed(before.sourceId(), recent, "2000");

            assertThat(after.version()).isEqualTo(2);
            assertThat(new RecordLifecycle(after.status(), after.version(), after.expiresOn())).as(before.status().name())
                    .isEqualTo(RecordLifecycle.of(before).correct(after.expiresOn(), LocalDate.now(clock)));
        }
        CreditRecord revoked = records.revoke(active.id(), DepartmentCode.of(department), "复议撤销");
        JsonNode again = push(record(revoked.sourceId(), recent, "3000"));
        assertThat(again.get("rejections").get(0).get("code").asString()).isEqualTo(refusalOf(
                () -> RecordLifecycle.of(revoked).correct(revoked.expiresOn(), LocalDate.now(clock))));
    }

    /**
     * The record as the nightly job leaves it on its last day. Its day is brought forward here, only for
     * this row: a push past the period is refused, and the job itself would mark every due record of the
     * shared database.
     */
    private CreditRecord markedExpired(CreditRecord record) {
        jdbc.sql("update records_record set status = 'EXPIRED', expires_on = :today where id = :id")
                .param("today", LocalDate.now(clock)).param("id", record.id()).update();
        CreditRecord expired = records.findOfDepartment(record.id(), DepartmentCode.of(department)).orElseThrow();
        assertThat(expired.status()).isEqualTo(RecordStatus.EXPIRED);
        return expired;
    }

    private CreditRecord pushed(String source, LocalDate decided, String fine) {
        JsonNode report = push(record(source, decided, fine));
        assertThat(report.get("rejected").asInt()).as(report.toString()).isZero();
        return records.findBySource(DepartmentCode.of(department), source).orElseThrow();
    }

    private JsonNode push(String body) {
        Http.Response accepted = http.postJson("/api/v1/record-batches", token, body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return http.awaitBatch(token, accepted.json().get("id").asLong());
    }

    private String record(String source, LocalDate decided, String fine) {
        IdNumber person = personOf(source);
        return "{\"records\":[{\"sourceId\":\"" + source + "\",\"itemCode\":\"" + PENALTY + "\",\"idNumber\":\"" + person.value()
                + "\",\"name\":\"周生命\",\"decisionDate\":\"" + decided + "\",\"documentNumber\":\"岳罚〔2026〕" + Math.abs(source.hashCode() % 1000)
                + "号\",\"content\":{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示信息\",\"fineAmount\":\"" + fine
                + "\",\"penaltyResult\":\"罚款\",\"authority\":\"岳阳市市场监督管理局\"}}]}";
    }

    private final Map<String, IdNumber> people = new HashMap<>();

    /** One synthetic person per source id, the same again when the record is pushed again. */
    private IdNumber personOf(String source) {
        return people.computeIfAbsent(source, s -> fixtures.syntheticIdNumber());
    }

    private List<String> statusHistory(long recordId) {
        return jdbc.sql("select from_status || '>' || to_status || ':' || reason from records_status_change where record_id = :id order by id")
                .param("id", recordId).query(String.class).list();
    }

    private static void assertRefused(Runnable change, String code) {
        assertThat(refusalOf(change)).isEqualTo(code);
    }

    private static String refusalOf(Runnable change) {
        try {
            change.run();
        } catch (ChengxinException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }
}
