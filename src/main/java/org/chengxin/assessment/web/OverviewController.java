package org.chengxin.assessment.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.chengxin.assessment.AdminOverview;
import org.chengxin.assessment.AdminOverview.Overview;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The chart options and figures of the administrator's overview, which the workbench (portal's {@code /home}) fetches
 * with its static script; the workbench shows the same figures as tables.
 */
@Controller
class OverviewController {

    private final AdminOverview overview;

    OverviewController(AdminOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/home/overview/charts")
    @ResponseBody
    Map<String, Object> charts() {
        Overview o = overview.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("today", o.today().toString());
        body.put("figures", OverviewCharts.figures(o));
        body.put("charts", OverviewCharts.of(o));
        return body;
    }
}
