package org.chengxin.complaints.web;

import org.chengxin.complaints.Complaints;
import org.chengxin.complaints.domain.Complaint;
import org.chengxin.shared.error.ChengxinException;
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
 * 投诉与举报办理（本部门）: the department's reviewer works the cases routed to their department, open ones first and
 * those past a deadline in red: acknowledges each and answers it with reasons, which reach the person's inbox. A case
 * of another department is refused as missing ({@code COMPLAINT_NOT_OF_DEPARTMENT}), nothing of it shown.
 */
@Controller
class ReviewComplaintsPageController {

    private static final String QUEUE = "redirect:/review/complaints";

    private final Complaints complaints;
    private final ComplaintPages pages;

    ReviewComplaintsPageController(Complaints complaints, ComplaintPages pages) {
        this.complaints = complaints;
        this.pages = pages;
    }

    @GetMapping("/review/complaints")
    String queue(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        model.addAttribute("complaints", pages.staffViews(complaints.ofDepartment(who.departmentCode())));
        model.addAttribute("today", pages.today());
        model.addAttribute("departmentName", pages.departmentName(who.departmentCode()));
        return "complaints/review";
    }

    @PostMapping("/review/complaints/{id}/acknowledgement")
    String acknowledge(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, RedirectAttributes redirect) {
        try {
            complaints.acknowledge(who.departmentCode(), id);
            redirect.addFlashAttribute("notice", "已受理投诉（编号 " + id + "）。");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return QUEUE;
    }

    @PostMapping("/review/complaints/{id}/reply")
    String answer(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id,
            @RequestParam(name = "reply", required = false) String reply, RedirectAttributes redirect) {
        try {
            Complaint done = complaints.answer(who.departmentCode(), id, reply);
            redirect.addFlashAttribute("notice", "已答复" + (done.kind().report() ? "举报" : "投诉") + "（编号 " + id
                    + "），答复已发送到当事人的站内消息。");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return QUEUE;
    }
}
