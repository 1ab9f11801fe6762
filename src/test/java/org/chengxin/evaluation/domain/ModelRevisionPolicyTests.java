package org.chengxin.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert;
import org.chengxin.shared.error.ChengxinException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of a new points model, at their thresholds, without Spring or a database. */
class ModelRevisionPolicyTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    static final PointsModel CURRENT = PointsModel.yueyang(LocalDate.of(2026, 1, 1));

    @Test
    void aValidRevisionChangesOnlyWhatItNamesAndKeepsTheBands() {
        PointsModel next = ModelRevisionPolicy.revise(CURRENT, " yueyang-2 ", TODAY, 900, Map.of("DISHONESTY:SERIOUS", -200), TODAY);

        assertThat(next.version()).isEqualTo("yueyang-2");
        assertThat(next.effectiveFrom()).isEqualTo(TODAY);
        assertThat(next.basePoints()).isEqualTo(900);
        assertThat(next.byKindAndSeverity()).containsEntry("DISHONESTY:SERIOUS", -200).containsEntry("GOOD_CREDIT", 30);
        assertThat(next.bands()).isEqualTo(CURRENT.bands());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-yueyang", "岳阳-2", "a b", "x1234567890123456789012345678901234567890"})
    void aVersionNameOutsideTheRuleIsRefused(String version) {
        assertRefused(() -> ModelRevisionPolicy.revise(CURRENT, version, TODAY, 1000, Map.of(), TODAY), "EVALUATION_MODEL_VERSION_INVALID");
    }

    @Test
    void theRuleForRecordsUnderObjectionIsChosenOrCarriedOver() {
        PointsModel excluding = ModelRevisionPolicy.revise(CURRENT, "v2", TODAY, 1000, Map.of(), ObjectedRecords.EXCLUDE, TODAY);

        assertThat(CURRENT.objectedRecords()).isEqualTo(ObjectedRecords.COUNT);
        assertThat(excluding.objectedRecords()).isEqualTo(ObjectedRecords.EXCLUDE);
        assertThat(ModelRevisionPolicy.revise(excluding, "v3", TODAY, 1000, Map.of(), TODAY).objectedRecords())
                .as("not named: carried over").isEqualTo(ObjectedRecords.EXCLUDE);
        assertThat(ModelRevisionPolicy.revise(excluding, "v3", TODAY, 1000, Map.of(), ObjectedRecords.COUNT, TODAY).objectedRecords())
                .isEqualTo(ObjectedRecords.COUNT);
    }

    @Test
    void aModelInForceBeforeTodayIsRefusedButTodayIsAllowed() {
        assertRefused(() -> ModelRevisionPolicy.revise(CURRENT, "v2", TODAY.minusDays(1), 1000, Map.of(), TODAY), "EVALUATION_MODEL_DATE_PAST");
        assertRefused(() -> ModelRevisionPolicy.revise(CURRENT, "v2", null, 1000, Map.of(), TODAY), "EVALUATION_MODEL_DATE_PAST");
        assertThat(ModelRevisionPolicy.revise(CURRENT, "v2", TODAY, 1000, Map.of(), TODAY).effectiveFrom()).isEqualTo(TODAY);
    }

    @Test
    void startingPointsRunFromOneToTenThousand() {
        assertRefused(() -> ModelRevisionPolicy.revise(CURRENT, "v2", TODAY, 0, Map.of(), TODAY), "EVALUATION_MODEL_INVALID");
        assertRefused(() -> ModelRevisionPolicy.revise(CURRENT, "v2", TODAY, 10001, Map.of(), TODAY), "EVALUATION_MODEL_INVALID");
        assertThat(ModelRevisionPolicy.revise(CURRENT, "v2", TODAY, 1, Map.of(), TODAY).basePoints()).isEqualTo(1);
        assertThat(ModelRevisionPolicy.revise(CURRENT, "v2", TODAY, 10000, Map.of(), TODAY).basePoints()).isEqualTo(10000);
    }

    @Test
    void pointsRunFromMinusToPlusOneThousandForKnownKindsOnly() {
        assertRefused(() -> ModelRevisionPolicy.revise(CURRENT, "v2", TODAY, 1000, Map.of("DISHONESTY:SERIOUS", -1001), TODAY),
                "EVALUATION_MODEL_INVALID");
        assertRefused(() -> ModelRevisionPolicy.revise(CURRENT, "v2", TODAY, 1000, Map.of("DISHONESTY:HUGE", -10), TODAY),
                "EVALUATION_MODEL_INVALID");
        Map<String, Integer> missing = new HashMap<>();
        missing.put("GOOD_CREDIT", null);
        assertRefused(() -> ModelRevisionPolicy.revise(CURRENT, "v2", TODAY, 1000, missing, TODAY), "EVALUATION_MODEL_INVALID");
        assertThat(ModelRevisionPolicy.revise(CURRENT, "v2", TODAY, 1000, Map.of("DISHONESTY:SERIOUS", -1000), TODAY)
                .byKindAndSeverity()).containsEntry("DISHONESTY:SERIOUS", -1000);
    }

    @Test
    void goodCreditOnlyAddsAndDishonestyOnlySubtracts() {
        assertRefused(() -> ModelRevisionPolicy.revise(CURRENT, "v2", TODAY, 1000, Map.of("GOOD_CREDIT", -1), TODAY), "EVALUATION_MODEL_INVALID");
        assertRefused(() -> ModelRevisionPolicy.revise(CURRENT, "v2", TODAY, 1000, Map.of("DISHONESTY:MINOR", 1), TODAY), "EVALUATION_MODEL_INVALID");
    }

    private static void assertRefused(ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(ChengxinException.class).extracting(e -> ((ChengxinException) e).code()).isEqualTo(code);
    }
}
