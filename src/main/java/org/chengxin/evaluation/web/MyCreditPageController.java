package org.chengxin.evaluation.web;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.chengxin.evaluation.Scores;
import org.chengxin.evaluation.domain.Evaluation;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.organization.Departments;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;

import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.statements.Statements;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A citizen sees their own grade and points, explained record by record with their own statement on each, and the grade's history. */
@Controller
class MyCreditPageController {

    private final Scores scores;
    private final Citizens citizens;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Departments departments;
    private final Statements statements;

    MyCreditPageController(Scores scores, Citizens citizens, ApplicationEventPublisher events, Clock clock,
            Departments departments, Statements statements) {
        this.statements = statements;
        this.scores = scores;
        this.citizens = citizens;
        this.departments = departments;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/my/credit")
    String myCredit(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        CitizenRef me = citizens.signedIn(who);
        Evaluation evaluation = scores.explain(me.subject());
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "evaluation.self-view", me.subject(),
                "本人查询信用积分", AuditOutcome.SUCCESS, "查看本人信用积分与等级"));
        model.addAttribute("evaluation", evaluation);
        model.addAttribute("history", scores.historyOf(me.subject()));
        model.addAttribute("bands", scores.model().bands().describe());
        model.addAttribute("maskedId", me.maskedId());
        model.addAttribute("statementHistories", statements.historiesOf(me.subject()));
        Map<DepartmentCode, String> names = new HashMap<>();
        departments.all().forEach(d -> names.put(d.code(), d.name()));
        model.addAttribute("departmentNames", names);
        return "evaluation/my-credit";
    }
}
