package org.chengxin.remedies.web;

import java.util.List;

import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordVersion;
import org.chengxin.records.Records;
import org.chengxin.remedies.Repairs;
import org.chengxin.remedies.domain.RepairApplication;
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
 * The department's reviewer opens a repair application for one of its records (谁认定谁修复) and grants
 * or refuses it with reasons. Another department's application is answered as missing.
 */
@Controller
class RepairReviewPageController {

    private final Repairs repairs;
    private final Records records;
    private final CaseRecords view;

    RepairReviewPageController(Repairs repairs, Records records, CaseRecords view) {
        this.repairs = repairs;
        this.records = records;
        this.view = view;
    }

    @GetMapping("/review/repairs/{id}")
    String detail(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, Model model) {
        RepairApplication a = ownCase(who, id);
        view.auditView("remedies.case-view", a.subject(), "办理信用修复申请", "查看信用修复申请 " + id + "（记录 " + a.recordId() + "）");
        fill(model, who, a, new DecisionForm(null, ""));
        return "remedies/review-repair";
    }

    @PostMapping("/review/repairs/{id}/decision")
    String decide(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id,
            @RequestParam(required = false) Boolean grant, @RequestParam(required = false) String reasons, Model model,
            RedirectAttributes redirect) {
        RepairApplication a = ownCase(who, id);
        try {
            if (grant == null) {
                throw ChengxinException.badRequest("REPAIR_OUTCOME_REQUIRED", "请选择准予修复或不予修复");
            }
            RepairApplication decided = repairs.decide(who.departmentCode(), id, grant, reasons);
            redirect.addFlashAttribute("notice", "已作出处理决定：" + decided.status().label());
            return "redirect:/review/repairs/" + id;
        } catch (ChengxinException refused) {
            model.addAttribute("error", refused);
            fill(model, who, a, new DecisionForm(grant, reasons));
            return "remedies/review-repair";
        }
    }

    private RepairApplication ownCase(ChengxinPrincipal who, long id) {
        return repairs.ofDepartment(who.departmentCode(), id)
                .orElseThrow(() -> ChengxinException.notFound("REPAIR_NOT_FOUND", "信用修复申请不存在或不由您办理"));
    }

    private void fill(Model model, ChengxinPrincipal who, RepairApplication a, DecisionForm form) {
        CreditRecord record = view.ofDepartment(a.recordId(), who.departmentCode()).orElseThrow();
        model.addAttribute("repair", a);
        model.addAttribute("record", record);
        model.addAttribute("itemName", view.itemName(record.itemCode()));
        model.addAttribute("departmentName", view.departmentName(record.departmentCode()));
        model.addAttribute("maskedId", view.maskedId(record));
        model.addAttribute("fields", view.fields(record));
        model.addAttribute("recordStatements", view.statementsOn(record.id()));
        List<RecordVersion> versions = records.versionsOf(record.id());
        model.addAttribute("versions", versions);
        model.addAttribute("versionTexts", view.versionTexts(record, versions));
        model.addAttribute("collectionBasis", view.collectionBasis(record));
        model.addAttribute("attachments", repairs.attachmentsOf(a.id()));
        model.addAttribute("proofRecords", repairs.proofRecordsOf(a.id()));
        model.addAttribute("daysLeft", view.daysLeft(a.dueOn()));
        model.addAttribute("overdue", a.overdue(view.today()));
        model.addAttribute("form", form);
    }

    /** What the reviewer chose and typed, shown again after a refusal. */
    record DecisionForm(Boolean grant, String reasons) {
    }
}
