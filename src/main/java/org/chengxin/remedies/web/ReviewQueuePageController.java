package org.chengxin.remedies.web;

import java.util.ArrayList;
import java.util.List;

import org.chengxin.remedies.CaseFiles;
import org.chengxin.remedies.Objections;
import org.chengxin.remedies.Repairs;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The reviewer's work queue (异议与信用修复审核): the department's open objections and repair applications
 * in one list, the nearest deadline first, and the ones decided lately below.
 */
@Controller
class ReviewQueuePageController {

    private static final int RECENT = 20;

    private final Objections objections;
    private final Repairs repairs;
    private final CaseFiles files;
    private final CaseRecords view;

    ReviewQueuePageController(Objections objections, Repairs repairs, CaseFiles files, CaseRecords view) {
        this.objections = objections;
        this.repairs = repairs;
        this.files = files;
        this.view = view;
    }

    @GetMapping("/review/cases")
    String queue(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        DepartmentCode department = who.departmentCode();
        List<CaseRow> open = new ArrayList<>();
        objections.ofDepartment(department, true).forEach(o -> open.add(CaseRow.of(o, view)));
        repairs.ofDepartment(department, true).forEach(a -> open.add(CaseRow.of(a, view)));
        open.sort(CaseRow.BY_DEADLINE);
        List<CaseRow> decided = new ArrayList<>();
        objections.ofDepartment(department, false).stream().filter(o -> !o.status().isOpen())
                .forEach(o -> decided.add(CaseRow.of(o, view)));
        repairs.ofDepartment(department, false).stream().filter(a -> !a.status().isOpen())
                .forEach(a -> decided.add(CaseRow.of(a, view)));
        decided.sort(CaseRow.LATEST_DECIDED);
        view.auditView("remedies.review-queue", null, "办理异议和信用修复申请", "查看本部门待办案件（" + open.size() + " 件）");
        model.addAttribute("open", open);
        model.addAttribute("decided", decided.subList(0, Math.min(RECENT, decided.size())));
        model.addAttribute("departmentName", view.departmentName(department));
        return "remedies/review-cases";
    }

    /** A file of a case of the department, past screening; any other is answered as missing. */
    @GetMapping("/review/attachments/{id}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id) {
        return AttachmentDownload.of(files.openForDepartment(who.departmentCode(), id));
    }
}
