package org.chengxin.remedies.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chengxin.records.CreditRecord;
import org.chengxin.remedies.Attachment;
import org.chengxin.remedies.CaseFiles;
import org.chengxin.remedies.Objections;
import org.chengxin.remedies.Repairs;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.remedies.domain.RepairApplication;
import org.chengxin.shared.error.ApiAnswers;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department system reads and decides the objections and repair applications about the department's
 * own records (scope {@code remedies:decide}, the department taken from the token). It cannot file
 * one: only the person, online or at a window, does. Another department's case is answered as missing.
 */
@RestController
@Tag(name = "异议与信用修复办理")
class RemediesApiController {

    private final Objections objections;
    private final Repairs repairs;
    private final CaseFiles files;
    private final CaseRecords view;

    RemediesApiController(Objections objections, Repairs repairs, CaseFiles files, CaseRecords view) {
        this.objections = objections;
        this.repairs = repairs;
        this.files = files;
        this.view = view;
    }

    @ApiAnswers(scopes = "remedies:decide")
    @GetMapping("/api/v1/objections")
    @Operation(summary = "涉及本部门记录的异议", description = "已通过平台初审的异议；open=true（默认）只列待处理的，按答复期限排序；open=false 含已处理的。当事人只给出脱敏的身份证号。")
    List<CaseJson.ObjectionSummary> objections(@RequestParam(defaultValue = "true") boolean open) {
        return objections.ofDepartment(department(), open).stream().map(o -> CaseJson.ObjectionSummary.of(o, view)).toList();
    }

    @ApiAnswers(scopes = "remedies:decide", problems = 404)
    @GetMapping("/api/v1/objections/{id}")
    @Operation(summary = "一件异议的详情", description = "异议理由、申请更正的内容、被异议记录的全部字段（含中文名称）、附件清单、答复期限和是否超期。")
    CaseJson.ObjectionDetail objection(@PathVariable long id) {
        DepartmentCode department = department();
        Objection o = ownObjection(department, id);
        view.auditView("remedies.case-view", o.subject(), "办理信用记录异议", "部门系统查看异议 " + id);
        return CaseJson.ObjectionDetail.of(o, record(o.recordId(), department), objections.attachmentsOf(id), view);
    }

    @ApiAnswers(scopes = "remedies:decide", problems = 404, media = {"application/pdf", "image/jpeg", "image/png"})
    @GetMapping("/api/v1/objections/{id}/attachments/{attachmentId}")
    @Operation(summary = "下载异议的一个附件", description = "PDF、JPEG 或 PNG 文件本身，以附件方式返回。")
    ResponseEntity<byte[]> objectionAttachment(@PathVariable long id, @PathVariable long attachmentId) {
        DepartmentCode department = department();
        ownObjection(department, id);
        return attachment(department, attachmentId, objections.attachmentsOf(id));
    }

    @ApiAnswers(scopes = "remedies:decide", problems = {404, 409})
    @PostMapping("/api/v1/objections/{id}/decision")
    @Operation(summary = "对异议作出处理决定", description = "outcome 为 UPHOLD（维持）、CORRECT（更正，须给出 correctedValue，仅限针对某一字段的异议）或 REVOKE（撤销记录）；reasons 必填，将告知当事人。尚未通过初审的异议答复 409 OBJECTION_NOT_SCREENED。")
    CaseJson.ObjectionDetail decideObjection(@PathVariable long id, @RequestBody ObjectionDecision decision) {
        DepartmentCode department = department();
        Objection o = objections.decide(department, id, outcomeOf(decision.outcome()), decision.reasons(), decision.correctedValue());
        return CaseJson.ObjectionDetail.of(o, record(o.recordId(), department), objections.attachmentsOf(id), view);
    }

    @ApiAnswers(scopes = "remedies:decide")
    @GetMapping("/api/v1/repairs")
    @Operation(summary = "本部门认定记录的信用修复申请", description = "open=true（默认）只列待办理的，按办理期限排序；open=false 含已办结的。")
    List<CaseJson.RepairSummary> repairs(@RequestParam(defaultValue = "true") boolean open) {
        return repairs.ofDepartment(department(), open).stream().map(a -> CaseJson.RepairSummary.of(a, view)).toList();
    }

