package org.chengxin.remedies.web;

import java.util.List;

import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordVersion;
import org.chengxin.records.Records;
import org.chengxin.remedies.Objections;
import org.chengxin.remedies.domain.Objection;
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
 * The department's reviewer opens an objection to one of its records (the full record, its versions,
 * the grounds and the files) and answers it: uphold, correct the disputed field, or revoke the record.
 * Another department's objection, or one still in screening, is answered as missing.
 */
@Controller
class ObjectionReviewPageController {

    private final Objections objections;
    private final Records records;
    private final CaseRecords view;

    ObjectionReviewPageController(Objections objections, Records records, CaseRecords view) {
        this.objections = objections;
        this.records = records;
        this.view = view;
    }

    @GetMapping("/review/objections/{id}")
    String detail(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, Model model) {
        Objection o = ownCase(who, id);
        view.auditView("remedies.case-view", o.subject(), "办理信用记录异议", "查看异议 " + id + "（记录 " + o.recordId() + "）");
        fill(model, who, o, new DecisionForm(null, "", ""));
        return "remedies/review-objection";
    }

    @PostMapping("/review/objections/{id}/decision")
    String decide(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String reasons,
            @RequestParam(required = false) String correctedValue, Model model, RedirectAttributes redirect) {
        Objection o = ownCase(who, id);
        try {
            Objection decided = objections.decide(who.departmentCode(), id, outcomeOf(outcome), reasons, correctedValue);
            redirect.addFlashAttribute("notice", "已作出处理决定：" + decided.status().label());
            return "redirect:/review/objections/" + id;
        } catch (ChengxinException refused) {
            model.addAttribute("error", refused);
            fill(model, who, o, new DecisionForm(outcome, reasons, correctedValue));
            return "remedies/review-objection";
        }
    }

    private Objection ownCase(ChengxinPrincipal who, long id) {
        return objections.ofDepartment(who.departmentCode(), id)
                .orElseThrow(() -> ChengxinException.notFound("OBJECTION_NOT_FOUND", "异议不存在或不由您处理"));
    }

    private void fill(Model model, ChengxinPrincipal who, Objection o, DecisionForm form) {
        CreditRecord record = view.ofDepartment(o.recordId(), who.departmentCode()).orElseThrow();
        model.addAttribute("objection", o);
        model.addAttribute("record", record);
        model.addAttribute("itemName", view.itemName(record.itemCode()));
        model.addAttribute("departmentName", view.departmentName(record.departmentCode()));
        model.addAttribute("maskedId", view.maskedId(record));
        model.addAttribute("fields", view.fields(record));
        model.addAttribute("recordStatements", view.statementsOn(record.id()));
        model.addAttribute("fieldLabel", view.fieldLabel(o.itemCode(), o.field()));
        List<RecordVersion> versions = records.versionsOf(record.id());
        model.addAttribute("versions", versions);
        model.addAttribute("versionTexts", view.versionTexts(record, versions));
        model.addAttribute("collectionBasis", view.collectionBasis(record));
        model.addAttribute("attachments", objections.attachmentsOf(o.id()));
        model.addAttribute("daysLeft", view.daysLeft(o.dueOn()));
        model.addAttribute("overdue", o.overdue(view.today()));
        model.addAttribute("outcomes", Objections.Outcome.values());
        model.addAttribute("form", form);
    }

    private static Objections.Outcome outcomeOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Objections.Outcome.valueOf(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What the reviewer typed, shown again after a refusal. */
    record DecisionForm(String outcome, String reasons, String correctedValue) {
    }
}
