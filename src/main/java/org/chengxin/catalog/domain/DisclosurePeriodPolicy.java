package org.chengxin.catalog.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The disclosure-period rule in force (NDRC Order No. 36 of 2025, in force 2026-04-01, with the
 * city's ceiling): minor dishonesty is not published; general is published 3 months to 1 year;
 * serious 1 to 3 years, counted from the decision date; nothing beyond the city's 3 years (policy 十).
 * "较重" (grave) is not named by the order; the platform places it between general and serious,
 * 6 months to 2 years, which a city can change here.
 */
public final class DisclosurePeriodPolicy {

    public static final int CITY_CEILING_MONTHS = 36;

    private DisclosurePeriodPolicy() {
    }

    /** The Chinese reasons an item's periods and scope break the rule; empty when they keep it. */
    public static List<String> problemsOf(Item item) {
        List<String> problems = new ArrayList<>();
        if (item.minMonths() < 0 || item.maxMonths() < item.minMonths()) {
            problems.add("公开期限不正确：最短期限不得为负，且不得长于最长期限");
        }
        if (item.maxMonths() > CITY_CEILING_MONTHS) {
            problems.add("公开期限不得超过" + CITY_CEILING_MONTHS + "个月（本市上限3年）");
        }
        if (!item.isDishonesty()) {
            return problems;
        }
        if (item.severity() == null) {
            problems.add("失信信息必须标明严重程度");
            return problems;
        }
        switch (item.severity()) {
            case MINOR -> {
                if (item.scope() == DisclosureScope.PUBLIC) {
                    problems.add("轻微失信信息不予社会公开");
                }
            }
            case GENERAL -> within(item, 3, 12, problems);
            case GRAVE -> within(item, 6, 24, problems);
            case SERIOUS -> within(item, 12, 36, problems);
            default -> throw new IllegalStateException();
        }
        return problems;
    }

    private static void within(Item item, int min, int max, List<String> problems) {
        if (item.minMonths() < min || item.maxMonths() > max) {
            problems.add(item.severity().label() + "失信信息的公开期限应在" + min + "至" + max + "个月之间");
        }
    }
}
