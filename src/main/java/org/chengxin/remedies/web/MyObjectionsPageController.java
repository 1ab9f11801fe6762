package org.chengxin.remedies.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chengxin.identity.CitizenRef;
import org.chengxin.remedies.Attachment;
import org.chengxin.remedies.CaseFiles;
import org.chengxin.remedies.Objections;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.statements.Statements;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的异议: a citizen disputes one of their records in force (or one field of it) with grounds, the value they
 * ask for and proof; follows each objection to its answer, opens its files and withdraws it while it is open.
 * A refusal is answered on the form, with what was typed kept; the files must be chosen again.
 */
@Controller
class MyObjectionsPageController {

    private final Objections objections;
    private final CaseFiles files;
    private final RemediesPages pages;
    private final int maxFiles;
    private final Clock clock;
    private final Statements statements;

    MyObjectionsPageController(Objections objections, CaseFiles files, RemediesPages pages,
            @Value("${chengxin.remedies.attachments-per-case}") int maxFiles, Clock clock, Statements statements) {
        this.clock = clock;
        this.statements = statements;
        this.objections = objections;
        this.files = files;
        this.pages = pages;
        this.maxFiles = maxFiles;
    }

    @GetMapping("/my/objections")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(name = "record", required = false) String record,
            Model model) {
        CitizenRef me = pages.me(who);
        return show(me, RemediesPages.parseId(record), Map.of(), model);
    }

    @PostMapping("/my/objections")
    String file(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> form,
            @RequestParam(name = "files", required = false) List<MultipartFile> uploads, Model model, RedirectAttributes redirect) {
        CitizenRef me = pages.me(who);
        Long recordId = RemediesPages.parseId(form.get("recordId"));
        try {
            if (recordId == null) {
                throw ChengxinException.badRequest("OBJECTION_RECORD_REQUIRED", "请选择要提出异议的记录");
            }
            Objection filed = objections.file(me, recordId, form.get("field"), form.get("grounds"), form.get("requestedValue"),
                    RemediesPages.uploads(uploads));
            redirect.addFlashAttribute("notice", "已提出异议（编号 " + filed.id() + "），平台将进行初审，答复期限至 " + filed.dueOn()
                    + "。异议处理期间，该记录标注“异议处理中”。");
            return "redirect:/my/objections";
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return show(me, recordId, form, model);
        }
    }

    @PostMapping("/my/objections/{id}/withdrawal")
    String withdraw(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, RedirectAttributes redirect) {
        try {
            objections.withdraw(pages.me(who), id);
            redirect.addFlashAttribute("notice", "已撤回异议（编号 " + id + "）。");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/my/objections";
    }

    @GetMapping("/my/objections/attachments/{id}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id) {
        return RemediesPages.download(files.openForPerson(pages.me(who), id));
    }

    private String show(CitizenRef me, Long selectedId, Map<String, String> typed, Model model) {
        List<RemediesPages.RecordView> records = pages.inForce(me);
        model.addAttribute("maskedId", me.maskedId());
        model.addAttribute("records", records);
        model.addAttribute("selected", records.stream().filter(r -> selectedId != null && r.id() == selectedId).findFirst().orElse(null));
        model.addAttribute("typed", typed);
        model.addAttribute("maxFiles", maxFiles);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("statementHistories", statements.historiesOf(me.subject()));
        model.addAttribute("objections", objections.ofPerson(me).stream().map(this::caseOf).toList());
        return "remedies/my-objections";
    }

    private ObjectionView caseOf(Objection o) {
        return new ObjectionView(o, pages.itemName(o.itemCode()), pages.departmentName(o.departmentCode()),
                pages.fieldLabel(o.itemCode(), o.field()), objections.attachmentsOf(o.id()));
    }

    /** An objection as the person reads it. */
    record ObjectionView(Objection objection, String itemName, String departmentName, String fieldLabel, List<Attachment> attachments) {
    }
}