    @ApiAnswers(scopes = "remedies:decide", problems = 404)
    @GetMapping("/api/v1/repairs/{id}")
    @Operation(summary = "一件信用修复申请的详情", description = "履行义务情况、信用承诺方式、申请修复记录的全部字段、附件清单、办理期限和是否超期。")
    CaseJson.RepairDetail repair(@PathVariable long id) {
        DepartmentCode department = department();
        RepairApplication a = ownRepair(department, id);
        view.auditView("remedies.case-view", a.subject(), "办理信用修复申请", "部门系统查看信用修复申请 " + id);
        return CaseJson.RepairDetail.of(a, record(a.recordId(), department), repairs.attachmentsOf(id), repairs.proofRecordsOf(id), view);
    }

    @ApiAnswers(scopes = "remedies:decide", problems = 404, media = {"application/pdf", "image/jpeg", "image/png"})
    @GetMapping("/api/v1/repairs/{id}/attachments/{attachmentId}")
    @Operation(summary = "下载信用修复申请的一个附件", description = "PDF、JPEG 或 PNG 文件本身，以附件方式返回。")
    ResponseEntity<byte[]> repairAttachment(@PathVariable long id, @PathVariable long attachmentId) {
        DepartmentCode department = department();
        ownRepair(department, id);
        return attachment(department, attachmentId, repairs.attachmentsOf(id));
    }

    @ApiAnswers(scopes = "remedies:decide", problems = {404, 409})
    @PostMapping("/api/v1/repairs/{id}/decision")
    @Operation(summary = "对信用修复申请作出决定", description = "grant 为 true（准予修复，记录自决定之时起不再公示和使用）或 false（不予修复）；reasons 必填，将告知当事人。")
    CaseJson.RepairDetail decideRepair(@PathVariable long id, @RequestBody RepairDecision decision) {
        DepartmentCode department = department();
        if (decision.grant() == null) {
            throw ChengxinException.badRequest("REPAIR_OUTCOME_REQUIRED", "请选择准予修复或不予修复");
        }
        RepairApplication a = repairs.decide(department, id, decision.grant(), decision.reasons());
        return CaseJson.RepairDetail.of(a, record(a.recordId(), department), repairs.attachmentsOf(id), repairs.proofRecordsOf(id), view);
    }

    private Objection ownObjection(DepartmentCode department, long id) {
        return objections.ofDepartment(department, id)
                .orElseThrow(() -> ChengxinException.notFound("OBJECTION_NOT_FOUND", "异议不存在或不由您处理"));
    }

    private RepairApplication ownRepair(DepartmentCode department, long id) {
        return repairs.ofDepartment(department, id)
                .orElseThrow(() -> ChengxinException.notFound("REPAIR_NOT_FOUND", "信用修复申请不存在或不由您办理"));
    }

    private CreditRecord record(long recordId, DepartmentCode department) {
        return view.ofDepartment(recordId, department).orElseThrow();
    }

    /** A file of this case only: an id of another case's file is answered as missing. */
    private ResponseEntity<byte[]> attachment(DepartmentCode department, long attachmentId, List<Attachment> ofCase) {
        if (ofCase.stream().noneMatch(f -> f.id() == attachmentId)) {
            throw ChengxinException.notFound("ATTACHMENT_NOT_FOUND", "附件不存在或您无权查看");
        }
        return AttachmentDownload.of(files.openForDepartment(department, attachmentId));
    }

    private static DepartmentCode department() {
        DepartmentCode department = CurrentActor.get().department();
        if (department == null) {
            throw ChengxinException.forbidden("REMEDIES_WITHOUT_DEPARTMENT", "只有部门业务系统可以办理涉及本部门记录的异议和信用修复申请");
        }
        return department;
    }

    private static Objections.Outcome outcomeOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Objections.Outcome.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    record ObjectionDecision(String outcome, String reasons, String correctedValue) {
    }

    record RepairDecision(Boolean grant, String reasons) {
    }
}
