package org.chengxin.remedies.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chengxin.identity.CitizenRef;
import org.chengxin.remedies.Attachment;
import org.chengxin.remedies.CaseFiles;
import org.chengxin.remedies.Repairs;
import org.chengxin.remedies.Upload;
import org.chengxin.remedies.domain.Commitment;
import org.chengxin.remedies.domain.RepairApplication;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
 * 信用修复: a citizen sees, for each of their dishonesty records in force, from which day repair can be asked
 * (or the law's reason why never), applies with proof and a credit commitment (confirmed online, or the
 * generated letter signed and uploaded), follows the application and withdraws it while it is open.
 */
@Controller
class MyRepairsPageController {

    private final Repairs repairs;
    private final CaseFiles files;
    private final RemediesPages pages;
    private final CommitmentLetter letter;
    private final int maxFiles;
    private final Clock clock;

    MyRepairsPageController(Repairs repairs, CaseFiles files, RemediesPages pages, CommitmentLetter letter,
            @Value("${chengxin.remedies.attachments-per-case}") int maxFiles, Clock clock) {
        this.repairs = repairs;
        this.files = files;
        this.pages = pages;
        this.letter = letter;
        this.maxFiles = maxFiles;
        this.clock = clock;
    }

    @GetMapping("/my/repairs")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(name = "record", required = false) String record,
            Model model) {
        return show(pages.me(who), RemediesPages.parseId(record), Map.of(), model);
    }

    @PostMapping("/my/repairs")
    String apply(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> form,
            @RequestParam(name = "files", required = false) List<MultipartFile> proof,
            @RequestParam(name = "signedCommitment", required = false) MultipartFile signed,
            @RequestParam(name = "proofRecords", required = false) List<String> proofRecords, Model model, RedirectAttributes redirect) {
        CitizenRef me = pages.me(who);
        Long recordId = RemediesPages.parseId(form.get("recordId"));
        try {
            if (recordId == null) {
                throw ChengxinException.badRequest("REPAIR_RECORD_REQUIRED", "请选择要申请信用修复的记录");
            }
            List<Upload> uploads = new ArrayList<>(RemediesPages.uploads(proof));
            List<Upload> signedLetter = RemediesPages.uploads(signed == null ? List.of() : List.of(signed));
            uploads.addAll(signedLetter);
            RepairApplication filed = repairs.apply(me, recordId, form.get("fulfilment"), form.get("localWays"),
                    commitment(form.get("commitOnline"), !signedLetter.isEmpty()), uploads, RemediesPages.ids(proofRecords));
            redirect.addFlashAttribute("notice", noticeOf(filed));
            return "redirect:/my/repairs";
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return show(me, recordId, form, model);
        }
    }

    /** Confirmed online when the box is ticked; otherwise the signed letter uploaded; neither is refused by the service. */
    static Commitment commitment(String commitOnline, boolean signedLetter) {
        if ("true".equals(commitOnline)) {
            return Commitment.ONLINE;
        }
        return signedLetter ? Commitment.SIGNED : null;
    }

    static String noticeOf(RepairApplication filed) {
        return switch (filed.status()) {
            case REFUSED -> "信用修复申请（编号 " + filed.id() + "）已依法不予修复：" + filed.decisionReason();
            default -> "已提交信用修复申请（编号 " + filed.id() + "），认定部门将于 " + filed.dueOn() + " 前办结。";
        };
    }

    @PostMapping("/my/repairs/{id}/withdrawal")
    String withdraw(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, RedirectAttributes redirect) {
        try {
            repairs.withdraw(pages.me(who), id);
            redirect.addFlashAttribute("notice", "已撤回信用修复申请（编号 " + id + "）。");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/my/repairs";
    }

    @GetMapping("/my/repairs/attachments/{id}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id) {
        return RemediesPages.download(files.openForPerson(pages.me(who), id));
    }

    /** The credit commitment letter of one of the person's records, to print, sign and upload (or bring to a window). */
    @GetMapping("/my/repairs/commitment.pdf")
    ResponseEntity<byte[]> commitmentLetter(@AuthenticationPrincipal ChengxinPrincipal who,
            @RequestParam(name = "record", required = false) String record) {
        CitizenRef me = pages.me(who);
        Long recordId = RemediesPages.parseId(record);
        if (recordId == null) {
            throw ChengxinException.badRequest("REPAIR_RECORD_REQUIRED", "请选择要申请信用修复的记录");
        }
        byte[] pdf = letter.pdf(me, pages.recordOf(me, recordId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("信用承诺书-记录" + recordId + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    private String show(CitizenRef me, Long selectedId, Map<String, String> typed, Model model) {
        List<EligibilityView> eligibility = repairs.eligibilityOf(me).stream()
                .map(e -> new EligibilityView(e, pages.departmentName(e.departmentCode()))).toList();
        model.addAttribute("maskedId", me.maskedId());
        model.addAttribute("eligibility", eligibility);
        model.addAttribute("selected", eligibility.stream().filter(e -> selectedId != null && e.e().recordId() == selectedId)
                .findFirst().orElse(null));
        model.addAttribute("typed", typed);
        model.addAttribute("localWayRecords", repairs.localWayRecordsOf(me));
        model.addAttribute("maxFiles", maxFiles);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("applications", repairs.ofPerson(me).stream().map(this::caseOf).toList());
        return "remedies/my-repairs";
    }

    private RepairView caseOf(RepairApplication a) {
        return new RepairView(a, pages.itemName(a.itemCode()), pages.departmentName(a.departmentCode()), repairs.attachmentsOf(a.id()));
    }

    /** A dishonesty record with the repair rule's answer, and the name of the department that decides. */
    record EligibilityView(Repairs.Eligibility e, String departmentName) {
    }

    /** An application as the person reads it. */
    record RepairView(RepairApplication application, String itemName, String departmentName, List<Attachment> attachments) {
    }
}
