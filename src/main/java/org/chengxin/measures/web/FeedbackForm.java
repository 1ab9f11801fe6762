package org.chengxin.measures.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chengxin.measures.MeasureCheck;
import org.chengxin.measures.MeasureCheck.Applicable;
import org.chengxin.measures.MeasureCheck.MeasureDecision;
import org.chengxin.shared.error.ChengxinException;

/**
 * The feedback form of a check read into the service's terms: for each measure shown, {@code applied_<code>}
 * ("true" or "false") and {@code reason_<code>}; then {@code outcome}, {@code handledOn} and {@code note}.
 * Whether a reason is needed is the service's rule, not repeated here.
 */
record FeedbackForm(List<MeasureDecision> decisions, String outcome, LocalDate handledOn, String note) {

    static FeedbackForm of(MeasureCheck check, Map<String, String> form) {
        List<Applicable> shown = new ArrayList<>(check.incentives());
        shown.addAll(check.punishments());
        List<MeasureDecision> decisions = new ArrayList<>();
        for (Applicable a : shown) {
            String applied = form.get("applied_" + a.code());
            if (!"true".equals(applied) && !"false".equals(applied)) {
                throw ChengxinException.badRequest("MEASURE_FEEDBACK_INCOMPLETE", "请选择措施“" + a.name() + "”是否实施");
            }
            decisions.add(new MeasureDecision(a.code(), Boolean.parseBoolean(applied), form.get("reason_" + a.code())));
        }
        return new FeedbackForm(decisions, form.get("outcome"), date(form.get("handledOn")), form.get("note"));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw ChengxinException.badRequest("MEASURE_FEEDBACK_DATE_INVALID", "请填写办理日期（格式 yyyy-MM-dd）");
        }
    }
}
