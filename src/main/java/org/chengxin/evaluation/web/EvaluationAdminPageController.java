package org.chengxin.evaluation.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

import org.chengxin.evaluation.Scores;
import org.chengxin.evaluation.domain.ObjectedRecords;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator reads and publishes the points model and starts a full recomputation of
 * everybody, watching its progress bar.
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
        model.addAttribute("recomputation", scores.recomputation());
        model.addAttribute("versions", scores.modelVersions());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("objectedChoices", ObjectedRecords.values());
        return "evaluation/admin";
    }

    /** The queue part of the page, polled while a recomputation runs. */
    @GetMapping("/admin/evaluation/progress")
    String progress(Model model) {
        model.addAttribute("pending", scores.pending());
        model.addAttribute("recomputation", scores.recomputation());
        return "evaluation/admin :: progress";
    }

    /** Publishes a new version of the model: every field of the form, each key's points as {@code p_<key>}. */
    @PostMapping("/admin/evaluation/model")
    String publish(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            Map<String, Integer> points = new TreeMap<>();
            for (var e : form.entrySet()) {
                if (e.getKey().startsWith("p_")) {
                    points.put(e.getKey().substring(2), integer(e.getValue(), "每条记录的积分"));
                }
            }
            LocalDate from;
            try {
                from = LocalDate.parse(form.getOrDefault("effectiveFrom", "").strip());
            } catch (DateTimeParseException e) {
                throw ChengxinException.badRequest("EVALUATION_MODEL_INVALID", "请填写施行日期");
            }
            var m = scores.publishModel(form.get("version"), from, integer(form.get("basePoints"), "起始分"), points,
                    objected(form.get("objectedRecords")));
            redirect.addFlashAttribute("notice", "已发布积分模型 " + m.version() + "，自 " + m.effectiveFrom() + " 起施行"
                    + (from.isAfter(LocalDate.now(clock)) ? "；届时夜间全量重算" : "；已开始全量重算"));
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/admin/evaluation";
    }

    /** The rule for records under objection as chosen; absent keeps the model's rule, anything else is refused. */
    private static ObjectedRecords objected(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ObjectedRecords.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ChengxinException.badRequest("EVALUATION_MODEL_INVALID", "异议中的记录须选择“照常计分”或“异议处理期间不计分”");
        }
    }

    private static int integer(String value, String what) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ChengxinException.badRequest("EVALUATION_MODEL_INVALID", what + "须为整数");
        }
    }

    @PostMapping("/admin/evaluation/recomputation")
    String recompute(RedirectAttributes redirect) {
        var before = scores.recomputation();
        var run = scores.startRecomputation("管理员 " + CurrentActor.get().name() + " 发起");
        boolean started = !before.running() && run.running() && !run.startedAt().equals(before.startedAt());
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "evaluation.recompute-all", null, "全量重算",
                started ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
                started ? "发起全量重算信用积分" : "全量重算已在进行，未重复发起"));
        redirect.addFlashAttribute("notice", started ? "已开始全量重算，进度见下方" : "已有全量重算正在进行，请等待其完成");
        return "redirect:/admin/evaluation";
    }
}
