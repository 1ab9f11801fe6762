package org.chengxin.measures.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.assertj.core.api.ThrowableAssert;
import org.chengxin.measures.MeasureCheck;
import org.chengxin.measures.MeasureCheck.Applicable;
import org.chengxin.measures.MeasureCheck.Feedback;
import org.chengxin.measures.MeasureCheck.MeasureDecision;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.junit.jupiter.api.Test;

/** A department's feedback on a check, rule by rule, without Spring or a database. */
class FeedbackPolicyTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate CHECKED = LocalDate.of(2026, 12, 1);
    static final LocalDate DUE = LocalDate.of(2026, 12, 8);
    static final Applicable GREEN_CHANNEL = new Applicable("JL-LSTD", "绿色通道", "INCENTIVE", "", false, "", "", "", List.of(), List.of());
    static final Applicable INSPECTION = new Applicable("CJ-JCPC", "列为重点监管对象", "PUNISHMENT", "", true, "", "", "", List.of(), List.of());

    static MeasureCheck check(Feedback feedback) {
        return new MeasureCheck(7, CHECKED.atStartOfDay(SHANGHAI).plusHours(10).toInstant(), "430602********1235", "RCJG", "日常监管",
                DepartmentCode.of("scjg"), "clerk", "v1", null, List.of(GREEN_CHANNEL), List.of(INSPECTION), DUE, feedback);
    }

    static FeedbackPolicy.Accepted accept(List<MeasureDecision> decisions, String outcome, LocalDate handled, LocalDate today) {
        return FeedbackPolicy.accept(check(null), decisions, outcome, handled, " 备注 ", today, SHANGHAI);
    }

    static final List<MeasureDecision> BOTH = List.of(new MeasureDecision("JL-LSTD", true, null),
            new MeasureDecision("CJ-JCPC", false, " 当事人已整改 "));

    @Test
    void feedbackAnsweringEveryMeasureIsAcceptedCleanedAndCounted() {
        FeedbackPolicy.Accepted a = accept(BOTH, " 已办结 ", CHECKED, DUE);

        assertThat(a.outcome()).isEqualTo("已办结");
        assertThat(a.note()).isEqualTo("备注");
        assertThat(a.decisions()).extracting(MeasureDecision::reason).containsExactly("", "当事人已整改");
        assertThat(a.applied()).isEqualTo(1);
        assertThat(a.late()).as("on the due day it is not late").isFalse();
    }

    @Test
    void feedbackAfterTheDueDayIsAcceptedAndMarkedLate() {
        assertThat(accept(BOTH, "已办结", CHECKED, DUE.plusDays(1)).late()).isTrue();
    }

    @Test
    void feedbackIsGivenOnlyOnce() {
        Feedback given = new Feedback(BOTH, "已办结", CHECKED, "", Instant.now(), "clerk", false);
        assertRefused(() -> FeedbackPolicy.accept(check(given), BOTH, "已办结", CHECKED, null, DUE, SHANGHAI), "MEASURE_FEEDBACK_GIVEN");
    }

    @Test
    void theOutcomeIsRequiredAndAtMostFiveHundredCharacters() {
        assertRefused(() -> accept(BOTH, "  ", CHECKED, DUE), "MEASURE_FEEDBACK_OUTCOME_REQUIRED");
        assertRefused(() -> accept(BOTH, "𠮷".repeat(501), CHECKED, DUE), "MEASURE_FEEDBACK_OUTCOME_REQUIRED");
        assertThat(accept(BOTH, "𠮷".repeat(500), CHECKED, DUE).outcome()).hasSize(1000);
    }

    @Test
    void theDayHandledLiesBetweenTheCheckAndToday() {
        assertRefused(() -> accept(BOTH, "已办结", CHECKED.minusDays(1), DUE), "MEASURE_FEEDBACK_DATE_INVALID");
        assertRefused(() -> accept(BOTH, "已办结", DUE.plusDays(1), DUE), "MEASURE_FEEDBACK_DATE_INVALID");
        assertRefused(() -> accept(BOTH, "已办结", null, DUE), "MEASURE_FEEDBACK_DATE_INVALID");
    }

    @Test
    void everyShownMeasureIsAnsweredOnceAndNothingElse() {
        assertRefused(() -> accept(List.of(BOTH.get(0)), "已办结", CHECKED, DUE), "MEASURE_FEEDBACK_INCOMPLETE");
        assertRefused(() -> accept(List.of(BOTH.get(0), BOTH.get(0), BOTH.get(1)), "已办结", CHECKED, DUE), "MEASURE_FEEDBACK_UNKNOWN_MEASURE");
        assertRefused(() -> accept(List.of(BOTH.get(0), BOTH.get(1), new MeasureDecision("XX", true, null)), "已办结", CHECKED, DUE),
                "MEASURE_FEEDBACK_UNKNOWN_MEASURE");
    }

    @Test
    void aMeasureNotAppliedNeedsAReasonAndAMandatoryOneSaysSo() {
        List<MeasureDecision> noReason = List.of(BOTH.get(0), new MeasureDecision("CJ-JCPC", false, " "));
        assertThatThrownBy(() -> accept(noReason, "已办结", CHECKED, DUE)).isInstanceOf(ChengxinException.class)
                .hasMessageContaining("列为重点监管对象").hasMessageContaining("应当实施");
        assertRefused(() -> accept(List.of(BOTH.get(0), new MeasureDecision("CJ-JCPC", false, "理".repeat(501))), "已办结", CHECKED, DUE),
                "MEASURE_FEEDBACK_REASON_REQUIRED");
    }

    private static void assertRefused(ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(ChengxinException.class).extracting(e -> ((ChengxinException) e).code()).isEqualTo(code);
    }
}
