package org.chengxin.inquiry.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.chengxin.identity.PersonFilters;
import org.chengxin.inquiry.IssuedReports;
import org.chengxin.inquiry.IssuedReports.WindowReport;
import org.chengxin.inquiry.domain.ReportScope;
import org.chengxin.organization.Departments;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.listing.Listing;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.listing.XlsxExports;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 窗口出具的报告: the credit reports issued at the service windows, for the window clerk (their own department's) and the
 * auditor (every department's). Filtered by the person (ID number or name POSTed and swapped for a token,
 * {@link PersonFilters}), part of the report number and the day of issue; sorted, in numbered pages, exported to XLSX
 * (streamed, the person masked). Each view and each export is a read of people's data: audited.
 */
@Controller
class IssuedReportsPageController {

    static final String PATH = "/reports/issued";
    private static final String PURPOSE = "核对窗口出具的信用报告";

    private final IssuedReports reports;
    private final Departments departments;
    private final PersonLookups lookups;
    private final PersonFilters personFilters;
    private final IssuedReportsExport exporter;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IssuedReportsPageController(IssuedReports reports, Departments departments, PersonLookups lookups, PersonFilters personFilters,
            IssuedReportsExport exporter, ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.departments = departments;
        this.lookups = lookups;
        this.personFilters = personFilters;
        this.exporter = exporter;
        this.events = events;
        this.clock = clock;
    }

    /** One line of the list, in words: the scope and the state in Chinese, the department by its name (code in a tooltip). */
    public record Line(String reportNumber, Instant issuedAt, String maskedIdNumber, String maskedName, String scopeCode,
            String scopeLabel, LocalDate validUntil, String departmentCode, String departmentName, String clerkName, String clerkLogin,
            boolean valid, String state) {
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> params, HttpSession session,
            Model model) {
        IssuedReportsQuery query = query(params, session);
        PageResult<WindowReport> page = reports.windowReports(query.filter(scope(who)), IssuedReportsQuery.pageRequest(params));
        Map<DepartmentCode, String> names = MyQueriesPageController.departmentNames(departments);
        LocalDate today = LocalDate.now(clock.withZone(ListFilters.ZONE));
        String described = query.describe();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "inquiry.issued-reports-browse",
                query.person().filter(p -> p.subjects().size() == 1).map(p -> p.subjects().get(0)).orElse(null), PURPOSE,
                AuditOutcome.SUCCESS, QueryLogPageController.cut("查看" + (scope(who) == null ? "各部门" : "本部门") + "窗口出具的报告第 "
                        + page.number() + " 页（" + page.items().size() + " 份，共 " + page.total() + " 份）；筛选：" + described)));
        Listing<Line> listing = Listing.of(page.map(r -> line(r, names, today)), PATH, query.params());
        model.addAttribute("listing", listing);
        model.addAttribute("query", query);
        model.addAttribute("described", described);
        model.addAttribute("allDepartments", scope(who) == null);
        model.addAttribute("departmentName", who.departmentCode() == null ? null : names.get(who.departmentCode()));
        model.addAttribute("exportUrl", listing.urlOf(PATH + "/export.xlsx"));
        return "inquiry/issued-reports";
    }

    /** The filter form: the person's ID number or name come in this POST body only and leave as a token. */
    @PostMapping(PATH + "/filter")
    String filter(@RequestParam Map<String, String> form, HttpSession session, RedirectAttributes redirect) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : List.of("number", "from", "to", "sort", "dir", "size")) {
            params.put(key, form.get(key));
        }
        PersonFilters.Result person = personFilters.byNumberOrName(session, form);
        if (person.hasError()) {
            redirect.addFlashAttribute("filterError", person.error());
        }
        params.put("who", person.token());
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(PATH);
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                url.queryParam(k, v.strip());
            }
        });
        return "redirect:" + url.encode().build().toUriString();
    }

    /** The list as filtered and sorted, every page, as XLSX (streamed); the person masked. Audited with the filter and the count. */
    @GetMapping(PATH + "/export.xlsx")
    void export(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> params, HttpSession session,
            HttpServletResponse response) throws IOException {
        IssuedReportsQuery query = query(params, session);
        Map<DepartmentCode, String> names = MyQueriesPageController.departmentNames(departments);
        LocalDate today = LocalDate.now(clock.withZone(ListFilters.ZONE));
        XlsxExports.attach(response, "窗口出具的报告-" + today + ".xlsx");
        long[] written = {0};
        AuditOutcome outcome = AuditOutcome.FAILED;
        try {
            written[0] = exporter.write(query.filter(scope(who)), IssuedReportsQuery.pageRequest(params), r -> line(r, names, today),
                    response.getOutputStream());
            outcome = AuditOutcome.SUCCESS;
        } finally {
            events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "inquiry.issued-reports-export",
                    query.person().filter(p -> p.subjects().size() == 1).map(p -> p.subjects().get(0)).orElse(null), PURPOSE, outcome,
                    QueryLogPageController.cut("导出" + (scope(who) == null ? "各部门" : "本部门") + "窗口出具的报告 " + written[0]
                            + " 份（XLSX，身份证号和姓名已遮蔽）；筛选：" + query.describe())));
        }
    }

    /**
     * The clerk sees their own department's reports; the auditor every department's (null: no department filter). A clerk
     * without a department sees none rather than all.
     */
    private static DepartmentCode scope(ChengxinPrincipal who) {
        if (who.role() == Role.AUDITOR) {
            return null;
        }
        if (who.departmentCode() == null) {
            throw ChengxinException.forbidden("ISSUED_REPORTS_WITHOUT_DEPARTMENT", "您的账号未关联部门，不能查看窗口出具的报告");
        }
        return who.departmentCode();
    }

    private IssuedReportsQuery query(Map<String, String> params, HttpSession session) {
        return IssuedReportsQuery.parse(params, lookups.find(session, params.get("who")));
    }

    static Line line(WindowReport r, Map<DepartmentCode, String> names, LocalDate today) {
        String scopeLabel;
        try {
            scopeLabel = ReportScope.valueOf(r.scope()).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            scopeLabel = "—";
        }
        boolean valid = !r.validUntil().isBefore(today);
        String department = r.department() == null ? null : r.department().value();
        return new Line(r.reportNumber(), r.issuedAt(), r.maskedIdNumber(), r.maskedName(), r.scope(), scopeLabel, r.validUntil(),
                department, r.department() == null ? "—" : names.getOrDefault(r.department(), "（已撤销的部门）"),
                r.clerkName() == null ? "—" : r.clerkName(), r.clerkLogin(), valid, valid ? "有效" : "已过期");
    }
}
