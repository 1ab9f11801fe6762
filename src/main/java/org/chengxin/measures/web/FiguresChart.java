package org.chengxin.measures.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chengxin.measures.MeasureChecks.DepartmentFigures;

/**
 * A horizontal bar chart of the figures drawn as SVG on the server: per department, its checks and the
 * feedback given, bars scaled to the largest count. No script, so it works under the pages' strict
 * script policy and without JavaScript; ECharts is not on Maven Central as a WebJar.
 */
record FiguresChart(List<Bar> bars, int width, int height) {

    static final int LABEL = 260;
    static final int SPAN = 420;
    static final int ROW = 34;

    record Bar(String label, long checks, long feedback, long overdue, int y, int checksWidth, int feedbackWidth) {
    }

    static FiguresChart of(List<DepartmentFigures> figures, Map<String, String> names) {
        long most = Math.max(1, figures.stream().mapToLong(DepartmentFigures::checks).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int y = 24;
        for (DepartmentFigures f : figures) {
            bars.add(new Bar(names.getOrDefault(f.departmentCode().value(), f.departmentCode().value()), f.checks(), f.feedbackGiven(), f.overdue(), y,
                    scaled(f.checks(), most), scaled(f.feedbackGiven(), most)));
            y += ROW;
        }
        return new FiguresChart(bars, LABEL + SPAN + 60, y + 8);
    }

    private static int scaled(long value, long most) {
        return value == 0 ? 0 : (int) Math.max(2, Math.round((double) SPAN * value / most));
    }
}
