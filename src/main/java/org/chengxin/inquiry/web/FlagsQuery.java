package org.chengxin.inquiry.web;

import static org.chengxin.inquiry.web.ListFilters.ZONE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.inquiry.QueryReview;
import org.chengxin.inquiry.domain.QueryReviewRules;

/** The filter of the flags list as the address carries it: status, rule, a part of the organization, the date raised. */
public record FlagsQuery(String status, String rule, String organization, LocalDate from, LocalDate to, List<String> problems) {

    /** The statuses the filter offers, in words. */
    static final Map<String, String> STATUSES = statuses();

    private static Map<String, String> statuses() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("OPEN", "待审查");
        s.put("CLOSED", "已审查");
        s.put("JUSTIFIED", "已审查：正当使用");
        s.put("MISUSE", "已审查：违规使用");
        return s;
    }

    static FlagsQuery parse(Map<String, String> params) {
        List<String> problems = new ArrayList<>();
        String status = ListFilters.trimmed(params.get("status"), 20);
        if (status != null && !STATUSES.containsKey(status)) {
            problems.add("状态无法识别，已忽略");
            status = null;
        }
        String rule = ListFilters.trimmed(params.get("rule"), 40);
        if (rule != null && !QueryReview.RULES.contains(rule)) {
            problems.add("提示规则无法识别，已忽略");
            rule = null;
        }
        LocalDate from = ListFilters.date(params.get("from"), "起始日期", problems);
        LocalDate to = ListFilters.date(params.get("to"), "截止日期", problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add("起始日期晚于截止日期，已对调");
            LocalDate t = from;
            from = to;
            to = t;
        }
        return new FlagsQuery(status, rule, ListFilters.trimmed(params.get("org"), 100), from, to, problems);
    }

    QueryReview.FlagFilter filter() {
        return new QueryReview.FlagFilter(status, rule, organization, from == null ? null : from.atStartOfDay(ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("status", status);
        p.put("rule", rule);
        p.put("org", organization);
        p.put("from", from == null ? null : from.toString());
        p.put("to", to == null ? null : to.toString());
        return p;
    }

    String describe() {
        List<String> parts = new ArrayList<>();
        if (status != null) {
            parts.add("状态 " + STATUSES.get(status));
        }
        if (rule != null) {
            parts.add("规则 " + QueryReviewRules.label(rule));
        }
        if (organization != null) {
            parts.add("机构含 " + organization);
        }
        if (from != null || to != null) {
            parts.add(ListFilters.range("提出日期", from, to));
        }
        return parts.isEmpty() ? "全部" : String.join("；", parts);
    }
}
