package org.chengxin.measures.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.chengxin.measures.MeasureChecks;
import org.chengxin.measures.MeasureChecks.DepartmentFigures;
import org.chengxin.shared.error.ChengxinException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The assessment figures of joint reward and punishment per department over a period (the last 30 days
 * unless asked): how often each department checks, what it was shown and how it reports back.
 */
@Controller
class MeasureFiguresPageController {

    static final int DEFAULT_DAYS = 30;
    static final int LONGEST_DAYS = 3660;

    private final MeasureChecks checks;
    private final DepartmentNames departments;
    private final Clock clock;

    MeasureFiguresPageController(MeasureChecks checks, DepartmentNames departments, Clock clock) {
        this.checks = checks;
        this.departments = departments;
        this.clock = clock;
    }

    @GetMapping("/admin/measures/figures")
    String figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("from", from == null ? today.minusDays(DEFAULT_DAYS - 1).toString() : from);
        model.addAttribute("to", to == null ? today.toString() : to);
        model.addAttribute("names", departments.all());
        try {
            LocalDate end = date(to, today, "结束日期");
            LocalDate start = date(from, end.minusDays(DEFAULT_DAYS - 1), "开始日期");
            if (start.isAfter(end)) {
                throw ChengxinException.badRequest("MEASURE_FIGURES_PERIOD_INVALID", "开始日期不得晚于结束日期");
            }
            if (ChronoUnit.DAYS.between(start, end) >= LONGEST_DAYS) {
                throw ChengxinException.badRequest("MEASURE_FIGURES_PERIOD_INVALID", "统计期间不得超过十年");
            }
            List<DepartmentFigures> figures = checks.figures(start, end);
            model.addAttribute("figures", figures);
            model.addAttribute("chart", FiguresChart.of(figures, departments.all()));
            model.addAttribute("from", start.toString());
            model.addAttribute("to", end.toString());
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            model.addAttribute("figures", List.of());
        }
        return "measures/figures";
    }

    private static LocalDate date(String text, LocalDate otherwise, String what) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ChengxinException.badRequest("MEASURE_FIGURES_DATE_INVALID", what + "格式应为 yyyy-MM-dd，例如 " + otherwise);
        }
    }
}
