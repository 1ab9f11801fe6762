package org.chengxin.measures.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chengxin.measures.MeasureCheck;
import org.chengxin.measures.MeasureCheck.Applicable;
import org.chengxin.measures.MeasureCheck.MeasureDecision;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.text.UnicodeText;

/**
 * What a department's feedback on a check must be: given once; the matter's outcome stated (at most
 * 500 characters); handled between the day of the check and today; every measure the check showed
 * answered once, applied or not, and a measure not applied explained (at most 500 characters). Late
 * feedback is accepted and marked late ({@link FeedbackDeadline} set its due day).
 */
public final class FeedbackPolicy {

    static final int MAX_TEXT = 500;

    private FeedbackPolicy() {
    }

    /** Feedback as it may be stored. */
    public record Accepted(List<MeasureDecision> decisions, String outcome, LocalDate handledOn, String note, boolean late) {
        public int applied() {
            return (int) decisions.stream().filter(MeasureDecision::applied).count();
        }
    }

    /** The feedback cleaned and accepted, or the refusal of the first rule it breaks. */
    public static Accepted accept(MeasureCheck check, List<MeasureDecision> decisions, String outcome, LocalDate handledOn,
            String note, LocalDate today, ZoneId zone) {
        if (check.hasFeedback()) {
            throw ChengxinException.conflict("MEASURE_FEEDBACK_GIVEN", "该核查已反馈，不能重复反馈");
        }
        String result = outcome == null ? "" : outcome.strip();
        if (result.isEmpty() || UnicodeText.longerThan(result, MAX_TEXT)) {
            throw ChengxinException.badRequest("MEASURE_FEEDBACK_OUTCOME_REQUIRED", "请填写事项办理结果（不超过 500 字）");
        }
        LocalDate checkedOn = LocalDate.ofInstant(check.checkedAt(), zone);
        if (handledOn == null || handledOn.isBefore(checkedOn) || handledOn.isAfter(today)) {
            throw ChengxinException.badRequest("MEASURE_FEEDBACK_DATE_INVALID", "办理日期须在核查日（" + checkedOn + "）与今天之间");
        }
        List<MeasureDecision> clean = decisions(check, decisions == null ? List.of() : decisions);
        String cleanNote = note == null ? "" : note.strip();
        if (UnicodeText.longerThan(cleanNote, MAX_TEXT)) {
            throw ChengxinException.badRequest("MEASURE_FEEDBACK_OUTCOME_REQUIRED", "备注不超过 500 字");
        }
        return new Accepted(clean, result, handledOn, cleanNote, today.isAfter(check.feedbackDue()));
    }

    /** Every shown measure answered once, in the order given; nothing the check did not show. */
    private static List<MeasureDecision> decisions(MeasureCheck check, List<MeasureDecision> given) {
        Map<String, Applicable> shown = new LinkedHashMap<>();
        check.incentives().forEach(a -> shown.put(a.code(), a));
        check.punishments().forEach(a -> shown.put(a.code(), a));
        Set<String> seen = new HashSet<>();
        List<MeasureDecision> clean = new ArrayList<>();
        for (MeasureDecision d : given) {
            if (d == null || d.code() == null || !shown.containsKey(d.code())) {
                throw ChengxinException.badRequest("MEASURE_FEEDBACK_UNKNOWN_MEASURE",
                        "反馈的措施不在本次核查结果中：" + (d == null || d.code() == null ? "" : d.code()));
            }
            if (!seen.add(d.code())) {
                throw ChengxinException.badRequest("MEASURE_FEEDBACK_UNKNOWN_MEASURE", "同一措施只能反馈一次：" + d.code());
            }
            String reason = d.reason() == null ? "" : d.reason().strip();
            if (!d.applied() && reason.isEmpty()) {
                Applicable a = shown.get(d.code());
                throw ChengxinException.badRequest("MEASURE_FEEDBACK_REASON_REQUIRED",
                        "措施“" + a.name() + "”未实施，请说明理由" + (a.mandatory() ? "（该措施为应当实施的措施）" : ""));
            }
            if (UnicodeText.longerThan(reason, MAX_TEXT)) {
                throw ChengxinException.badRequest("MEASURE_FEEDBACK_REASON_REQUIRED", "理由不超过 500 字");
            }
            clean.add(new MeasureDecision(d.code(), d.applied(), reason));
        }
        List<String> missing = shown.keySet().stream().filter(c -> !seen.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw ChengxinException.badRequest("MEASURE_FEEDBACK_INCOMPLETE", "请逐项反馈核查结果中的措施是否实施：尚缺 " + String.join("、", missing));
        }
        return clean;
    }
}
