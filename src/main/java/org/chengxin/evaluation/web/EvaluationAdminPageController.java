package org.chengxin.evaluation.web;

import java.time.Clock;
import java.time.Instant;

import org.chengxin.evaluation.Scores;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator reads the points model in force and starts a full recomputation of everybody,
 * watching the queue empty.
 */
@Controller
class EvaluationAdminPageController {

    private final Scores scores;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvaluationAdminPageController(Scores scores, ApplicationEventPublisher events, Clock clock) {
        this.scores = scores;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/admin/evaluation")
    String page(Model model) {
        model.addAttribute("model", scores.model());
        model.addAttribute("bands", scores.model().bands().describe());
        model.addAttribute("pending", scores.pending());
        return "evaluation/admin";
    }

    /** The queue part of the page, polled while a recomputation runs. */
    @GetMapping("/admin/evaluation/progress")
    String progress(Model model) {
        model.addAttribute("pending", scores.pending());
        return "evaluation/admin :: progress";
    }

    @PostMapping("/admin/evaluation/recomputation")
    String recompute(RedirectAttributes redirect) {
        long queued = scores.recomputeEverybody();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "evaluation.recompute-all", null, "全量重算",
                AuditOutcome.SUCCESS, "全量重算信用积分，排队 " + queued + " 人"));
        redirect.addFlashAttribute("notice", "已将 " + queued + " 人排入重算队列，后台正在计算");
        return "redirect:/admin/evaluation";
    }
}
