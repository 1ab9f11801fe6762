package org.chengxin.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.assessment.AdminOverview.CheckMonth;
import org.chengxin.assessment.AdminOverview.GradeShare;
import org.chengxin.assessment.AdminOverview.Overview;

/**
 * The administrator's overview as Apache ECharts options (plain maps, written as JSON) and its figures, for the
 * workbench's static script, as {@link AssessmentCharts} does for the assessment. A share that does not apply is "-".
 */
final class OverviewCharts {

    private OverviewCharts() {
    }

    /** The figures the cards show, as numbers. */
    static Map<String, Object> figures(Overview o) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("recordsTotal", o.recordsTotal());
        figures.put("recordsThisMonth", o.recordsIn(o.months().size() - 1));
        figures.put("personsGraded", o.personsGraded());
        figures.put("listEntriesInForce", o.listEntriesInForce());
        figures.put("goodCreditInForce", o.goodCreditInForce());
        figures.put("queriesTotal", o.queriesTotal());
        figures.put("queriesToday", o.queries().get(o.queries().size() - 1));
        figures.put("refusedTotal", o.refusedTotal());
        figures.put("checksTotal", o.checksTotal());
        figures.put("feedbackTotal", o.feedbackTotal());
        figures.put("overdueTotal", o.overdueTotal());
        figures.put("feedbackRate", o.feedbackRate() == null ? AssessmentCharts.MISSING : o.feedbackRate());
        return figures;
    }

    static Map<String, Object> of(Overview o) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("recordsByDomain", recordsByDomain(o));
        charts.put("grades", grades(o));
        charts.put("queries", queries(o));
        charts.put("checks", checks(o));
        return charts;
    }

    private static List<String> months(Overview o) {
        return o.months().stream().map(Object::toString).toList();
    }

    /** Records first accepted per month, one stacked bar per catalog domain. */
    private static Map<String, Object> recordsByDomain(Overview o) {
        List<Object> series = new ArrayList<>();
        o.recordsByDomain().forEach((domain, counts) -> series.add(Map.of("name", domain, "type", "bar", "stack", "records",
                "data", counts)));
        Map<String, Object> option = base("近12个月各领域入库记录");
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("legend", Map.of("type", "scroll", "bottom", 0));
        option.put("grid", Map.of("left", 56, "right", 24, "top", 48, "bottom", 56));
        option.put("xAxis", Map.of("type", "category", "data", months(o)));
        option.put("yAxis", Map.of("type", "value", "name", "条"));
        option.put("series", series);
        return option;
    }

    /** Persons per grade, best first. */
    private static Map<String, Object> grades(Overview o) {
        List<String> names = new ArrayList<>();
        List<Object> persons = new ArrayList<>();
        for (GradeShare g : o.grades()) {
            names.add(g.grade() + " " + g.label());
            persons.add(g.persons());
        }
        Map<String, Object> option = base("信用等级分布");
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("grid", Map.of("left", 56, "right", 24, "top", 48, "bottom", 32));
        option.put("xAxis", Map.of("type", "category", "data", names));
        option.put("yAxis", Map.of("type", "value", "name", "人"));
        option.put("series", List.of(Map.of("name", "人数", "type", "bar", "data", persons,
                "label", Map.of("show", true, "position", "top"))));
        return option;
    }

    /** Queries per day over thirty days, and those refused. */
    private static Map<String, Object> queries(Overview o) {
        Map<String, Object> option = base("近30天每日信用查询");
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("bottom", 0));
        option.put("grid", Map.of("left", 56, "right", 24, "top", 48, "bottom", 56));
        option.put("xAxis", Map.of("type", "category", "data", o.days().stream().map(d -> d.toString().substring(5)).toList()));
        option.put("yAxis", Map.of("type", "value", "name", "次", "minInterval", 1));
        option.put("series", List.of(
                Map.of("name", "查询", "type", "line", "data", o.queries()),
                Map.of("name", "其中被拒绝", "type", "line", "data", o.refusedQueries())));
        return option;
    }

    /** Measure checks per month (bars) and the share with feedback (line, right axis). */
    private static Map<String, Object> checks(Overview o) {
        List<Object> made = new ArrayList<>();
        List<Object> rate = new ArrayList<>();
        for (CheckMonth m : o.checks()) {
            made.add(m.checks());
            rate.add(m.feedbackRate() == null ? AssessmentCharts.MISSING : m.feedbackRate());
        }
        Map<String, Object> option = base("近12个月联合奖惩核查与反馈率");
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("bottom", 0));
        option.put("grid", Map.of("left", 56, "right", 56, "top", 48, "bottom", 56));
        option.put("xAxis", Map.of("type", "category", "data", months(o)));
        option.put("yAxis", List.of(Map.of("type", "value", "name", "次", "minInterval", 1),
                Map.of("type", "value", "name", "%", "min", 0, "max", 100)));
        option.put("series", List.of(
                Map.of("name", "核查次数", "type", "bar", "data", made),
                Map.of("name", "反馈率", "type", "line", "yAxisIndex", 1, "connectNulls", false, "data", rate)));
        return option;
    }

    private static Map<String, Object> base(String title) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)));
        return option;
    }
}
