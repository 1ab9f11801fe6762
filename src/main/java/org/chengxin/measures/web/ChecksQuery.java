package org.chengxin.measures.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chengxin.measures.MeasureChecks;
import org.chengxin.measures.MeasureChecks.CheckFilter;
import org.chengxin.measures.MeasureChecks.FeedbackState;
import org.chengxin.measures.MeasureChecks.Hits;
import org.chengxin.shared.listing.FilterInputs;
import org.chengxin.shared.listing.PersonLookups.Lookup;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * The department's check list as the address carries it: the matter ({@code matter}), the feedback state
 * ({@code state}), the measures that applied ({@code hits}), a range of the check date ({@code from}, {@code to}) and
 * the token of a person filter ({@code who}), with page, size and sort. Anything unreadable is left out and said
 * (problems); nothing a request carries reaches the SQL but as a bound value. The same parameters drive the page, its
 * links and its export.
 */
public record ChecksQuery(String matter, FeedbackState state, Hits hits, LocalDate from, LocalDate to, String who,
        Optional<Lookup> person, PageRequest request, List<String> problems) {

    static ChecksQuery parse(Map<String, String> params, Optional<Lookup> person, Map<String, String> matters) {
        List<String> problems = new ArrayList<>();
        String matter = FilterInputs.trimmed(params.get("matter"), 40);
        if (matter != null && !matters.containsKey(matter)) {
            problems.add("办理事项无法识别，已忽略");
            matter = null;
        }
        FeedbackState state = null;
        String s = FilterInputs.trimmed(params.get("state"), 20);
        if (s != null) {
            try {
                state = FeedbackState.valueOf(s);
            } catch (IllegalArgumentException e) {
                problems.add("反馈状态无法识别，已忽略");
            }
        }
        Hits hits = null;
        String h = FilterInputs.trimmed(params.get("hits"), 20);
        if (h != null) {
            try {
                hits = Hits.valueOf(h);
            } catch (IllegalArgumentException e) {
                problems.add("适用措施的筛选无法识别，已忽略");
            }
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
            problems.add("按身份证号的筛选已过期（保留 " + PersonLookups.LIFETIME_MINUTES + " 分钟），请重新输入");
            who = null;
        }
        PageRequest request = PageRequest.of(integer(params.get("page")), integer(params.get("size")), params.get("sort"),
                params.get("dir"), MeasureChecks.CHECK_SORTS);
        return new ChecksQuery(matter, state, hits, from, to, who, person, request, problems);
    }

    public boolean hasPerson() {
        return person.isPresent();
    }

    public String personLabel() {
        return person.map(Lookup::label).orElse("");
    }

    public boolean filtered() {
        return matter != null || state != null || hits != null || from != null || to != null || person.isPresent();
    }

    CheckFilter filter(DepartmentCode department, LocalDate today) {
        return new CheckFilter(department, person.map(p -> p.subjects().get(0)).orElse(null), matter, state, hits, from, to, today);
    }

    /** The parameters links keep (no page, size or sort). */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("matter", matter);
        p.put("state", state == null ? null : state.name());
        p.put("hits", hits == null ? null : hits.name());
        p.put("from", from == null ? null : from.toString());
        p.put("to", to == null ? null : to.toString());
        p.put("who", person.isPresent() ? who : null);
        return p;
    }

    /** The filter in words, for the page and the audit trail (the person masked, the matter by name). */
    String describe(Map<String, String> matters) {
        List<String> parts = new ArrayList<>();
        person.ifPresent(p -> parts.add("当事人 " + p.label()));
        if (matter != null) {
            parts.add("办理事项 " + matters.getOrDefault(matter, matter));
        }
        if (state != null) {
            parts.add("反馈状态 " + state.label());
        }
        if (hits != null) {
            parts.add(hits.label());
        }
        if (from != null || to != null) {
            parts.add("核查日期 " + (from == null ? "…" : from) + " 至 " + (to == null ? "…" : to));
        }
        return parts.isEmpty() ? "全部" : String.join("；", parts);
    }

    private static Integer integer(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
