package org.chengxin.inquiry.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PersonFilters;
import org.chengxin.inquiry.QueryLog;
import org.chengxin.inquiry.domain.QueryKind;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.listing.Listing;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.listing.XlsxExports;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 查询记录审查: the auditor reads the queries of everybody, by masked number, refusals included — filtered (the
 * person's ID number through a POST and a short-lived token, never the address), in numbered pages, sorted by time
 * or organization, and exported to XLSX (audited).
 */
@Controller
class QueryLogPageController {

    static final String PATH = "/audit/queries";

    private final QueryLog log;
    private final Departments departments;
    private final Citizens citizens;
    private final PersonLookups lookups;
    private final PersonFilters personFilters;
    private final AuditListExports exports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QueryLogPageController(QueryLog log, Departments departments, Citizens citizens, PersonLookups lookups, PersonFilters personFilters, AuditListExports exports,
            ApplicationEventPublisher events, Clock clock) {
        this.log = log;
        this.departments = departments;
        this.citizens = citizens;
        this.lookups = lookups;
        this.personFilters = personFilters;
        this.exports = exports;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String page(@RequestParam Map<String, String> params, HttpSession session, Model model) {
        QueryLogQuery query = query(params, session);
        PageResult<QueryLog.Entry> page = log.page(query.filter(), pageRequest(params));
        Map<DepartmentCode, String> names = MyQueriesPageController.departmentNames(departments);
        Listing<QueryLog.Entry> listing = Listing.of(page, PATH, query.params());
        model.addAttribute("listing", listing);
        model.addAttribute("query", query);
        model.addAttribute("described", query.describe(names));
        model.addAttribute("departmentNames", names);
        model.addAttribute("departments", departments.all().stream().sorted(Comparator.comparing(Department::name)).toList());
        model.addAttribute("kinds", QueryKind.values());
        model.addAttribute("exportUrl", listing.urlOf(PATH + "/export.xlsx"));
        model.addAttribute("exportLimit", AuditListExports.LIMIT);
        return "inquiry/audit-queries";
    }

    /**
     * The filter form: the ID number comes in this POST body only; the session keeps its blind index under a token and
     * the browser is sent to the list with the token, never the number, in the address. Looking a person up is a use
     * of the person's data: audited.
     */
    @PostMapping(PATH + "/filter")
    String filter(@RequestParam Map<String, String> form, HttpSession session, RedirectAttributes redirect) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : List.of("org", "dept", "purpose", "kind", "outcome", "from", "to", "sort", "dir", "size")) {
            params.put(key, form.get(key));
        }
        PersonFilters.Result person = personFilters.byNumber(session, form);
        if (person.byNumber() != null) {
            events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "inquiry.query-log-search", person.byNumber(),
                    "查询记录审查", AuditOutcome.SUCCESS, "按身份证号 " + person.maskedNumber() + " 筛选查询记录"));
        }
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

    /** The filtered entries as a streamed XLSX file (at most {@link AuditListExports#LIMIT}), numbers masked; audited with the filter and the count. */
    @GetMapping(PATH + "/export.xlsx")
    void export(@RequestParam Map<String, String> params, HttpSession session, HttpServletResponse response) throws IOException {
        QueryLogQuery query = query(params, session);
        Map<DepartmentCode, String> names = MyQueriesPageController.departmentNames(departments);
        String fileName = "查询记录-" + LocalDate.now(clock.withZone(ListFilters.ZONE)) + ".xlsx";
        XlsxExports.attach(response, fileName);
        long written = 0;
        AuditOutcome outcome = AuditOutcome.FAILED;
        try {
            written = exports.queries(query.filter(), pageRequest(params), names, response.getOutputStream());
            outcome = AuditOutcome.SUCCESS;
        } finally {
            events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "inquiry.query-log-export",
                    query.person().map(l -> l.subjects().get(0)).orElse(null), "查询记录审查", outcome,
                    cut("导出查询记录 " + written + " 条（XLSX，身份证号已遮蔽）；筛选：" + query.describe(names))));
        }
    }

    private QueryLogQuery query(Map<String, String> params, HttpSession session) {
        return QueryLogQuery.parse(params, lookups.find(session, params.get("who")));
    }

    private static PageRequest pageRequest(Map<String, String> params) {
        return PageRequest.of(ListFilters.integer(params.get("page")), ListFilters.integer(params.get("size")), params.get("sort"),
                params.get("dir"), QueryLog.SORT);
    }

    /** An audit entry's detail is at most 500 characters (the column's size): longer text is cut with an ellipsis. */
    static String cut(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
