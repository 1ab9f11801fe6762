package org.chengxin.complaints.web;

import java.util.HashMap;
import java.util.Map;

import org.chengxin.complaints.Complaints;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 投诉与举报办理: the administrator's queue of every case, open ones first and those past a deadline in red; each is
 * acknowledged, assigned to a department and answered with reasons. A complaint about a query-log entry is put
 * before the auditor (查询记录审查) and, once the auditor has found, answered with the finding. Below, the figures per department for the
 * assessment.
 */
@Controller
class AdminComplaintsPageController {

    private final Complaints complaints;
    private final ComplaintPages pages;

    AdminComplaintsPageController(Complaints complaints, ComplaintPages pages) {
        this.complaints = complaints;
        this.pages = pages;
    }

    @GetMapping("/admin/complaints")
    String queue(Model model) {
        model.addAttribute("complaints", pages.staffViews(complaints.queue()));
        model.addAttribute("today", pages.today());
        model.addAttribute("departments", pages.departments());
        model.addAttribute("figures", complaints.figures());
        Map<String, String> names = new HashMap<>();
        pages.departments().forEach(d -> names.put(d.code().value(), d.name()));
        model.addAttribute("names", names);
        return "complaints/admin";
    }

    @PostMapping("/admin/complaints/{id}/acknowledgement")
    String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
        try {
            complaints.acknowledge(id);
            redirect.addFlashAttribute("notice", "已受理投诉（编号 " + id + "）。");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/admin/complaints";
    }

    @PostMapping("/admin/complaints/{id}/assignment")
    String assign(@PathVariable long id, @RequestParam(name = "department", required = false) String department,
            RedirectAttributes redirect) {
        try {
            DepartmentCode to = department == null || department.isBlank() ? null : DepartmentCode.parse(department)
                    .orElseThrow(() -> ChengxinException.badRequest("COMPLAINT_DEPARTMENT_UNKNOWN", "没有这个部门，请从列表中选择"));
            complaints.assign(id, to);
            redirect.addFlashAttribute("notice", "已将投诉（编号 " + id + "）转" + pages.departmentName(to) + "办理。");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/admin/complaints";
    }

    @PostMapping("/admin/complaints/{id}/reply")
    String answer(@PathVariable long id, @RequestParam(name = "reply", required = false) String reply, RedirectAttributes redirect) {
        try {
            complaints.answer(id, reply);
            redirect.addFlashAttribute("notice", "已答复投诉（编号 " + id + "），答复已发送到当事人的站内消息。");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/admin/complaints";
    }

    @PostMapping("/admin/complaints/{id}/finding-referral")
    String refer(@PathVariable long id, RedirectAttributes redirect) {
        try {
            Complaints.Finding f = complaints.referToAuditor(id);
            redirect.addFlashAttribute("notice", "已将投诉（编号 " + id + "）关联的查询记录提请审计员认定（审查提示 #" + f.flagId() + "，"
                    + f.outcome() + "）。审计员在“查询异常使用提示”中认定后，可以认定结论答复办结。");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/admin/complaints";
    }

    @PostMapping("/admin/complaints/{id}/reply-with-finding")
    String answerWithFinding(@PathVariable long id, RedirectAttributes redirect) {
        try {
            complaints.answerWithFinding(id);
            redirect.addFlashAttribute("notice", "已以审计员的认定结论答复投诉（编号 " + id + "），答复已发送到当事人的站内消息。");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/admin/complaints";
    }
}
