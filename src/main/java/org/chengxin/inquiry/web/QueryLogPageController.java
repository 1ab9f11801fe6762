package org.chengxin.inquiry.web;

import org.chengxin.inquiry.QueryLog;
import org.chengxin.organization.Departments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 查询记录审查: the auditor reads the most recent queries of everybody, by masked number, refusals included. */
@Controller
class QueryLogPageController {

    static final int RECENT = 200;

    private final QueryLog log;
    private final Departments departments;

    QueryLogPageController(QueryLog log, Departments departments) {
        this.log = log;
        this.departments = departments;
    }

    @GetMapping("/audit/queries")
    String page(Model model) {
        model.addAttribute("queries", log.recent(RECENT));
        model.addAttribute("limit", RECENT);
        model.addAttribute("departmentNames", MyQueriesPageController.departmentNames(departments));
        return "inquiry/audit-queries";
    }
}
