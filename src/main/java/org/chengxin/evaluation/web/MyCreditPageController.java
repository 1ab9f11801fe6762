package org.chengxin.evaluation.web;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.RecordSubstance;
import org.chengxin.evaluation.Scores;
import org.chengxin.evaluation.domain.Evaluation;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
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
    private final Records records;
    private final Catalog catalog;

    MyCreditPageController(Scores scores, Citizens citizens, ApplicationEventPublisher events, Clock clock,
            Departments departments, Statements statements, Records records, Catalog catalog) {
        this.statements = statements;
        this.records = records;
        this.catalog = catalog;
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
        Map<Long, RecordSubstance> substances = new HashMap<>();
        Map<Long, String> decisionBases = new HashMap<>();
        for (CreditRecord r : records.allFor(me.subject())) {
            Item item = catalog.versions().stream().filter(v -> v.id() == r.catalogVersionId()).findFirst()
                    .flatMap(v -> v.item(r.itemCode())).or(() -> catalog.item(r.itemCode())).orElse(null);
            RecordSubstance substance = RecordSubstance.of(item, r.content());
            substances.put(r.id(), substance);
            if (substance.decisionBasis() != null) {
                decisionBases.put(r.id(), substance.decisionBasis());
            }
        }
        // what each record says (事由, 决定依据, 处理结果, 决定机关 …); the basis column: the decision's own, then the item's (收集依据)
        model.addAttribute("substances", substances);
        model.addAttribute("decisionBases", decisionBases);
        return "evaluation/my-credit";
    }
}
