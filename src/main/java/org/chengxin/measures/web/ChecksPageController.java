package org.chengxin.measures.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.measures.MeasureCheck;
import org.chengxin.measures.MeasureChecks;
import org.chengxin.measures.MeasureLists;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.InvalidIdNumberException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 联合奖惩核查 at the service window: a clerk checks a person for a matter of their department, reads the
 * measures that apply and reports back what was done, all on one screen. The ID number travels only
 * in the POST body; after a check the browser is sent to the check's own address, which names the
 * check by its number, never the person. A refused form is answered directly (no redirect) so that
 * what was typed is kept.
 */
@Controller
class ChecksPageController {

    static final int RECENT = 20;

    private final MeasureChecks checks;
    private final MeasureLists lists;
    private final DepartmentNames departments;
    private final Clock clock;

    ChecksPageController(MeasureChecks checks, MeasureLists lists, DepartmentNames departments, Clock clock) {
        this.checks = checks;
        this.lists = lists;
        this.departments = departments;
        this.clock = clock;
    }

    @GetMapping("/checks")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        return page(who, null, model);
    }

    @GetMapping("/checks/{id}")
    String check(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, Model model) {
        return page(who, checks.find(id, who.departmentCode()), model);
    }

    @PostMapping("/checks")
    String run(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String matterCode, Model model) {
        try {
            IdNumber number = parse(idNumber);
            MeasureCheck check = checks.check(number, matterCode, who.departmentCode());
            return "redirect:/checks/" + check.id();
        } catch (ChengxinException e) {
            model.addAttribute("checkError", e);
            model.addAttribute("typedIdNumber", idNumber);
            model.addAttribute("typedMatter", matterCode);
            return page(who, null, model);
        }
    }

    @PostMapping("/checks/{id}/feedback")
    String feedback(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        MeasureCheck check = checks.find(id, who.departmentCode());
        try {
            FeedbackForm feedback = FeedbackForm.of(check, form);
            checks.feedback(id, who.departmentCode(), feedback.decisions(), feedback.outcome(), feedback.handledOn(), feedback.note());
            redirect.addFlashAttribute("notice", "已反馈核查 #" + id + " 的措施实施情况");
            return "redirect:/checks/" + id;
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            model.addAttribute("typed", new LinkedHashMap<>(form));
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
        model.addAttribute("recent", checks.recent(department, RECENT));
        model.addAttribute("overdue", checks.overdue(department));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of("handledOn", today.toString()));
        }
        return "measures/checks";
    }
}
