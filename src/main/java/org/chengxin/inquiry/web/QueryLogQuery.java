package org.chengxin.inquiry.web;

import static org.chengxin.inquiry.web.ListFilters.ZONE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chengxin.inquiry.QueryLog;
import org.chengxin.inquiry.domain.QueryKind;
import org.chengxin.shared.listing.PersonLookups.Lookup;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * The filter of the auditor's query log as the address carries it: organization and purpose (parts of the text), the
 * department, the kind of use, allowed or refused, a date range, and the token of an ID number filter ({@code who}).
 * Anything unreadable is left out and said (problems). The same parameters drive the page, its links and its export.
 */
public record QueryLogQuery(String organization, DepartmentCode department, String purpose, QueryKind kind, String outcome,
        LocalDate from, LocalDate to, String who, Optional<Lookup> person, List<String> problems) {

    static final int MAX_TEXT = 100;

    static QueryLogQuery parse(Map<String, String> params, Optional<Lookup> person) {
        List<String> problems = new ArrayList<>();
        DepartmentCode department = null;
        String d = params.get("dept");
        if (d != null && !d.isBlank()) {
            department = DepartmentCode.parse(d.strip()).orElse(null);
            if (department == null) {
                problems.add("经办部门无法识别，已忽略");
            }
        }
        QueryKind kind = null;
        String k = params.get("kind");
        if (k != null && !k.isBlank()) {
            try {
                kind = QueryKind.valueOf(k.strip());
            } catch (IllegalArgumentException e) {
                problems.add("查询类型无法识别，已忽略");
            }
        }
        String outcome = params.get("outcome");
        if (outcome != null && !outcome.equals("ALLOWED") && !outcome.equals("REFUSED")) {
            if (!outcome.isBlank()) {
                problems.add("查询结果无法识别，已忽略");
            }
            outcome = null;
        }
        LocalDate from = ListFilters.date(params.get("from"), "起始日期", problems);
        LocalDate to = ListFilters.date(params.get("to"), "截止日期", problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add("起始日期晚于截止日期，已对调");
            LocalDate t = from;
            from = to;
            to = t;
        }
        String who = ListFilters.trimmed(params.get("who"), 40);
        if (who != null && person.isEmpty()) {
            problems.add("按身份证号的筛选已过期（保留 " + PersonLookups.LIFETIME_MINUTES + " 分钟），请重新输入");
            who = null;
        }
        return new QueryLogQuery(ListFilters.trimmed(params.get("org"), MAX_TEXT), department,
                ListFilters.trimmed(params.get("purpose"), MAX_TEXT), kind, outcome, from, to, who, person, problems);
    }

    public boolean hasPerson() {
        return person.isPresent();
    }

    /** The ID number filter as the page shows it (masked). */
    public String personLabel() {
        return person.map(Lookup::label).orElse("");
    }

    QueryLog.Filter filter() {
        return new QueryLog.Filter(person.map(l -> l.subjects().get(0)).orElse(null), organization, department, purpose,
                kind == null ? null : kind.name(), outcome == null ? null : outcome.equals("REFUSED"),
                from == null ? null : from.atStartOfDay(ZONE).toInstant(), to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    /** The parameters links keep (no page, size or sort; the person only as its token). */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("org", organization);
        p.put("dept", department == null ? null : department.value());
        p.put("purpose", purpose);
        p.put("kind", kind == null ? null : kind.name());
        p.put("outcome", outcome);
        p.put("from", from == null ? null : from.toString());
        p.put("to", to == null ? null : to.toString());
        p.put("who", person.isPresent() ? who : null);
        return p;
    }

    /** The filter in words, for the page and the audit trail (the person masked). */
    String describe(Map<DepartmentCode, String> departmentNames) {
        List<String> parts = new ArrayList<>();
        person.ifPresent(p -> parts.add("当事人 " + p.label()));
        if (organization != null) {
            parts.add("查询机构含 " + organization);
        }
        if (department != null) {
            parts.add("经办部门 " + departmentNames.getOrDefault(department, department.value()));
        }
        if (purpose != null) {
            parts.add("用途含 " + purpose);
        }
        if (kind != null) {
            parts.add("查询类型 " + kind.label());
        }
        if (outcome != null) {
            parts.add(outcome.equals("REFUSED") ? "仅被拒绝的" : "仅已允许的");
        }
        if (from != null || to != null) {
            parts.add(ListFilters.range("查询日期", from, to));
        }
        return parts.isEmpty() ? "全部" : String.join("；", parts);
    }
}
