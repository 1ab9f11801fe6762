package org.chengxin.audit.web;

import java.time.Clock;
import java.time.Instant;

import org.chengxin.audit.AuditTrail;
import org.chengxin.audit.AuditVerification;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The auditor's view: the newest entries and the verification status of the chain. */
@Controller
class AuditPageController {

    private final AuditTrail trail;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuditPageController(AuditTrail trail, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.trail = trail;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Reading the trail is itself recorded: who watches the watchers is in the trail too. */
    @GetMapping("/audit")
    String view(Model model) {
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "audit.view", null, "审计检查",
                AuditOutcome.SUCCESS, "查看审计日志"));
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("total", trail.size());
        model.addAttribute("entries", jdbc.sql("""
                select seq, occurred_at, actor, role, department, action, purpose, outcome, detail
                from audit_entry order by seq desc limit 50""").query().listOfRows());
        return "audit/index";
    }

    @PostMapping("/audit/verification")
    String verify(Model model) {
        AuditVerification result = trail.verify();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "audit.verify", null, "审计检查",
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
                result.intact() ? "审计链完整，校验 " + result.entriesChecked() + " 条" : "审计链在第 " + result.firstBrokenSeq() + " 条断裂"));
        model.addAttribute("verification", result);
        return page(model);
    }
}
