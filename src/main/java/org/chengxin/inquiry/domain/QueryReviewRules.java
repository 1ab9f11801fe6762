package org.chengxin.inquiry.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.time.WorkingCalendar;

/**
 * The rules that flag unusual use of the query log for the auditor's review (policy 八):
 * <ul>
 * <li>{@code MANY_PEOPLE}: one clerk or system querying more than {@link #MANY_PEOPLE} different people
 * within an hour;</li>
 * <li>{@code OFF_HOURS}: a query by staff or a system outside office hours (before 8:00, from 18:00, or
 * on a day that is no working day on the platform's calendar: a weekend, a public holiday, but not a
 * weekend day worked (调休); Asia/Shanghai);</li>
 * <li>{@code REFUSED_NO_AUTHORIZATION}: a query refused for a missing or invalid authorization;</li>
 * <li>{@code REPEATED}: the same person queried {@link #REPEATED} times or more by the same organization
 * within seven days.</li>
 * </ul>
 * A person's queries about themselves are never flagged. Each flag has a key, so scanning the same
 * queries again raises nothing new.
 */
public final class QueryReviewRules {

    public static final int MANY_PEOPLE = 20;
    public static final int REPEATED = 5;
    public static final Duration HOUR = Duration.ofHours(1);
    public static final Duration WEEK = Duration.ofDays(7);
    public static final LocalTime OPENS = LocalTime.of(8, 0);
    public static final LocalTime CLOSES = LocalTime.of(18, 0);

    private QueryReviewRules() {
    }

    /** A query as the rules see it. */
    public record Fact(long id, Instant at, String kind, String actor, String organization, DepartmentCode departmentCode, SubjectKey subject,
            boolean refused, String refusalCode) {
    }

    /** A flag to raise. */
    public record Flag(String rule, String key, String actor, String organization, DepartmentCode departmentCode, List<Long> queryIds,
            String detail) {
    }

    public static String label(String rule) {
        return switch (rule) {
            case "MANY_PEOPLE" -> "短时间内查询多人";
            case "OFF_HOURS" -> "非工作时间查询";
            case "REFUSED_NO_AUTHORIZATION" -> "无有效授权被拒绝";
            case "REPEATED" -> "反复查询同一人";
            case "COMPLAINT" -> "当事人投诉";
            default -> rule;
        };
    }

    public static List<Flag> review(List<Fact> queries, ZoneId zone, WorkingCalendar calendar) {
        List<Fact> byOthers = queries.stream().filter(q -> !"SELF".equals(q.kind()))
                .sorted(Comparator.comparing(Fact::at).thenComparing(Fact::id)).toList();
        List<Flag> flags = new ArrayList<>();
        flags.addAll(manyPeople(byOthers));
        flags.addAll(offHours(byOthers, zone, calendar));
        flags.addAll(refused(byOthers));
        flags.addAll(repeated(byOthers));
        return flags;
    }

    static List<Flag> manyPeople(List<Fact> queries) {
        List<Flag> flags = new ArrayList<>();
        Map<String, List<Fact>> byActor = queries.stream().collect(Collectors.groupingBy(Fact::actor, LinkedHashMap::new, Collectors.toList()));
        for (List<Fact> mine : byActor.values()) {
            int start = 0;
            Map<SubjectKey, Integer> inWindow = new HashMap<>();
            for (int end = 0; end < mine.size(); end++) {
                inWindow.merge(mine.get(end).subject(), 1, Integer::sum);
                while (Duration.between(mine.get(start).at(), mine.get(end).at()).compareTo(HOUR) > 0) {
                    inWindow.computeIfPresent(mine.get(start).subject(), (k, v) -> v == 1 ? null : v - 1);
                    start++;
                }
                if (inWindow.size() > MANY_PEOPLE) {
                    List<Fact> window = mine.subList(start, end + 1);
                    Fact first = window.get(0);
                    flags.add(new Flag("MANY_PEOPLE", first.actor() + "|" + first.id(), first.actor(), first.organization(),
                            first.departmentCode(), window.stream().map(Fact::id).toList(),
                            "一小时内查询了 " + inWindow.size() + " 个不同的人（阈值 " + MANY_PEOPLE + "）"));
                    // the next window starts after this one
                    inWindow.clear();
                    start = end + 1;
                }
            }
        }
        return flags;
    }

    static List<Flag> offHours(List<Fact> queries, ZoneId zone, WorkingCalendar calendar) {
        List<Flag> flags = new ArrayList<>();
        for (Fact q : queries) {
            ZonedDateTime t = q.at().atZone(zone);
            boolean restDay = !calendar.isWorkingDay(t.toLocalDate());
            boolean weekend = t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
            LocalTime time = t.toLocalTime();
            if (restDay || time.isBefore(OPENS) || !time.isBefore(CLOSES)) {
                String when = !restDay ? "工作时间以外" : weekend ? "周末" : "节假日";
                flags.add(new Flag("OFF_HOURS", String.valueOf(q.id()), q.actor(), q.organization(), q.departmentCode(), List.of(q.id()),
                        "在" + when + "查询（" + t.toLocalDate() + " " + time.withNano(0) + "）"));
            }
        }
        return flags;
    }

    static List<Flag> refused(List<Fact> queries) {
        Map<String, String> reasons = Map.of("INQUIRY_AUTHORIZATION_REQUIRED", "未给出授权",
                "INQUIRY_AUTHORIZATION_NOT_FOUND", "授权不存在", "INQUIRY_AUTHORIZATION_INVALID", "授权已失效或已撤回");
        return queries.stream().filter(q -> q.refused() && reasons.containsKey(q.refusalCode()))
                .map(q -> new Flag("REFUSED_NO_AUTHORIZATION", String.valueOf(q.id()), q.actor(), q.organization(), q.departmentCode(),
                        List.of(q.id()), "因无有效授权被拒绝（" + reasons.get(q.refusalCode()) + "）"))
                .toList();
    }

    static List<Flag> repeated(List<Fact> queries) {
        List<Flag> flags = new ArrayList<>();
        Map<String, List<Fact>> byPair = queries.stream()
                .collect(Collectors.groupingBy(q -> q.organization() + "|" + q.subject().hex(), LinkedHashMap::new, Collectors.toList()));
        for (List<Fact> same : byPair.values()) {
            int start = 0;
            Set<Long> flagged = new HashSet<>();
            for (int end = 0; end < same.size(); end++) {
                while (Duration.between(same.get(start).at(), same.get(end).at()).compareTo(WEEK) > 0) {
                    start++;
                }
                if (end - start + 1 >= REPEATED && !flagged.contains(same.get(start).id())) {
                    List<Fact> window = same.subList(start, end + 1);
                    Fact first = window.get(0);
                    flags.add(new Flag("REPEATED", first.organization() + "|" + first.subject().hex().substring(0, 16) + "|" + first.id(),
                            first.actor(), first.organization(), first.departmentCode(), window.stream().map(Fact::id).toList(),
                            "七日内查询同一人 " + window.size() + " 次（阈值 " + REPEATED + "）"));
                    flagged.add(first.id());
                    start = end + 1;
                    if (start > end) {
                        continue;
                    }
                }
            }
        }
        return flags;
    }
}
