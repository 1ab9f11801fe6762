package org.chengxin.remedies.web;

import java.util.ArrayList;
import java.util.List;

import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordVersion;
import org.chengxin.records.Records;
import org.chengxin.remedies.Attachment;
import org.chengxin.remedies.CaseFiles;
import org.chengxin.remedies.Objections;
import org.chengxin.remedies.Repairs;
import org.chengxin.remedies.domain.DismissalGround;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.shared.error.ChengxinException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform's staff screen the objections (初审): pass one on to the department that formed the
 * record, or dismiss it for a named ground. The same page shows every objection and repair application
 * past its day, with the department that has it, for the administrator to press (督办).
 */
@Controller
class ScreeningPageController {

    private final Objections objections;
    private final Repairs repairs;
    private final Records records;
    private final CaseFiles files;
    private final CaseRecords view;

    ScreeningPageController(Objections objections, Repairs repairs, Records records, CaseFiles files, CaseRecords view) {
        this.objections = objections;
        this.repairs = repairs;
        this.records = records;
        this.files = files;
        this.view = view;
    }

    @GetMapping("/remedies/screening")
    String page(Model model) {
        List<ScreeningCase> waiting = objections.awaitingScreening().stream().map(this::screeningCase).toList();
        List<CaseRow> overdue = new ArrayList<>();
        objections.overdue().forEach(o -> overdue.add(CaseRow.of(o, view)));
        repairs.overdue().forEach(a -> overdue.add(CaseRow.of(a, view)));
        overdue.sort(CaseRow.BY_DEADLINE);
        view.auditView("remedies.screening-view", null, "异议初审", "查看待初审异议（" + waiting.size() + " 件）和超期案件（"
                + overdue.size() + " 件）");
        model.addAttribute("waiting", waiting);
        model.addAttribute("overdue", overdue);
        model.addAttribute("grounds", DismissalGround.values());
        return "remedies/screening";
    }

    @PostMapping("/remedies/screening/{id}/acceptance")
    String accept(@PathVariable long id, RedirectAttributes redirect) {
        try {
            objections.accept(id);
            redirect.addFlashAttribute("notice", "异议 " + id + " 已通过初审，转认定部门核查");
        } catch (ChengxinException refused) {
            redirect.addFlashAttribute("error", refused);
        }
        return "redirect:/remedies/screening";
    }

    @PostMapping("/remedies/screening/{id}/dismissal")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String ground,
            @RequestParam(required = false) String explanation, RedirectAttributes redirect) {
        try {
            objections.dismiss(id, groundOf(ground), explanation);
            redirect.addFlashAttribute("notice", "异议 " + id + " 不予受理，已告知当事人");
        } catch (ChengxinException refused) {
            redirect.addFlashAttribute("error", refused);
        }
        return "redirect:/remedies/screening";
    }

    @GetMapping("/remedies/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        return AttachmentDownload.of(files.openForPlatform(id));
    }

    private ScreeningCase screeningCase(Objection o) {
        CreditRecord record = view.any(o.recordId()).orElse(null);
        return new ScreeningCase(o, record, view.itemName(o.itemCode()), view.departmentName(o.departmentCode()),
                record == null ? view.maskedId(o.recordId()) : view.maskedId(record), view.fieldLabel(o.itemCode(), o.field()),
                record == null ? List.of() : view.fields(record), records.versionsOf(o.recordId()), objections.attachmentsOf(o.id()),
                view.daysLeft(o.dueOn()), o.overdue(view.today()), view.statementsOn(o.recordId()));
    }

    private static DismissalGround groundOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return DismissalGround.valueOf(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An objection to screen with everything the screener reads: the record, the grounds, the files. */
    record ScreeningCase(Objection objection, CreditRecord record, String itemName, String departmentName, String maskedId,
            String fieldLabel, List<CaseRecords.Field> fields, List<RecordVersion> versions, List<Attachment> attachments,
            long daysLeft, boolean overdue, List<String> statements) {
    }
}
