package org.chengxin.inquiry.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.inquiry.QueryReview;
import org.chengxin.inquiry.domain.QueryReviewRules;
import org.chengxin.organization.Departments;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.listing.Listing;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.XlsxExports;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The auditor's review of unusual use of the query log: the flags the rules raised, each closed with a verdict and a
 * note — filtered by status, rule, organization and date, in numbered pages, sorted, and exported to XLSX (audited).
 */
@Controller
class QueryReviewPageController {

    static final String PATH = "/audit/flags";

    private final QueryReview review;
    private final Departments departments;
    private final AuditListExports exports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QueryReviewPageController(QueryReview review, Departments departments, AuditListExports exports, ApplicationEventPublisher events,
            Clock clock) {
        this.review = review;
        this.departments = departments;
        this.exports = exports;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String flags(@RequestParam Map<String, String> params, Model model) {
        FlagsQuery query = FlagsQuery.parse(params);
        PageResult<QueryReview.Flag> page = review.flags(query.filter(), pageRequest(params));
        Listing<QueryReview.Flag> listing = Listing.of(page, PATH, query.params());
        model.addAttribute("listing", listing);
        model.addAttribute("query", query);
        model.addAttribute("described", query.describe());
        model.addAttribute("statuses", FlagsQuery.STATUSES);
        Map<String, String> rules = new LinkedHashMap<>();
        QueryReview.RULES.forEach(r -> rules.put(r, QueryReviewRules.label(r)));
        model.addAttribute("rules", rules);
        model.addAttribute("departmentNames", MyQueriesPageController.departmentNames(departments));
        model.addAttribute("exportUrl", listing.urlOf(PATH + "/export.xlsx"));
        model.addAttribute("exportLimit", AuditListExports.LIMIT);
        model.addAttribute("inAYear", LocalDate.now(clock).plusYears(1));
        return "inquiry/flags";
    }

    /** The filtered flags as a streamed XLSX file (at most {@link AuditListExports#LIMIT}); audited with the filter and the count. */
    @GetMapping(PATH + "/export.xlsx")
    void export(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        FlagsQuery query = FlagsQuery.parse(params);
        Map<DepartmentCode, String> names = MyQueriesPageController.departmentNames(departments);
        String fileName = "查询异常使用提示-" + LocalDate.now(clock.withZone(ListFilters.ZONE)) + ".xlsx";
        XlsxExports.attach(response, fileName);
        long written = 0;
        AuditOutcome outcome = AuditOutcome.FAILED;
        try {
            written = exports.flags(query.filter(), pageRequest(params), names, response.getOutputStream());
            outcome = AuditOutcome.SUCCESS;
        } finally {
            events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "inquiry.flags-export", null, "查询记录审查", outcome,
                    QueryLogPageController.cut("导出查询异常使用提示 " + written + " 条（XLSX）；筛选：" + query.describe())));
        }
    }

    /** Where to go after closing a flag: the list as it was (its filter, page and sort), only ever this list. */
    static String backTo(String back) {
        if (back != null && (back.equals(PATH) || back.startsWith(PATH + "?")) && back.chars().allMatch(c -> c > 0x20 && c < 0x7f)
                && !back.contains("//") && !back.contains("\\")) {
            return back;
        }
        return PATH;
    }

    /** A flag's status in words. */
    static String statusLabel(QueryReview.Flag f) {
        return f.open() ? "待审查" : f.misuse() ? "违规使用" : "正当使用";
    }

    private static PageRequest pageRequest(Map<String, String> params) {
        return PageRequest.of(ListFilters.integer(params.get("page")), ListFilters.integer(params.get("size")), params.get("sort"),
                params.get("dir"), QueryReview.SORT);
    }

    @PostMapping("/audit/flags/scan")
    String scan(RedirectAttributes redirect) {
        int n = review.scan();
        redirect.addFlashAttribute("notice", n == 0 ? "已按规则审查近八日的查询记录，没有新的异常使用提示" : "已按规则审查，新增 " + n + " 条异常使用提示");
        return "redirect:/audit/flags";
    }

    @PostMapping("/audit/flags/{id}/close")
    String close(@PathVariable long id, @RequestParam(defaultValue = "") String verdict, @RequestParam(required = false) String note,
            @RequestParam(required = false) String blacklist, @RequestParam(required = false) String until,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            if (!verdict.equals("JUSTIFIED") && !verdict.equals("MISUSE")) {
                throw ChengxinException.badRequest("INQUIRY_FLAG_VERDICT_REQUIRED", "请选择审查结论：正当使用或违规使用");
            }
            LocalDate listUntil = null;
            boolean staff = "STAFF".equals(blacklist);
            if ("AGENCY".equals(blacklist) || staff) {
                try {
                    listUntil = LocalDate.parse(until == null ? "" : until.strip());
                } catch (DateTimeParseException e) {
                    throw ChengxinException.badRequest("INQUIRY_FLAG_DATE_INVALID", "请填写黑名单截止日期（yyyy-MM-dd）");
                }
            }
            QueryReview.Flag f = review.close(id, verdict.equals("MISUSE"), note, listUntil, staff);
            redirect.addFlashAttribute("notice", "提示 " + id + " 已认定为" + (f.status().equals("MISUSE") ? "违规使用" : "正当使用")
                    + (f.blacklistId() == null ? "" : "，并列入信用服务机构黑名单（条目 " + f.blacklistId() + "）"));
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:" + backTo(back);
    }
}
