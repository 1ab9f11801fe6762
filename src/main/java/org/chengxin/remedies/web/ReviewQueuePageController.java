package org.chengxin.remedies.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.chengxin.identity.PersonFilters;
import org.chengxin.remedies.CaseFiles;
import org.chengxin.remedies.ReviewQueue;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.listing.Listing;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reviewer's work list (异议与信用修复审核): the department's objections and repair applications, open and
 * decided, filtered (the person by ID number or name through a POSTed form and a short-lived token, as the records
 * list has it; kind, status, item, the day filed, overdue only), in numbered pages, sorted (by default the work
 * queue: open cases first, the nearest deadline first), and exported to XLSX with the person masked. Viewing and
 * exporting are audited.
 */
@Controller
class ReviewQueuePageController {

    private static final String PURPOSE = "办理异议和信用修复申请";

    private final ReviewQueue queue;
    private final CaseFiles files;
    private final CaseRecords view;
    private final ReviewRows rows;
    private final ReviewCasesExport exporter;
    private final PersonLookups lookups;
    private final PersonFilters personFilters;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewQueuePageController(ReviewQueue queue, CaseFiles files, CaseRecords view, ReviewRows rows,
            ReviewCasesExport exporter, PersonLookups lookups, PersonFilters personFilters,
            ApplicationEventPublisher events, Clock clock) {
        this.queue = queue;
        this.files = files;
        this.view = view;
        this.rows = rows;
        this.exporter = exporter;
        this.lookups = lookups;
        this.personFilters = personFilters;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/review/cases")
    String queue(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> params, HttpSession session,
            Model model) {
        DepartmentCode department = who.departmentCode();
        CasesQuery query = query(params, session);
        PageResult<ReviewQueue.Case> matching = queue.page(department, query.filter(), pageRequest(params));
        List<ReviewCase> shown = matching.items().stream().map(ReviewCase::of).toList();
        PageResult<ReviewRow> page = new PageResult<>(rows.draw(shown, department), matching.total(), matching.request());
        Map<String, String> statusLabels = ReviewCase.statusLabels();
        Map<String, String> itemNames = itemNames(department);
        String described = query.describe(statusLabels, itemNames);
        long open = queue.count(department, OPEN);
        view.auditView("remedies.review-queue", null, PURPOSE, cut("查看本部门案件第 " + page.number() + " 页（" + shown.size() + " 件，共 "
                + matching.total() + " 件；待办 " + open + " 件）；筛选：" + described));
        Listing<ReviewRow> listing = Listing.of(page, "/review/cases", query.params());
        model.addAttribute("listing", listing);
        model.addAttribute("query", query);
        model.addAttribute("described", described);
        model.addAttribute("openCount", open);
        model.addAttribute("statusLabels", statusLabels);
        model.addAttribute("items", new TreeMap<>(itemNames));
        model.addAttribute("exportUrl", listing.urlOf("/review/cases/export.xlsx"));
        model.addAttribute("departmentName", view.departmentName(department));
        return "remedies/review-cases";
    }

    /**
     * The filter form: the person's ID number and name come in this POST body only; what they match is kept in the
     * session under a token, and the browser is sent to the list with the token, never the number or the name.
     */
    @PostMapping("/review/cases/filter")
    String filter(@RequestParam Map<String, String> form, HttpSession session, RedirectAttributes redirect) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : List.of("kind", "status", "item", "from", "to", "overdue", "sort", "dir", "size")) {
            params.put(key, form.get(key));
        }
        PersonFilters.Result person = personFilters.byNumberOrName(session, form);
        if (person.hasError()) {
            redirect.addFlashAttribute("filterError", person.error());
        }
        params.put("who", person.token());
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/review/cases");
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                url.queryParam(k, v.strip());
            }
        });
        return "redirect:" + url.encode().build().toUriString();
    }

    /** The list as filtered and sorted, every page, as XLSX; the person masked. Audited with the filter and the count. */
    @GetMapping("/review/cases/export.xlsx")
    void export(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> params, HttpSession session,
            HttpServletResponse response) throws IOException {
        DepartmentCode department = who.departmentCode();
        CasesQuery query = query(params, session);
        String described = query.describe(ReviewCase.statusLabels(), itemNames(department));
        String fileName = "异议与信用修复案件-" + LocalDate.now(clock) + ".xlsx";
        response.setContentType(ReviewCasesExport.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8)
                .build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        long written = 0;
        AuditOutcome outcome = AuditOutcome.FAILED;
        try {
            written = exporter.write(each -> queue.each(department, query.filter(), pageRequest(params), ReviewCasesExport.CHUNK,
                    cases -> each.accept(cases.stream().map(ReviewCase::of).toList())), department, response.getOutputStream());
            outcome = AuditOutcome.SUCCESS;
        } finally {
            events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "remedies.cases-export", null, PURPOSE, outcome,
                    cut("导出本部门异议与信用修复案件 " + written + " 件（XLSX，身份证号和姓名已遮蔽）；筛选：" + described)));
        }
    }

    /** A file of a case of the department, past screening; any other is answered as missing. */
    @GetMapping("/review/attachments/{id}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id) {
        return AttachmentDownload.of(files.openForDepartment(who.departmentCode(), id));
    }

    /** The open cases, for the count of the work still to do. */
    private static final ReviewQueue.Filter OPEN = new ReviewQueue.Filter(null, null, ReviewQueue.PENDING, null, null, null, false);

    /** The items the department's cases are about, code to name: the item filter's choices. */
    private Map<String, String> itemNames(DepartmentCode department) {
        Map<String, String> names = new LinkedHashMap<>();
        queue.itemCodes(department).forEach(code -> names.computeIfAbsent(code, rows::itemName));
        return names;
    }

    private CasesQuery query(Map<String, String> params, HttpSession session) {
        return CasesQuery.parse(params, lookups.find(session, params.get("who")), ReviewCase.statusLabels().keySet());
    }

    private static PageRequest pageRequest(Map<String, String> params) {
        return PageRequest.of(integer(params.get("page")), integer(params.get("size")), params.get("sort"), params.get("dir"),
                ReviewCase.SORT);
    }

    private static Integer integer(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The audit trail's detail column holds at most 500 characters. */
    private static String cut(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
