package org.chengxin.measures.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PersonFilters;
import org.chengxin.measures.MeasureCheck;
import org.chengxin.measures.MeasureChecks;
import org.chengxin.measures.MeasureChecks.CheckLine;
import org.chengxin.measures.MeasureChecks.FeedbackState;
import org.chengxin.measures.MeasureChecks.Hits;
import org.chengxin.measures.MeasureLists;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.InvalidIdNumberException;
import org.chengxin.shared.listing.Listing;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.XlsxExports;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
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
 * 联合奖惩核查 at the service window: a clerk checks a person for a matter of their department, reads the
 * measures that apply and reports back what was done, all on one screen. The ID number travels only
 * in the POST body; after a check the browser is sent to the check's own address, which names the
 * check by its number, never the person. A refused form is answered directly (no redirect) so that
 * what was typed is kept.
 * <p>
 * Below, the department's checks with the tools of every staff list ({@link ChecksQuery}): a filter (the person by ID
 * number through a POSTed form and a short-lived token, never in an address; matter; feedback state; measures that
 * applied; check date), numbered pages with the total and the page size, sorting by check time or feedback due date,
 * and a streamed XLSX export with the person masked, audited as {@code measures.checks-export}. The count of overdue
 * checks stays at the top and links to the list filtered to them.
 */
@Controller
class ChecksPageController {

    private static final String PURPOSE = "核对本部门联合奖惩核查及反馈情况";

    private final MeasureChecks checks;
    private final MeasureLists lists;
    private final DepartmentNames departments;
    private final Citizens citizens;
    private final PersonLookups lookups;
    private final PersonFilters personFilters;
    private final ChecksExport exporter;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChecksPageController(MeasureChecks checks, MeasureLists lists, DepartmentNames departments, Citizens citizens,
            PersonLookups lookups, PersonFilters personFilters, ChecksExport exporter, ApplicationEventPublisher events, Clock clock) {
        this.checks = checks;
        this.lists = lists;
        this.departments = departments;
        this.citizens = citizens;
        this.lookups = lookups;
        this.personFilters = personFilters;
        this.exporter = exporter;
        this.events = events;
        this.clock = clock;
    }

    /** One line of the department's check list, in words (codes only for tooltips). */
    public record Line(long id, String checkedAt, String maskedIdNumber, String matterCode, String matterName, String checkedBy,
            int incentives, int punishments, LocalDate feedbackDue, String stateCode, String stateLabel, boolean overdue) {
    }

