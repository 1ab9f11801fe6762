package org.chengxin.measures.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.chengxin.shared.error.ChengxinException;
import org.junit.jupiter.api.Test;

/** A punishment rests on a dishonesty record or a list entry; a grade range triggers incentives only. */
class PunishmentBasisPolicyTests {

    private static Measure measure(MeasureKind kind, Trigger trigger) {
        return new Measure("CJ-T", "测试措施", kind, "内容", trigger, Set.of(), Set.of(), "依据", false);
    }

    @Test
    void aPunishmentTriggeredByAnyGradeRangeIsRefusedWithItsOwnCode() {
        for (int best = 0; best < Trigger.GRADES.size(); best++) {
            for (int worst = best; worst < Trigger.GRADES.size(); worst++) {
                Trigger grades = Trigger.grades(Trigger.GRADES.get(best), Trigger.GRADES.get(worst));
                assertThat(PunishmentBasisPolicy.allows(MeasureKind.PUNISHMENT, grades)).as(grades.describe()).isFalse();
                assertThatThrownBy(() -> measure(MeasureKind.PUNISHMENT, grades))
                        .isInstanceOfSatisfying(ChengxinException.class, e -> {
                            assertThat(e.code()).isEqualTo("MEASURE_PUNISHMENT_BY_GRADE");
                            assertThat(e.kind()).isEqualTo(ChengxinException.Kind.INVALID);
                        })
                        .hasMessage("惩戒措施不能以信用等级或分数为触发条件，须以失信记录或名单为依据（国办发〔2020〕49号）");
            }
        }
    }

    @Test
    void aPunishmentMayRestOnADishonestyRecordOrTheSeriousDishonestyList() {
        assertThat(measure(MeasureKind.PUNISHMENT, Trigger.dishonesty("GRAVE", null)).trigger().kind())
                .isEqualTo(TriggerKind.DISHONESTY_RECORD);
        assertThat(measure(MeasureKind.PUNISHMENT, Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST)).trigger().kind())
                .isEqualTo(TriggerKind.SERIOUS_DISHONESTY_LIST);
        assertThat(PunishmentBasisPolicy.LAWFUL_TRIGGERS)
                .containsExactlyInAnyOrder(TriggerKind.DISHONESTY_RECORD, TriggerKind.SERIOUS_DISHONESTY_LIST);
    }

    @Test
    void anIncentiveMayStillBeTriggeredByAGrade() {
        assertThat(PunishmentBasisPolicy.allows(MeasureKind.INCENTIVE, Trigger.grades("AAA", "AA"))).isTrue();
        assertThat(measure(MeasureKind.INCENTIVE, Trigger.grades("AAA", "A")).trigger().bestGrade()).isEqualTo("AAA");
    }

    @Test
    void aPunishmentTriggeredByGoodConductKeepsItsOwnMessage() {
        assertThat(PunishmentBasisPolicy.allows(MeasureKind.PUNISHMENT, Trigger.of(TriggerKind.THREE_YEARS_CLEAN))).isFalse();
        assertThatThrownBy(() -> measure(MeasureKind.PUNISHMENT, Trigger.of(TriggerKind.GOOD_CREDIT_RECORD)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("惩戒措施不得以守信情形为条件");
    }
}
