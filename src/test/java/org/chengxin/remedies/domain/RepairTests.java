package org.chengxin.remedies.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may ask for repair and when (NDRC Order 36), and the steps of an application. */
class RepairTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final Instant AT = Instant.parse("2026-12-05T02:00:00Z");
    private static final RepairEligibility RULE = new RepairEligibility(Map.of("YY-JD-001", "由人民法院依法屏蔽或删除"));

    private static RepairEligibility.Candidate record(String item, String status, LocalDate minPeriodEnd) {
        return new RepairEligibility.Candidate(item, true, status, minPeriodEnd, TODAY.plusYears(1));
    }

    @Test
    void aRecordCanBeRepairedFromTheDayItsMinimumPeriodEndsAndNotTheDayBefore() {
        assertThat(RULE.check(record("YY-GN-002", "ACTIVE", TODAY), TODAY).earliestDay()).isEqualTo(TODAY);
        assertThatThrownBy(() -> RULE.check(record("YY-GN-002", "ACTIVE", TODAY.plusDays(1)), TODAY))
                .isInstanceOfSatisfying(ChengxinException.class, e -> {
                    assertThat(e.code()).isEqualTo("REPAIR_TOO_EARLY");
                    assertThat(e.getMessage()).contains("2026-12-06");
                });
    }

    @ParameterizedTest(name = "a {0} record: {1}")
    @CsvSource({
        "OBJECTED, REPAIR_WHILE_OBJECTED",
        "REPAIRED, RECORD_ALREADY_REPAIRED",
        "REVOKED,  REPAIR_RECORD_NOT_IN_FORCE",
        "EXPIRED,  REPAIR_RECORD_NOT_IN_FORCE",
    })
    void onlyAnActiveRecordCanBeRepaired(String status, String code) {
        assertThatThrownBy(() -> RULE.check(record("YY-GN-002", status, TODAY.minusMonths(3)), TODAY))
                .isInstanceOfSatisfying(ChengxinException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void onlyADishonestyRecordCanBeRepaired() {
        RepairEligibility.Candidate goodCredit = new RepairEligibility.Candidate("YY-GN-004", false, "ACTIVE", TODAY, TODAY.plusYears(1));

        assertThatThrownBy(() -> RULE.check(goodCredit, TODAY)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("REPAIR_NOT_DISHONESTY"));
    }

    @Test
    void aRecordTheLawExcludesIsTakenAndRefusedAtOnceWithTheLawsReasonEvenBeforeItsMinimumPeriodEnds() {
        RepairEligibility.Answer answer = RULE.check(record("YY-JD-001", "ACTIVE", TODAY.plusMonths(6)), TODAY);
        RepairApplication a = RepairApplication.file(9, SubjectKey.fromHex("ab".repeat(32)), DepartmentCode.of("zy"), "YY-JD-001", answer, "已履行", null, Commitment.ONLINE,
                Channel.ONLINE, "x", AT, TODAY, TODAY.plusDays(7));

        assertThat(a.status()).isEqualTo(RepairStatus.REFUSED);
        assertThat(a.decidedBy()).isEqualTo(RepairApplication.BY_LAW);
        assertThat(a.decisionReason()).contains("由人民法院依法屏蔽或删除");
        assertThat(RULE.of(record("YY-JD-001", "ACTIVE", TODAY)).openOn(TODAY)).isFalse();
    }

    @Test
    void anApplicationIsGrantedOrRefusedOnceWithReasonsAndLateAfterItsDay() {
        RepairApplication open = RepairApplication.file(9, SubjectKey.fromHex("ab".repeat(32)), DepartmentCode.of("scjg"), "YY-GN-002",
                RULE.check(record("YY-GN-002", "ACTIVE", TODAY), TODAY), "罚款已缴清", "志愿服务 40 小时", Commitment.ONLINE,
                Channel.ONLINE, "x", AT, TODAY, TODAY.plusDays(7)).withId(1);

        assertThat(open.status()).isEqualTo(RepairStatus.OPEN);
        assertThat(open.grant("shenhe", "已履行", AT, TODAY.plusDays(7)).late()).isFalse();
        assertThat(open.refuse("shenhe", "罚款未缴清", AT, TODAY.plusDays(8)).late()).isTrue();
        RepairApplication granted = open.grant("shenhe", "已履行", AT, TODAY);
        assertThat(granted.status()).isEqualTo(RepairStatus.GRANTED);
        assertThatThrownBy(() -> granted.refuse("shenhe", "x", AT, TODAY)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("REPAIR_ALREADY_DECIDED"));
        assertThatThrownBy(() -> granted.withdraw(AT)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("REPAIR_ALREADY_DECIDED"));
        assertThatThrownBy(() -> open.grant("shenhe", " ", AT, TODAY)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("DECISION_REASON_REQUIRED"));
        assertThat(open.withdraw(AT).status()).isEqualTo(RepairStatus.WITHDRAWN);
    }

    @Test
    void anApplicationNeedsTheFulfilmentAndACommitment() {
        RepairEligibility.Answer ok = RULE.check(record("YY-GN-002", "ACTIVE", TODAY), TODAY);

        assertThatThrownBy(() -> RepairApplication.file(9, SubjectKey.fromHex("ab".repeat(32)), DepartmentCode.of("scjg"), "YY-GN-002", ok, " ", null, Commitment.ONLINE, Channel.ONLINE,
                "x", AT, TODAY, TODAY)).isInstanceOfSatisfying(ChengxinException.class,
                        e -> assertThat(e.code()).isEqualTo("REPAIR_FULFILMENT_REQUIRED"));
        assertThatThrownBy(() -> RepairApplication.file(9, SubjectKey.fromHex("ab".repeat(32)), DepartmentCode.of("scjg"), "YY-GN-002", ok, "已缴清", null, null, Channel.ONLINE,
                "x", AT, TODAY, TODAY)).isInstanceOfSatisfying(ChengxinException.class,
                        e -> assertThat(e.code()).isEqualTo("REPAIR_COMMITMENT_REQUIRED"));
    }
}
