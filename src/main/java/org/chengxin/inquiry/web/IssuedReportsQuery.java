package org.chengxin.inquiry.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chengxin.inquiry.IssuedReports;
import org.chengxin.inquiry.IssuedReports.WindowFilter;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.listing.PersonLookups.Lookup;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * The filter of the reports issued at the windows as the address carries it: part of the report number, the day of issue
 * from and to, and the token of a person filter ({@code who}: the ID number or name was POSTed and swapped for it).
 * Anything unreadable is left out and said (problems). The same parameters drive the page, its links and its export.
 */
public record IssuedReportsQuery(String number, LocalDate from, LocalDate to, String who, Optional<Lookup> person,
        List<String> problems) {

    static final int MAX_NUMBER = 40;

    static IssuedReportsQuery parse(Map<String, String> params, Optional<Lookup> person) {
        List<String> problems = new ArrayList<>();
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
            problems.add("按身份证号或姓名的筛选已过期（保留 " + PersonLookups.LIFETIME_MINUTES + " 分钟），请重新输入");
            who = null;
        }
        return new IssuedReportsQuery(ListFilters.trimmed(params.get("number"), MAX_NUMBER), from, to, who, person, problems);
    }

    static PageRequest pageRequest(Map<String, String> params) {
        return PageRequest.of(ListFilters.integer(params.get("page")), ListFilters.integer(params.get("size")), params.get("sort"),
                params.get("dir"), IssuedReports.WINDOW_REPORT_SORTS);
    }

    public boolean hasPerson() {
        return person.isPresent();
    }

    public String personLabel() {
        return person.map(Lookup::label).orElse("");
    }

    public boolean filtered() {
        return number != null || from != null || to != null || person.isPresent();
    }

    /** The filter for a department's clerk (their department's reports) or, with null, for the auditor (all). */
    WindowFilter filter(DepartmentCode department) {
        return new WindowFilter(department, person.map(Lookup::subjects).orElse(null), number, from, to);
    }

    /** The parameters links keep (no page, size or sort; the person only as its token). */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("number", number);
        p.put("from", from == null ? null : from.toString());
        p.put("to", to == null ? null : to.toString());
        p.put("who", person.isPresent() ? who : null);
        return p;
    }

    /** The filter in words, for the page and the audit trail (the person masked). */
    String describe() {
        List<String> parts = new ArrayList<>();
        person.ifPresent(p -> parts.add("当事人 " + p.label()));
        if (number != null) {
            parts.add("报告编号含 " + number);
        }
        if (from != null || to != null) {
            parts.add(ListFilters.range("出具日期", from, to));
        }
        return parts.isEmpty() ? "全部" : String.join("；", parts);
    }
}
