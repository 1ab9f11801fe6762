package org.chengxin.remedies.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every step of an objection from every status: allowed where the diagram says, refused with its code elsewhere. */
class ObjectionTests {

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    private static final LocalDate FILED = LocalDate.of(2026, 12, 1);
    private static final LocalDate DUE = LocalDate.of(2026, 12, 21);
    private static final Objection.DisputedRecord RECORD = new Objection.DisputedRecord(7, 2, SubjectKey.fromHex("ab".repeat(32)), DepartmentCode.of("scjg"), "YY-GN-002",
            Set.of("CF_CFJG", "CF_SY"));

    private static Objection filed() {
        return Objection.file(RECORD, "CF_CFJG", "罚款金额有误，应为五百元", "罚款人民币五百元", Channel.ONLINE, "430602********0031", AT, DUE)
                .withId(1);
    }

    private static Objection in(ObjectionStatus status) {
        Objection o = filed();
        return switch (status) {
            case SCREENING -> o;
            case WITH_DEPARTMENT -> o.accept("pingtai", AT);
            case UPHELD -> o.accept("pingtai", AT).uphold("shenhe", "经核查原记录无误", AT, FILED);
            case CORRECTED -> o.accept("pingtai", AT).correct("shenhe", "金额录入错误", "罚款人民币五百元", AT, FILED);
            case REVOKED -> o.accept("pingtai", AT).revoke("shenhe", "当事人并非被处罚人", AT, FILED);
            case DISMISSED -> o.dismiss(DismissalGround.INCOMPLETE, null, "pingtai", AT, FILED);
            case WITHDRAWN -> o.withdraw(AT, FILED);
        };
    }

    private static UnaryOperator<Objection> step(String name) {
        return switch (name) {
            case "accept" -> o -> o.accept("pingtai", AT);
            case "dismiss" -> o -> o.dismiss(DismissalGround.DUPLICATE, "同一事项已于上月处理", "pingtai", AT, FILED);
            case "uphold" -> o -> o.uphold("shenhe", "经核查原记录无误", AT, FILED);
            case "correct" -> o -> o.correct("shenhe", "金额录入错误", "罚款人民币五百元", AT, FILED);
            case "revoke" -> o -> o.revoke("shenhe", "当事人并非被处罚人", AT, FILED);
            case "withdraw" -> o -> o.withdraw(AT, FILED);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0}, {1}: {2}")
    @CsvSource({
        "SCREENING,       accept,   WITH_DEPARTMENT",
        "SCREENING,       dismiss,  DISMISSED",
        "SCREENING,       uphold,   OBJECTION_NOT_SCREENED",
        "SCREENING,       correct,  OBJECTION_NOT_SCREENED",
        "SCREENING,       revoke,   OBJECTION_NOT_SCREENED",
        "SCREENING,       withdraw, WITHDRAWN",
        "WITH_DEPARTMENT, accept,   OBJECTION_NOT_SCREENING",
        "WITH_DEPARTMENT, dismiss,  OBJECTION_NOT_SCREENING",
        "WITH_DEPARTMENT, uphold,   UPHELD",
        "WITH_DEPARTMENT, correct,  CORRECTED",
        "WITH_DEPARTMENT, revoke,   REVOKED",
        "WITH_DEPARTMENT, withdraw, WITHDRAWN",
        "UPHELD,          accept,   OBJECTION_NOT_SCREENING",
        "UPHELD,          uphold,   OBJECTION_ALREADY_ANSWERED",
        "UPHELD,          correct,  OBJECTION_ALREADY_ANSWERED",
        "UPHELD,          withdraw, OBJECTION_ALREADY_ANSWERED",
        "CORRECTED,       revoke,   OBJECTION_ALREADY_ANSWERED",
        "CORRECTED,       dismiss,  OBJECTION_NOT_SCREENING",
        "REVOKED,         uphold,   OBJECTION_ALREADY_ANSWERED",
        "REVOKED,         withdraw, OBJECTION_ALREADY_ANSWERED",
        "DISMISSED,       accept,   OBJECTION_NOT_SCREENING",
        "DISMISSED,       uphold,   OBJECTION_ALREADY_ANSWERED",
        "DISMISSED,       withdraw, OBJECTION_ALREADY_ANSWERED",
        "WITHDRAWN,       accept,   OBJECTION_NOT_SCREENING",
        "WITHDRAWN,       revoke,   OBJECTION_ALREADY_ANSWERED",
        "WITHDRAWN,       withdraw, OBJECTION_ALREADY_ANSWERED",
    })
    void everyStepFromEveryStatusEndsWhereTheDiagramSaysOrIsRefusedWithItsCode(ObjectionStatus from, String name, String expected) {
        Objection objection = in(from);
        UnaryOperator<Objection> step = step(name);

        if (expected.startsWith("OBJECTION_")) {
            assertThatThrownBy(() -> step.apply(objection)).isInstanceOfSatisfying(ChengxinException.class, e -> {
                assertThat(e.code()).isEqualTo(expected);
                assertThat(e.getMessage()).containsPattern("\\p{IsHan}");
            });
        } else {
            assertThat(step.apply(objection).status()).isEqualTo(ObjectionStatus.valueOf(expected));
        }
    }

    @Test
    void anObjectionIsFiledInScreeningWithItsDueDayAndTheFieldItDisputes() {
        Objection o = filed();

        assertThat(o.status()).isEqualTo(ObjectionStatus.SCREENING);
        assertThat(o.status().isOpen()).isTrue();
        assertThat(o.dueOn()).isEqualTo(DUE);
        assertThat(o.field()).isEqualTo("CF_CFJG");
        assertThat(o.recordVersion()).isEqualTo(2);
    }

    @Test
    void anObjectionNeedsGroundsAndAFieldTheRecordHas() {
        assertThatThrownBy(() -> Objection.file(RECORD, null, "  ", null, Channel.ONLINE, "x", AT, DUE))
                .isInstanceOfSatisfying(ChengxinException.class, e -> assertThat(e.code()).isEqualTo("OBJECTION_GROUNDS_REQUIRED"));
        assertThatThrownBy(() -> Objection.file(RECORD, "CF_NOPE", "理由", null, Channel.ONLINE, "x", AT, DUE))
                .isInstanceOfSatisfying(ChengxinException.class, e -> assertThat(e.code()).isEqualTo("OBJECTION_FIELD_UNKNOWN"));
        assertThatThrownBy(() -> Objection.file(RECORD, null, "理".repeat(Objection.GROUNDS_MAX + 1), null, Channel.ONLINE, "x", AT, DUE))
                .isInstanceOfSatisfying(ChengxinException.class, e -> assertThat(e.code()).isEqualTo("OBJECTION_GROUNDS_REQUIRED"));
        assertThat(Objection.file(RECORD, " ", "理由", null, Channel.ONLINE, "x", AT, DUE).field()).as("the record as a whole").isNull();
    }

    @Test
    void anIdNumberTypedIntoTheGroundsIsKeptMasked() {
        Objection o = Objection.file(RECORD, null, "我的身份证号是430602199001010031，不是我", null, Channel.ONLINE, "x", AT, DUE);

        assertThat(o.grounds()).doesNotContain("430602199001010031").contains("430602********0031");
    }

    @Test
    void aCorrectionNeedsTheNewValueAndAFieldAndEveryDecisionNeedsReasons() {
        Objection withDepartment = in(ObjectionStatus.WITH_DEPARTMENT);

        assertThatThrownBy(() -> withDepartment.correct("shenhe", "理由", " ", AT, FILED)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("OBJECTION_CORRECTED_VALUE_REQUIRED"));
        assertThatThrownBy(() -> withDepartment.uphold("shenhe", null, AT, FILED)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("DECISION_REASON_REQUIRED"));
        Objection wholeRecord = Objection.file(RECORD, null, "不是我", null, Channel.ONLINE, "x", AT, DUE).accept("p", AT);
        assertThatThrownBy(() -> wholeRecord.correct("shenhe", "理由", "新值", AT, FILED)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("OBJECTION_CORRECTION_NEEDS_FIELD"));
    }

    @Test
    void aDecisionAfterTheDueDayIsKeptAsLateAndOneOnItIsNot() {
        Objection withDepartment = in(ObjectionStatus.WITH_DEPARTMENT);

        assertThat(withDepartment.uphold("shenhe", "无误", AT, DUE).late()).isFalse();
        assertThat(withDepartment.uphold("shenhe", "无误", AT, DUE.plusDays(1)).late()).isTrue();
    }

    @Test
    void anOpenObjectionPastItsDayIsEscalatedOnceAndAnAnsweredOneNever() {
        Objection open = in(ObjectionStatus.WITH_DEPARTMENT);

        assertThat(open.dueForEscalation(DUE)).isFalse();
        assertThat(open.dueForEscalation(DUE.plusDays(1))).isTrue();
        Objection escalated = open.escalate(AT, DUE.plusDays(1));
        assertThat(escalated.escalatedAt()).isEqualTo(AT);
        assertThat(escalated.status()).isEqualTo(ObjectionStatus.WITH_DEPARTMENT);
        assertThatThrownBy(() -> escalated.escalate(AT, DUE.plusDays(2))).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("OBJECTION_NOT_OVERDUE"));
        assertThat(in(ObjectionStatus.UPHELD).dueForEscalation(DUE.plusDays(5))).isFalse();
    }

