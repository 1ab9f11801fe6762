package org.chengxin.complaints.web;

import java.util.Map;

import org.chengxin.complaints.Complaints;
import org.chengxin.complaints.domain.Complaint;
import org.chengxin.complaints.domain.ComplaintKind;
import org.chengxin.identity.CitizenRef;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的投诉与举报: a citizen complains about a use of their data (naming the query-log entry, if they like), about a
 * credit agency, or reports somebody's serious dishonesty, and follows each case to its answer. A wrong record is sent
 * to 我的异议 instead. A refusal is answered on the form with what was typed kept.
 */
@Controller
class MyComplaintsPageController {

    private static final String PAGE = "complaints/my-complaints";

    private final Complaints complaints;
    private final ComplaintPages pages;

    MyComplaintsPageController(Complaints complaints, ComplaintPages pages) {
        this.complaints = complaints;
        this.pages = pages;
    }

    @GetMapping("/my/complaints")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(name = "query", required = false) String query,
            Model model) {
        CitizenRef me = pages.me(who);
        Map<String, String> typed = query == null ? Map.of() : Map.of("queryId", query, "kind", ComplaintKind.UNAUTHORIZED_QUERY.name());
        return show(me, typed, model);
    }

    @PostMapping("/my/complaints")
    String file(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        CitizenRef me = pages.me(who);
        ComplaintKind kind = ComplaintKind.parse(form.get("kind"));
        if (kind == ComplaintKind.WRONG_RECORD) {
            redirect.addFlashAttribute("notice", "认为本人的信用记录有误的，请在本页选择该记录提出异议，由认定部门核查并答复。");
            return "redirect:/my/objections";
        }
        try {
            Complaint filed = complaints.file(me, kind, form.get("text"), ComplaintPages.parseId(form.get("queryId")));
            redirect.addFlashAttribute("notice", noticeOf(filed, pages.departmentName(filed.department())));
            return "redirect:/my/complaints";
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return show(me, form, model);
        }
    }

    static String noticeOf(Complaint filed, String departmentName) {
        return "已登记" + (filed.kind().report() ? "举报" : "投诉") + "（编号 " + filed.id() + "），由" + departmentName + "办理：受理期限至 "
                + filed.ackDue() + "，答复期限至 " + filed.replyDue() + "。";
    }

    private String show(CitizenRef me, Map<String, String> typed, Model model) {
        model.addAttribute("maskedId", me.maskedId());
        model.addAttribute("kinds", ComplaintKind.values());
        model.addAttribute("queries", pages.queriesOf(me));
        model.addAttribute("typed", typed);
        model.addAttribute("complaints", pages.views(complaints.ofPerson(me)));
        return PAGE;
    }
}
