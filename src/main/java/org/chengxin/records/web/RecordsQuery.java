package org.chengxin.records.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chengxin.records.RecordFilter;
import org.chengxin.records.RecordFilter.DateField;
import org.chengxin.records.RecordStatus;
import org.chengxin.shared.listing.FilterInputs;
import org.chengxin.shared.listing.PersonLookups.Lookup;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * The records list's filter as the address carries it: item, status, date field and range, a part of the document
 * number, and the token of a person filter ({@code who}). Anything unreadable is left out and said (problems), never
 * an error page. The same parameters drive the page, its links and its export.
 */
public record RecordsQuery(String item, RecordStatus status, DateField dateField, LocalDate from, LocalDate to, String doc,
        String who, Optional<Lookup> person, List<String> problems) {

    static final int MAX_DOC = 100;

    static RecordsQuery parse(Map<String, String> params, Optional<Lookup> person) {
        List<String> problems = new ArrayList<>();
        String item = FilterInputs.trimmed(params.get("item"), 40);
        RecordStatus status = null;
        String s = params.get("status");
        if (s != null && !s.isBlank()) {
            try {
                status = RecordStatus.valueOf(s.strip());
            } catch (IllegalArgumentException e) {
                problems.add("状态无法识别，已忽略");
            }
        }
        DateField dateField = "ACCEPTED".equals(params.get("date")) ? DateField.ACCEPTED : DateField.DECISION;
        LocalDate from = FilterInputs.date(params.get("from"), "起始日期", problems);
        LocalDate to = FilterInputs.date(params.get("to"), "截止日期", problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add("起始日期晚于截止日期，已对调");
            LocalDate t = from;
            from = to;
            to = t;
        }
        String who = FilterInputs.trimmed(params.get("who"), 40);
        if (who != null && person.isEmpty()) {
            problems.add("按身份证号或姓名的筛选已过期（保留 " + PersonLookups.LIFETIME_MINUTES + " 分钟），请重新输入");
            who = null;
        }
        return new RecordsQuery(item, status, dateField, from, to, FilterInputs.trimmed(params.get("doc"), MAX_DOC), who, person, problems);
    }

    public boolean hasPerson() {
        return person.isPresent();
    }

    /** The person filter as the page names it (masked number, masked name). */
    public String personLabel() {
        return person.map(Lookup::label).orElse("");
    }

    RecordFilter filter(DepartmentCode department) {
        return new RecordFilter(department, person.map(Lookup::subjects).orElse(null), item, status, dateField, from, to, doc);
    }

    /** The parameters links keep (no page, size or sort). */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("item", item);
        p.put("status", status == null ? null : status.name());
        p.put("date", from == null && to == null ? null : dateField.name());
        p.put("from", from == null ? null : from.toString());
        p.put("to", to == null ? null : to.toString());
        p.put("doc", doc);
        p.put("who", person.isPresent() ? who : null);
        return p;
    }

    /** The filter in words, for the audit trail and the page (the person masked). */
    String describe(Map<String, String> itemNames) {
        List<String> parts = new ArrayList<>();
        person.ifPresent(p -> parts.add("当事人 " + p.label()));
        if (item != null) {
            parts.add("信息项 " + itemNames.getOrDefault(item, item));
        }
        if (status != null) {
            parts.add("状态 " + status.label());
        }
        if (from != null || to != null) {
            parts.add(dateField.label() + " " + (from == null ? "…" : from) + " 至 " + (to == null ? "…" : to));
        }
        if (doc != null) {
            parts.add("文书号含 " + doc);
        }
        return parts.isEmpty() ? "全部" : String.join("；", parts);
    }
}
