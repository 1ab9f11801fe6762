package org.chengxin.lists.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chengxin.shared.listing.FilterInputs;
import org.chengxin.shared.listing.PersonLookups.Lookup;
import org.chengxin.records.GoodCreditFilter;
import org.chengxin.records.GoodCreditFilter.Standing;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * The good-credit list's filter as the address carries it: item, department, a range of the decision date, in force
 * or ended ({@code standing}: IN_FORCE, the default, ENDED or ALL) and the token of a person filter ({@code who}).
 * Anything unreadable is left out and said (problems). The same parameters drive the page, its links and its export.
 */
public record GoodCreditQuery(String item, String department, LocalDate from, LocalDate to, Standing standing, boolean all,
        String who, Optional<Lookup> person, List<String> problems) {

    static GoodCreditQuery parse(Map<String, String> params, Optional<Lookup> person, Set<String> items, Set<String> departments) {
        List<String> problems = new ArrayList<>();
        String item = FilterInputs.trimmed(params.get("item"), 40);
        if (item != null && !items.contains(item)) {
            problems.add("信息项无法识别，已忽略");
            item = null;
        }
        String department = FilterInputs.trimmed(params.get("dept"), 40);
        if (department != null && !departments.contains(department)) {
            problems.add("部门无法识别，已忽略");
            department = null;
        }
        Standing standing = Standing.IN_FORCE;
        boolean all = false;
        String s = FilterInputs.trimmed(params.get("standing"), 20);
        if ("ALL".equals(s)) {
            standing = null;
            all = true;
        } else if (s != null) {
            try {
                standing = Standing.valueOf(s);
            } catch (IllegalArgumentException e) {
                problems.add("状态无法识别，已按“有效”显示");
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
            problems.add("按身份证号或姓名的筛选已过期（保留 " + PersonLookups.LIFETIME_MINUTES + " 分钟），请重新输入");
            who = null;
        }
        return new GoodCreditQuery(item, department, from, to, standing, all, who, person, problems);
    }

    public boolean hasPerson() {
        return person.isPresent();
    }

    public String personLabel() {
        return person.map(Lookup::label).orElse("");
    }

    /** IN_FORCE, ENDED or ALL, as the form's select has it. */
    public String standingCode() {
        return standing == null ? "ALL" : standing.name();
    }

    GoodCreditFilter filter() {
        return new GoodCreditFilter(person.map(Lookup::subjects).orElse(null), item,
                department == null ? null : DepartmentCode.of(department), from, to, standing);
    }

    /** The parameters links keep (no page, size or sort); the default standing is left out. */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("item", item);
        p.put("dept", department);
        p.put("from", from == null ? null : from.toString());
        p.put("to", to == null ? null : to.toString());
        p.put("standing", standing == Standing.IN_FORCE ? null : standingCode());
        p.put("who", person.isPresent() ? who : null);
        return p;
    }

    /** The filter in words, for the audit trail and the page (the person masked). */
    String describe(Map<String, String> itemNames, Map<String, String> departmentNames) {
        List<String> parts = new ArrayList<>();
        person.ifPresent(p -> parts.add("当事人 " + p.label()));
        if (item != null) {
            parts.add("信息项 " + itemNames.getOrDefault(item, item));
        }
        if (department != null) {
            parts.add("来源部门 " + departmentNames.getOrDefault(department, department));
        }
        if (from != null || to != null) {
            parts.add("决定日期 " + (from == null ? "…" : from) + " 至 " + (to == null ? "…" : to));
        }
        parts.add("状态 " + (standing == null ? "全部" : standing.label()));
        return String.join("；", parts);
    }
}