    @Test
    void aDismissalNamesItsGroundAndTheExplanationAfterIt() {
        Objection dismissed = filed().dismiss(DismissalGround.NOT_ABOUT_RECORD, "所述为民事纠纷", "pingtai", AT, FILED);

        assertThat(dismissed.decisionReason()).startsWith("不涉及信用记录").endsWith("所述为民事纠纷");
        assertThatThrownBy(() -> filed().dismiss(null, null, "pingtai", AT, FILED)).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("OBJECTION_DISMISSAL_GROUND_REQUIRED"));
    }

    @Test
    void anObjectionPastItsDayEscalatedOnceSuspendsItsRecordOnlyUnderTheSuspendRule() {
        LocalDate late = DUE.plusDays(1);
        Objection escalated = in(ObjectionStatus.WITH_DEPARTMENT).escalate(AT, late);
        Objection escalatedInScreening = filed().escalate(AT, late);

        assertThat(OverdueRule.SUSPEND.suspendsRecordOf(escalated)).isTrue();
        assertThat(OverdueRule.SUSPEND.suspendsRecordOf(escalatedInScreening)).as("the platform's delay is no less a delay").isTrue();
        assertThat(OverdueRule.ESCALATE_ONLY.suspendsRecordOf(escalated)).isFalse();
        assertThat(OverdueRule.SUSPEND.suspendsRecordOf(in(ObjectionStatus.WITH_DEPARTMENT))).as("not escalated").isFalse();
        assertThat(OverdueRule.SUSPEND.suspendsRecordOf(in(ObjectionStatus.UPHELD))).as("answered").isFalse();
        assertThatThrownBy(() -> escalated.escalate(AT, late.plusDays(1))).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("OBJECTION_NOT_OVERDUE"));
        assertThatThrownBy(() -> in(ObjectionStatus.WITH_DEPARTMENT).escalate(AT, DUE)).as("on its last day it is not late yet")
                .isInstanceOfSatisfying(ChengxinException.class, e -> assertThat(e.code()).isEqualTo("OBJECTION_NOT_OVERDUE"));
    }
}
