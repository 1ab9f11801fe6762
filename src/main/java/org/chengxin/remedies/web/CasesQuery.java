package org.chengxin.remedies.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chengxin.shared.listing.FilterInputs;
import org.chengxin.shared.listing.PersonLookups.Lookup;
import org.chengxin.remedies.ReviewQueue;
import org.chengxin.shared.listing.PersonLookups;

/**
 * The review list's filter as the address carries it: kind (objection or repair), status (a stored status, or
 * 待办 / 已办结), item, a range of the day filed, overdue only, and the token of a person filter ({@code who}).
 * Anything unreadable is left out and said (problems), never an error page. The same parameters drive the page,
 * its links and its export.
 */
public record CasesQuery(String kind, String status, String item, LocalDate from, LocalDate to, boolean overdueOnly, String who,
        Optional<Lookup> person, List<String> problems) {

    /** Every open case, whatever its stored status. */
    static final String PENDING = ReviewQueue.PENDING;
    /** Every decided, dismissed or withdrawn case. */
    static final String DONE = ReviewQueue.DONE;

    static CasesQuery parse(Map<String, String> params, Optional<Lookup> person, Set<String> statusCodes) {
        List<String> problems = new ArrayList<>();
        String kind = FilterInputs.trimmed(params.get("kind"), 20);
        if (kind != null && !kind.equals("objection") && !kind.equals("repair")) {
            problems.add("案件类型无法识别，已忽略");
            kind = null;
        }
        String status = FilterInputs.trimmed(params.get("status"), 40);
        if (status != null && !status.equals(PENDING) && !status.equals(DONE) && !statusCodes.contains(status)) {
            problems.add("状态无法识别，已忽略");
            status = null;
        }
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
        boolean overdue = "1".equals(params.get("overdue")) || "true".equals(params.get("overdue"));
        return new CasesQuery(kind, status, FilterInputs.trimmed(params.get("item"), 40), from, to, overdue, who, person, problems);
    }

    public boolean hasPerson() {
        return person.isPresent();
    }

    /** The person filter as the page names it (masked number, masked name). */
    public String personLabel() {
        return person.map(Lookup::label).orElse("");
    }

    /** The filter as the review list's SQL takes it. */
    ReviewQueue.Filter filter() {
        return new ReviewQueue.Filter(person.map(Lookup::subjects).orElse(null), kind, status, item, from, to, overdueOnly);
    }

    /** The parameters links keep (no page, size or sort). */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kind", kind);
        p.put("status", status);
        p.put("item", item);
        p.put("from", from == null ? null : from.toString());
        p.put("to", to == null ? null : to.toString());
        p.put("overdue", overdueOnly ? "1" : null);
        p.put("who", person.isPresent() ? who : null);
        return p;
    }

    /** The filter in words, for the audit trail and the page (the person masked). */
    String describe(Map<String, String> statusLabels, Map<String, String> itemNames) {
        List<String> parts = new ArrayList<>();
        person.ifPresent(p -> parts.add("当事人 " + p.label()));
        if (kind != null) {
            parts.add("类型 " + ReviewCase.kindLabel(kind));
        }
        if (status != null) {
            parts.add("状态 " + statusLabels.getOrDefault(status, status));
        }
        if (item != null) {
            parts.add("信息项 " + itemNames.getOrDefault(item, item));
        }
        if (from != null || to != null) {
            parts.add("提出日期 " + (from == null ? "…" : from) + " 至 " + (to == null ? "…" : to));
        }
        if (overdueOnly) {
            parts.add("仅超期");
        }
        return parts.isEmpty() ? "全部" : String.join("；", parts);
    }
}
