package org.chengxin.figures.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.figures.PublicFigures.Snapshot;

/**
 * The figures as Apache ECharts options (plain maps, written as JSON): the page's static script hands each to
 * {@code echarts.init(...).setOption(...)}, so no script is written into the page and the CSP stays strict.
 */
final class FigureCharts {

    private FigureCharts() {
    }

    static Map<String, Object> of(Snapshot s) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("recordsByDomain", recordsByDomain(s));
        charts.put("inForceByKind", inForceByKind(s));
        charts.put("remedies", remedies(s));
        return charts;
    }

    private static Map<String, Object> recordsByDomain(Snapshot s) {
        List<Object> series = new ArrayList<>();
        s.recordsByDomain().forEach((domain, counts) -> series.add(Map.of("name", domain, "type", "bar", "stack", "records",
                "data", counts)));
        return Map.of(
                "animation", false,
                "title", Map.of("text", "近12个月归集的信用记录（按领域）", "left", "center", "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("type", "scroll", "bottom", 0),
                "grid", Map.of("left", 48, "right", 16, "top", 40, "bottom", 56),
                "xAxis", Map.of("type", "category", "data", s.months().stream().map(Object::toString).toList()),
                "yAxis", Map.of("type", "value", "name", "条"),
                "series", series);
    }

    private static Map<String, Object> inForceByKind(Snapshot s) {
        List<Object> data = new ArrayList<>();
        s.inForceByKind().forEach((kind, count) -> data.add(Map.of("name", kind, "value", count)));
        return Map.of(
                "animation", false,
                "title", Map.of("text", "现行有效的信用记录（按类别）", "left", "center", "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of("trigger", "item", "formatter", "{b}：{c} 条（{d}%）"),
                "legend", Map.of("bottom", 0),
                "series", List.of(Map.of("type", "pie", "radius", List.of("35%", "65%"), "data", data)));
    }

    private static Map<String, Object> remedies(Snapshot s) {
        return Map.of(
                "animation", false,
                "title", Map.of("text", "异议与信用修复按期办结率", "left", "center", "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 48, "right", 16, "top", 40, "bottom", 32),
                "xAxis", Map.of("type", "category", "data", List.of("异议", "信用修复")),
                "yAxis", Map.of("type", "value", "max", 100, "name", "%"),
                "series", List.of(Map.of("type", "bar", "barWidth", "40%",
                        "data", List.of(s.remedies().objectionsOnTime(), s.remedies().repairsOnTime()))));
    }
}
