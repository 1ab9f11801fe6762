package org.chengxin.inquiry.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.inquiry.QueryLog;
import org.chengxin.organization.Departments;

import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 谁查询了我: every query about the person in the last two years, allowed or refused. */
@Controller
class MyQueriesPageController {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final QueryLog log;
    private final Citizens citizens;
    private final Departments departments;
    private final Clock clock;

    MyQueriesPageController(QueryLog log, Citizens citizens, Departments departments, Clock clock) {
        this.log = log;
        this.citizens = citizens;
        this.departments = departments;
        this.clock = clock;
    }

    @GetMapping("/my/queries")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        CitizenRef me = citizens.signedIn(who);
        Instant since = clock.instant().atZone(CITY).minusYears(2).toInstant();
        model.addAttribute("maskedId", me.maskedId());
        model.addAttribute("queries", log.of(me.subject(), since));
        model.addAttribute("departmentNames", departmentNames(departments));
        return "inquiry/my-queries";
    }

    /** Department code to name, for the query log lines (which keep the code). */
    static Map<DepartmentCode, String> departmentNames(Departments departments) {
        Map<DepartmentCode, String> names = new HashMap<>();
        departments.all().forEach(d -> names.put(d.code(), d.name()));
        return names;
    }
}
