package org.chengxin.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.assessment.DepartmentAssessment.CountyRanking;
import org.chengxin.assessment.DepartmentAssessment.CountyReport;
import org.chengxin.assessment.DepartmentAssessment.CountyScorecard;
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

    /** The county-level divisions: their ranking (bars) and each one's score per month (lines). */
    static Map<String, Object> of(CountyRanking counties) {
        Map<String, Object> charts = new LinkedHashMap<>();
        List<CountyScorecard> scored = counties.scorecards().stream().filter(s -> s.score() != null).toList();
        charts.put("counties", bars(scored.stream().map(CountyScorecard::name).toList(), scored.stream().map(CountyScorecard::score).toList(),
                counties.period().label() + "区县考核得分排名"));
        charts.put("countyTrend", countyTrend(counties));
        return charts;
    }

    /** A division: its departments' scores (bars) and its last 12 months (records and on-time share). */
    static Map<String, Object> of(CountyReport report) {
        Map<String, Object> charts = new LinkedHashMap<>();
        List<Scorecard> scored = report.departments().stream().filter(s -> s.score() != null).toList();
        charts.put("departments", bars(scored.stream().map(Scorecard::name).toList(), scored.stream().map(Scorecard::score).toList(),
                report.scorecard().name() + "各部门考核得分"));
        charts.put("trend", trend(report.scorecard().trend(), report.scorecard().name() + "近12个月入库记录与双公示按时报送率"));
        return charts;
    }

    /** The scored departments as horizontal bars, the best at the top. */
    private static Map<String, Object> ranking(Ranking ranking) {
        List<Scorecard> scored = ranking.scorecards().stream().filter(s -> s.score() != null).toList();
        return bars(scored.stream().map(Scorecard::name).toList(), scored.stream().map(Scorecard::score).toList(),
                ranking.period().label() + "部门考核得分排名");
    }

    /** Each division's score per month over the last 12 months; a month without a score is "-". */
    private static Map<String, Object> countyTrend(CountyRanking counties) {
        List<String> labels = new ArrayList<>();
        List<Object> series = new ArrayList<>();
        for (CountyScorecard c : counties.scorecards()) {
            if (c.departments() == 0) {
                continue;
            }
            if (labels.isEmpty()) {
                c.trend().forEach(m -> labels.add(m.month().toString()));
            }
            List<Object> data = new ArrayList<>();
            for (MonthPoint m : c.trend()) {
                data.add(m.result().score() == null ? MISSING : m.result().score());
            }
            series.add(Map.of("name", c.name(), "type", "line", "connectNulls", false, "data", data));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("title", Map.of("text", "各区县近12个月综合得分", "left", "center", "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll", "bottom", 0));
        option.put("grid", Map.of("left", 48, "right", 24, "top", 48, "bottom", 56));
        option.put("xAxis", Map.of("type", "category", "data", labels));
        option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100, "name", "分"));
        option.put("series", series);
        return option;
    }

    /** Names and scores, best first, as horizontal bars with the best at the top. */
    private static Map<String, Object> bars(List<String> bestFirst, List<Double> scoresBestFirst, String title) {
        List<String> names = new ArrayList<>();
        List<Object> scores = new ArrayList<>();
        for (int i = bestFirst.size() - 1; i >= 0; i--) {
            names.add(bestFirst.get(i));
            scores.add(scoresBestFirst.get(i));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)));
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
