package org.chengxin.assessment.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.assessment.DepartmentAssessment;
import org.chengxin.assessment.DepartmentAssessment.CountyRanking;
import org.chengxin.assessment.DepartmentAssessment.CountyReport;
import org.chengxin.assessment.DepartmentAssessment.DepartmentReport;
import org.chengxin.assessment.DepartmentAssessment.MonitoringReport;
import org.chengxin.assessment.DepartmentAssessment.Ranking;
import org.chengxin.assessment.domain.DoublePublicity;
import org.chengxin.assessment.domain.Indicator;
import org.chengxin.assessment.domain.Monitoring;
import org.chengxin.assessment.domain.Period;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 部门考核: the ranking of a month or quarter with its charts, by department (按部门) or by county-level division (按区县,
 * {@code view=counties}), the city's national monitoring indicators, a department's or a division's indicators and their
 * trend, the chart options as JSON for the pages' static script, and the workbook for the third-party evaluator (audited).
 */
@Controller
class AssessmentPageController {

    static final String PURPOSE = "部门考核（社会信用体系建设工作考核）";

    private final DepartmentAssessment assessment;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssessmentPageController(DepartmentAssessment assessment, ApplicationEventPublisher events, Clock clock) {
        this.assessment = assessment;
        this.events = events;
        this.clock = clock;
    }

    static final String COUNTIES = "counties";

    @GetMapping("/assessment")
    String ranking(@RequestParam(required = false) String period, @RequestParam(required = false) String view, Model model) {
        Period p = period(period);
        boolean counties = COUNTIES.equals(view);
        if (counties) {
            model.addAttribute("counties", assessment.counties(p));
        } else {
            model.addAttribute("ranking", assessment.ranking(p));
        }
        model.addAttribute("view", counties ? COUNTIES : "departments");
        model.addAttribute("monitoring", assessment.monitoring(p));
        model.addAttribute("monitoringIndicators", Monitoring.values());
        model.addAttribute("notComputable", Monitoring.NOT_COMPUTABLE);
        model.addAttribute("period", p);
        model.addAttribute("periods", periods());
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("limit", DoublePublicity.WORKING_DAYS);
        return "assessment/index";
    }

    @GetMapping("/assessment/charts")
    @ResponseBody
    Map<String, Object> rankingCharts(@RequestParam(required = false) String period, @RequestParam(required = false) String view) {
        Period p = period(period);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", p.code());
        body.put("charts", COUNTIES.equals(view) ? AssessmentCharts.of(assessment.counties(p)) : AssessmentCharts.of(assessment.ranking(p)));
        return body;
    }

    @GetMapping("/assessment/counties/{code}")
    String county(@PathVariable String code, @RequestParam(required = false) String period, Model model) {
        Period p = period(period);
        CountyReport report = assessment.county(code, p);
        model.addAttribute("report", report);
        model.addAttribute("card", report.scorecard());
        model.addAttribute("period", p);
        model.addAttribute("periods", periods());
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("limit", DoublePublicity.WORKING_DAYS);
        return "assessment/county";
    }

    @GetMapping("/assessment/counties/{code}/charts")
    @ResponseBody
    Map<String, Object> countyCharts(@PathVariable String code, @RequestParam(required = false) String period) {
        Period p = period(period);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", p.code());
        body.put("charts", AssessmentCharts.of(assessment.county(code, p)));
        return body;
    }

    @GetMapping("/assessment/departments/{code}")
    String department(@PathVariable String code, @RequestParam(required = false) String period, Model model) {
        Period p = period(period);
        DepartmentReport report = assessment.department(department(code), p);
        model.addAttribute("report", report);
        model.addAttribute("card", report.scorecard());
        model.addAttribute("period", p);
        model.addAttribute("periods", periods());
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("limit", DoublePublicity.WORKING_DAYS);
        return "assessment/department";
    }

    @GetMapping("/assessment/departments/{code}/charts")
    @ResponseBody
    Map<String, Object> departmentCharts(@PathVariable String code, @RequestParam(required = false) String period) {
        Period p = period(period);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", p.code());
        body.put("charts", AssessmentCharts.of(assessment.department(department(code), p)));
        return body;
    }

    @GetMapping("/assessment/export.xlsx")
    void export(@RequestParam(required = false) String period, HttpServletResponse response) throws IOException {
        Period p = period(period);
        Ranking ranking = assessment.ranking(p);
        CountyRanking counties = assessment.counties(p);
        MonitoringReport monitoring = assessment.monitoring(p);
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "assessment.export", null, PURPOSE,
                AuditOutcome.SUCCESS, "导出部门考核 " + p.code() + "（" + ranking.scorecards().size() + " 个部门、" + counties.scorecards().size() + " 个区县）"));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"assessment-" + p.code() + ".xlsx\"");
        AssessmentExport.xlsx(ranking, counties, monitoring, response.getOutputStream());
    }

    private Period period(String text) {
        return text == null || text.isBlank() ? Period.containing(LocalDate.now(clock), Period.Kind.MONTH) : Period.parse(text);
    }

    private static DepartmentCode department(String code) {
        return DepartmentCode.parse(code)
                .orElseThrow(() -> ChengxinException.notFound("ASSESSMENT_DEPARTMENT_NOT_FOUND", "没有该部门的考核情况"));
    }

    /** The selector's choices: the last 12 months and the last 8 quarters, newest first. */
    private List<Period> periods() {
        LocalDate today = LocalDate.now(clock);
        List<Period> periods = new ArrayList<>();
        Period m = Period.containing(today, Period.Kind.MONTH);
        for (int i = 0; i < 12; i++, m = m.previous()) {
            periods.add(m);
        }
        Period q = Period.containing(today, Period.Kind.QUARTER);
        for (int i = 0; i < 8; i++, q = q.previous()) {
            periods.add(q);
        }
        return periods;
    }
}