    @GetMapping("/checks")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> params, HttpSession session,
            Model model) {
        list(who, params, session, model);
        return page(who, null, model);
    }

    @GetMapping("/checks/{id}")
    String check(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, @RequestParam Map<String, String> params,
            HttpSession session, Model model) {
        MeasureCheck check = checks.find(id, who.departmentCode());
        list(who, params, session, model);
        return page(who, check, model);
    }

    /** The filter form: the ID number comes in this POST body only and leaves as a token. */
    @PostMapping("/checks/filter")
    String filter(@RequestParam Map<String, String> form, HttpSession session, RedirectAttributes redirect) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : List.of("matter", "state", "hits", "from", "to", "sort", "dir", "size")) {
            params.put(key, form.get(key));
        }
        PersonFilters.Result person = personFilters.byNumber(session, form);
        if (person.hasError()) {
            redirect.addFlashAttribute("filterError", person.error());
        }
        params.put("who", person.token());
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/checks");
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                url.queryParam(k, v.strip());
            }
        });
        return "redirect:" + url.encode().build().toUriString();
    }

    /** The department's checks as filtered and sorted, every page (at most {@value ChecksExport#MAX_ROWS}), as XLSX. Audited. */
    @GetMapping("/checks/export.xlsx")
    void export(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> params, HttpSession session,
            HttpServletResponse response) throws IOException {
        Map<String, String> matters = matterNames(who.departmentCode());
        ChecksQuery query = ChecksQuery.parse(params, lookups.find(session, params.get("who")), matters);
        LocalDate today = LocalDate.now(clock);
        String fileName = "联合奖惩核查-" + today + ".xlsx";
        XlsxExports.attach(response, fileName);
        long written = 0;
        AuditOutcome outcome = AuditOutcome.FAILED;
        try {
            written = exporter.write(query.filter(who.departmentCode(), today), query.request(), matters, today, response.getOutputStream());
            outcome = AuditOutcome.SUCCESS;
        } finally {
            String detail = "导出本部门联合奖惩核查 " + written + " 条（XLSX，身份证号已遮蔽）；筛选：" + query.describe(matters);
            events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "measures.checks-export", null, PURPOSE, outcome,
                    detail.length() <= 500 ? detail : detail.substring(0, 499) + "…"));
        }
    }

    /** The department's check list (filter, page, sort) and the count of overdue checks. */
    private void list(ChengxinPrincipal who, Map<String, String> params, HttpSession session, Model model) {
        DepartmentCode department = who.departmentCode();
        LocalDate today = LocalDate.now(clock);
        Map<String, String> matters = matterNames(department);
        ChecksQuery query = ChecksQuery.parse(params, lookups.find(session, params.get("who")), matters);
        PageResult<CheckLine> result = checks.page(query.filter(department, today), query.request());
        PageResult<Line> page = result.map(c -> line(c, matters, today));
        Listing<Line> listing = Listing.of(page, "/checks", query.params());
        model.addAttribute("listing", listing);
        model.addAttribute("query", query);
        model.addAttribute("described", query.describe(matters));
        model.addAttribute("matterOptions", matters);
        model.addAttribute("states", states());
        model.addAttribute("hitOptions", hitOptions());
        model.addAttribute("exportUrl", listing.urlOf("/checks/export.xlsx"));
        model.addAttribute("overdueCount", checks.overdueCount(department));
    }

    private static Line line(CheckLine c, Map<String, String> matters, LocalDate today) {
        FeedbackState state = c.state(today);
        String label = switch (state) {
            case WAITING, OVERDUE -> state.label() + "（期限 " + c.feedbackDue() + "）";
            default -> state.label();
        };
        return new Line(c.id(), TIME.format(c.checkedAt()), c.maskedIdNumber(), c.matterCode(), ChecksExport.matterName(c, matters),
                c.checkedBy(), c.incentives(), c.punishments(), c.feedbackDue(), state.name(), label, state == FeedbackState.OVERDUE);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** The matters of the current list the department handles, code to name. */
    private Map<String, String> matterNames(DepartmentCode department) {
        Map<String, String> names = new LinkedHashMap<>();
        lists.current().matters().stream().filter(m -> m.handledBy(department)).forEach(m -> names.put(m.code(), m.name()));
        return names;
    }

    static Map<String, String> states() {
        Map<String, String> s = new LinkedHashMap<>();
        for (FeedbackState st : FeedbackState.values()) {
            s.put(st.name(), st.label());
        }
        return s;
    }

    static Map<String, String> hitOptions() {
        Map<String, String> s = new LinkedHashMap<>();
        for (Hits h : Hits.values()) {
            s.put(h.name(), h.label());
        }
        return s;
    }

    @PostMapping("/checks")
    String run(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String matterCode, HttpSession session, Model model) {
        try {
            IdNumber number = parse(idNumber);
            MeasureCheck check = checks.check(number, matterCode, who.departmentCode());
            return "redirect:/checks/" + check.id();
        } catch (ChengxinException e) {
            model.addAttribute("checkError", e);
            model.addAttribute("typedIdNumber", idNumber);
            model.addAttribute("typedMatter", matterCode);
            list(who, Map.of(), session, model);
            return page(who, null, model);
        }
    }

    @PostMapping("/checks/{id}/feedback")
    String feedback(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, @RequestParam Map<String, String> form,
            HttpSession session, Model model, RedirectAttributes redirect) {
        MeasureCheck check = checks.find(id, who.departmentCode());
        try {
            FeedbackForm feedback = FeedbackForm.of(check, form);
            checks.feedback(id, who.departmentCode(), feedback.decisions(), feedback.outcome(), feedback.handledOn(), feedback.note());
            redirect.addFlashAttribute("notice", "已反馈核查 #" + id + " 的措施实施情况");
            return "redirect:/checks/" + id;
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            model.addAttribute("typed", new LinkedHashMap<>(form));
            list(who, Map.of(), session, model);
            return page(who, check, model);
        }
    }

    private IdNumber parse(String idNumber) {
        try {
            return IdNumber.parse(idNumber, clock);
        } catch (InvalidIdNumberException e) {
            throw ChengxinException.invalidIdNumber(e);
        }
    }

    private String page(ChengxinPrincipal who, MeasureCheck check, Model model) {
        DepartmentCode department = who.departmentCode();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("matters", lists.current().matters().stream().filter(m -> m.handledBy(department)).toList());
        model.addAttribute("department", departments.name(department));
        model.addAttribute("names", departments.all());
        model.addAttribute("check", check);
        if (check != null) {
            List<MeasureCheck.Applicable> shown = new ArrayList<>(check.incentives());
            shown.addAll(check.punishments());
            model.addAttribute("shown", shown);
            Map<String, String> measureNames = new HashMap<>();
            shown.forEach(a -> measureNames.put(a.code(), a.name()));
            model.addAttribute("measureNames", measureNames);
        }
        model.addAttribute("today", today);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of("handledOn", today.toString()));
        }
        return "measures/checks";
    }
}
