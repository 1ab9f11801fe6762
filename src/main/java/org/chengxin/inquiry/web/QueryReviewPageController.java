package org.chengxin.inquiry.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.chengxin.inquiry.QueryReview;
import org.chengxin.shared.error.ChengxinException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The auditor's review of unusual use of the query log: the flags the rules raised, each closed with a verdict and a note. */
@Controller
class QueryReviewPageController {

    private final QueryReview review;
    private final Clock clock;

    QueryReviewPageController(QueryReview review, Clock clock) {
        this.review = review;
        this.clock = clock;
    }

    @GetMapping("/audit/flags")
    String flags(Model model) {
        model.addAttribute("flags", review.flags(300));
        model.addAttribute("inAYear", LocalDate.now(clock).plusYears(1));
        return "inquiry/flags";
    }

    @PostMapping("/audit/flags/scan")
    String scan(RedirectAttributes redirect) {
        int n = review.scan();
        redirect.addFlashAttribute("notice", n == 0 ? "已按规则审查近八日的查询记录，没有新的异常使用提示" : "已按规则审查，新增 " + n + " 条异常使用提示");
        return "redirect:/audit/flags";
    }

    @PostMapping("/audit/flags/{id}/close")
    String close(@PathVariable long id, @RequestParam(defaultValue = "") String verdict, @RequestParam(required = false) String note,
            @RequestParam(required = false) String blacklist, @RequestParam(required = false) String until, RedirectAttributes redirect) {
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
        return "redirect:/audit/flags";
    }
}
