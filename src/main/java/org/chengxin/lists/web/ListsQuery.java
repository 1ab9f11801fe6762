package org.chengxin.lists.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chengxin.lists.CandidateFilter;
import org.chengxin.lists.EntryFilter;
import org.chengxin.lists.NoticeFilter;
import org.chengxin.lists.NoticeFilter.State;
import org.chengxin.shared.listing.FilterInputs;
import org.chengxin.shared.listing.PersonLookups.Lookup;
import org.chengxin.shared.listing.PersonLookups;

/**
 * The filter of the reviewer's candidates and entries as the address carries it: the tab, the token of a person filter
 * ({@code who}; the ID number or name itself only ever in a POST body), the catalog item, a range of the decision date
 * (candidates), the start date (entries) or the day the person was told (notices), for entries a range of the end date,
 * and for notices where the person's statement stands. The status of an entry (in force or
 * ended) is its tab. Anything unreadable is left out and said (problems). The same parameters drive the page, its links
 * and its exports.
 */
public record ListsQuery(String tab, String item, LocalDate from, LocalDate to, LocalDate endFrom, LocalDate endTo, State state,
        String who, Optional<Lookup> person, List<String> problems) {

    static ListsQuery parse(String tab, Map<String, String> params, Optional<Lookup> person, Set<String> items) {
        List<String> problems = new ArrayList<>();
        String item = FilterInputs.trimmed(params.get("item"), 40);
        if (item != null && !items.contains(item)) {
            problems.add("信息项无法识别，已忽略");
            item = null;
        }
        LocalDate from = FilterInputs.date(params.get("from"), "起始日期", problems);
        LocalDate to = FilterInputs.date(params.get("to"), "截止日期", problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add("起始日期晚于截止日期，已对调");
            LocalDate t = from;
            from = to;
            to = t;
        }
        LocalDate endFrom = FilterInputs.date(params.get("endFrom"), "结束日期起", problems);
        LocalDate endTo = FilterInputs.date(params.get("endTo"), "结束日期止", problems);
        if (endFrom != null && endTo != null && endFrom.isAfter(endTo)) {
            problems.add("结束日期的起始晚于截止，已对调");
            LocalDate t = endFrom;
            endFrom = endTo;
            endTo = t;
        }
        State state = null;
        String rawState = FilterInputs.trimmed(params.get("state"), 20);
        if ("notices".equals(tab) && rawState != null) {
            try {
                state = State.valueOf(rawState);
            } catch (IllegalArgumentException e) {
                problems.add("陈述申辩情况无法识别，已忽略");
            }
        }
        String who = FilterInputs.trimmed(params.get("who"), 40);
        if (who != null && person.isEmpty()) {
            problems.add("按身份证号或姓名的筛选已过期（保留 " + PersonLookups.LIFETIME_MINUTES + " 分钟），请重新输入");
            who = null;
        }
        return new ListsQuery(tab, item, from, to, endFrom, endTo, state, who, person, problems);
    }

    public boolean hasPerson() {
        return person.isPresent();
    }

    public String personLabel() {
        return person.map(Lookup::label).orElse("");
    }

    public boolean entriesTab() {
        return "entries".equals(tab) || "ended".equals(tab);
    }

    public boolean noticesTab() {
        return "notices".equals(tab);
    }

    /** The states a notice may be filtered by, code to words (for the select). */
    public Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        for (State s : State.values()) {
            states.put(s.name(), s.label());
        }
        return states;
    }

    /** The state filtered by, as the select names it; empty for any. */
    public String stateCode() {
        return state == null ? "" : state.name();
    }

    /** Whether anything narrows the list. */
    public boolean narrowed() {
        return person.isPresent() || item != null || from != null || to != null || endFrom != null || endTo != null || state != null;
    }

    CandidateFilter candidateFilter() {
        return new CandidateFilter(person.map(Lookup::subjects).orElse(null), item, from, to);
    }

    NoticeFilter noticeFilter() {
        return new NoticeFilter(person.map(Lookup::subjects).orElse(null), item, from, to, state);
    }

    EntryFilter entryFilter() {
        return new EntryFilter("ended".equals(tab), person.map(Lookup::subjects).orElse(null), item, from, to, endFrom, endTo);
    }

    /** The parameters links keep (no page, size or sort). */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("tab", tab);
        p.put("item", item);
        p.put("from", from == null ? null : from.toString());
        p.put("to", to == null ? null : to.toString());
        if (entriesTab()) {
            p.put("endFrom", endFrom == null ? null : endFrom.toString());
            p.put("endTo", endTo == null ? null : endTo.toString());
        }
        if (noticesTab()) {
            p.put("state", state == null ? null : state.name());
        }
        p.put("who", person.isPresent() ? who : null);
        return p;
    }

    /** The filter in words, for the audit trail and the page (the person masked). */
    String describe(Map<String, String> itemNames) {
        List<String> parts = new ArrayList<>();
        parts.add(switch (tab) {
            case "entries" -> "名单中（有效）";
            case "ended" -> "已结束或不予列入";
            case "notices" -> "已告知待认定";
            default -> "候选";
        });
        person.ifPresent(p -> parts.add("当事人 " + p.label()));
        if (item != null) {
            parts.add("信息项 " + itemNames.getOrDefault(item, item));
        }
        if (from != null || to != null) {
            parts.add((entriesTab() ? "开始日期 " : noticesTab() ? "告知日期 " : "决定日期 ") + (from == null ? "…" : from) + " 至 "
                    + (to == null ? "…" : to));
        }
        if (state != null) {
            parts.add(state.label());
        }
        if (entriesTab() && (endFrom != null || endTo != null)) {
            parts.add("结束日期 " + (endFrom == null ? "…" : endFrom) + " 至 " + (endTo == null ? "…" : endTo));
        }
        return String.join("；", parts);
    }
}
