package org.chengxin.ingestion.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.RejectionFilter;
import org.chengxin.shared.listing.PageRequest;

/**
 * A batch's rejection list as the address carries it: row numbers from and to, part of the source id, the field, the
 * error code, with its page and sort. What cannot be read is left out and said (problems), never an error page; nothing
 * reaches the SQL but as a bound value.
 */
public record RejectionsQuery(Long rowFrom, Long rowTo, String source, String field, String code, PageRequest request,
        List<String> problems) {

    static final int MAX_TEXT = 100;

    static RejectionsQuery of(Map<String, String> params) {
        List<String> problems = new ArrayList<>();
        Long from = row(params.get("rowFrom"), "起始行号", problems);
        Long to = row(params.get("rowTo"), "截止行号", problems);
        if (from != null && to != null && from > to) {
            problems.add("起始行号大于截止行号，已对调");
            Long t = from;
            from = to;
            to = t;
        }
        String field = text(params.get("field"), 60);
        String code = text(params.get("code"), 60);
        if (code != null && !code.matches("[A-Z0-9_]+")) {
            problems.add("错误类型无法识别，已忽略");
            code = null;
        }
        PageRequest request = PageRequest.of(integer(params.get("page")), integer(params.get("size")), params.get("sort"),
                params.get("dir"), RecordBatches.REJECTION_SORTS);
        return new RejectionsQuery(from, to, text(params.get("source"), MAX_TEXT), field, code, request, problems);
    }

    RejectionFilter filter() {
        return new RejectionFilter(rowFrom, rowTo, source, field, code);
    }

    public boolean filtered() {
        return rowFrom != null || rowTo != null || source != null || field != null || code != null;
    }

    /** The filter as link parameters (the listing adds page, size and sort). */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rowFrom", rowFrom == null ? null : rowFrom.toString());
        p.put("rowTo", rowTo == null ? null : rowTo.toString());
        p.put("source", source);
        p.put("field", field);
        p.put("code", code);
        return p;
    }

    /** The filter in words, for the audit trail (field and error in words). */
    String describe(Map<String, String> fieldLabels, Map<String, String> codeLabels) {
        List<String> parts = new ArrayList<>();
        if (rowFrom != null || rowTo != null) {
            parts.add("行号 " + (rowFrom == null ? "…" : rowFrom) + " 至 " + (rowTo == null ? "…" : rowTo));
        }
        if (source != null) {
            parts.add("来源编号含“" + source + "”");
        }
        if (field != null) {
            parts.add("字段 " + (RejectionFilter.WHOLE_ROW.equals(field) ? "（整行）" : fieldLabels.getOrDefault(field, field)));
        }
        if (code != null) {
            parts.add("错误 " + codeLabels.getOrDefault(code, code));
        }
        return parts.isEmpty() ? "全部" : String.join("，", parts);
    }

    private static Long row(String raw, String what, List<String> problems) {
        String s = text(raw, 20);
        if (s == null) {
            return null;
        }
        try {
            long n = Long.parseLong(s);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        problems.add(what + "应为不小于 0 的整数，已忽略");
        return null;
    }

    private static String text(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static Integer integer(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
