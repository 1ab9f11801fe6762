package org.chengxin.audit.web;

import org.chengxin.audit.AuditTrail;
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

    AuditPageController(AuditTrail trail, JdbcClient jdbc) {
        this.trail = trail;
        this.jdbc = jdbc;
    }

    @GetMapping("/audit")
    String page(Model model) {
        model.addAttribute("total", trail.size());
        model.addAttribute("entries", jdbc.sql("""
                select seq, occurred_at, actor, role, department, action, purpose, outcome, detail
                from audit_entry order by seq desc limit 50""").query().listOfRows());
        return "audit/index";
    }

    @PostMapping("/audit/verification")
    String verify(Model model) {
        model.addAttribute("verification", trail.verify());
        return page(model);
    }
}
