package org.chengxin.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.assessment.DepartmentAssessment.DepartmentReport;
import org.chengxin.assessment.DepartmentAssessment.MonthPoint;
import org.chengxin.assessment.DepartmentAssessment.Ranking;
import org.chengxin.assessment.DepartmentAssessment.Scorecard;
import org.chengxin.assessment.domain.Indicator;

/**
 * The assessment as Apache ECharts options (plain maps, written as JSON): the pages' static script hands each to
 * {@code echarts.init(...).setOption(...)}, so no script is written into a page. A share that does not apply is "-",
 * which ECharts leaves out of a line.
 */
final class AssessmentCharts {

    static final String MISSING = "-";

    private AssessmentCharts() {
    }

    static Map<String, Object> of(Ranking ranking) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("ranking", ranking(ranking));
        charts.put("trend", trend(ranking.cityTrend(), "全市近12个月入库记录与双公示按时报送率"));
        return charts;
    }

    static Map<String, Object> of(DepartmentReport report) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("indicators", indicators(report));
        charts.put("trend", trend(report.trend(), "近12个月入库记录与双公示按时报送率"));
        return charts;
    }

    /** The scored departments as horizontal bars, the best at the top. */
    private static Map<String, Object> ranking(Ranking ranking) {
        List<String> names = new ArrayList<>();
        List<Object> scores = new ArrayList<>();
        List<Scorecard> scored = ranking.scorecards().stream().filter(s -> s.score() != null).toList();
        for (int i = scored.size() - 1; i >= 0; i--) {
            names.add(scored.get(i).name());
            scores.add(scored.get(i).score());
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("title", Map.of("text", ranking.period().label() + "部门考核得分排名", "left", "center", "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("grid", Map.of("left", 8, "right", 40, "top", 36, "bottom", 24, "containLabel", true));
        option.put("xAxis", Map.of("type", "value", "min", 0, "max", 100, "name", "分"));
        option.put("yAxis", Map.of("type", "category", "data", names, "axisLabel", Map.of("width", 220, "overflow", "truncate")));
        option.put("series", List.of(Map.of("name", "综合得分", "type", "bar", "data", scores,
                "label", Map.of("show", true, "position", "right"))));
        return option;
    }

    /** Records first accepted per month (bars) and the 双公示 on-time share (line, right axis). */
    private static Map<String, Object> trend(List<MonthPoint> months, String title) {
        List<String> labels = new ArrayList<>();
        List<Object> volume = new ArrayList<>();
        List<Object> onTime = new ArrayList<>();
        for (MonthPoint m : months) {
            labels.add(m.month().toString());
            volume.add(m.tally().accepted());
            Double p = m.result().percent(Indicator.TIMELINESS);
            onTime.add(p == null ? MISSING : p);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("bottom", 0));
        option.put("grid", Map.of("left", 56, "right", 56, "top", 48, "bottom", 56));
        option.put("xAxis", Map.of("type", "category", "data", labels));
        option.put("yAxis", List.of(Map.of("type", "value", "name", "条"), Map.of("type", "value", "name", "%", "min", 0, "max", 100)));
        option.put("series", List.of(
                Map.of("name", "入库记录", "type", "bar", "data", volume),
                Map.of("name", Indicator.TIMELINESS.label(), "type", "line", "yAxisIndex", 1, "connectNulls", false, "data", onTime)));
        return option;
    }

    /** Each indicator's share per month, in percent. */
    private static Map<String, Object> indicators(DepartmentReport report) {
        List<String> labels = report.trend().stream().map(m -> m.month().toString()).toList();
        List<Object> series = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            List<Object> data = new ArrayList<>();
            for (MonthPoint m : report.trend()) {
                Double p = m.result().percent(i);
                data.add(p == null ? MISSING : p);
            }
            series.add(Map.of("name", i.label(), "type", "line", "data", data));
        }
        List<Object> score = new ArrayList<>();
        for (MonthPoint m : report.trend()) {
            score.add(m.result().score() == null ? MISSING : m.result().score());
        }
        series.add(Map.of("name", "综合得分", "type", "line", "data", score, "lineStyle", Map.of("width", 3)));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("title", Map.of("text", report.scorecard().name() + " 各项指标近12个月走势", "left", "center", "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll", "bottom", 0));
        option.put("grid", Map.of("left", 48, "right", 24, "top", 48, "bottom", 56));
        option.put("xAxis", Map.of("type", "category", "data", labels));
        option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100, "name", "%"));
        option.put("series", series);
        return option;
    }
}
