package org.chengxin.inquiry.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chengxin.identity.Citizens;
import org.chengxin.inquiry.Authorizations;
import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.CreditReports;
import org.chengxin.inquiry.ReportDocuments;
import org.chengxin.inquiry.domain.Authorization;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.InvalidIdNumberException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 信用报告查询（窗口）: a clerk types the person's ID number, then either confirms that the person is present with
 * their identity checked, or picks one of the person's authorizations valid today, or records the signed paper
 * authorization presented; then names the purpose and issues the report. The ID number travels between the
 * steps only in POST bodies (a hidden field), never in an address; every query, allowed or refused, is logged
 * by the service. A refusal is answered on the same step, with what was typed kept.
 */
@Controller
class WindowInquiryPageController {

    private final CreditReports reports;
    private final Authorizations authorizations;
    private final Citizens citizens;
    private final Clock clock;
    private final ReportDocuments documents;

    WindowInquiryPageController(CreditReports reports, Authorizations authorizations, Citizens citizens, Clock clock,
            ReportDocuments documents) {
        this.documents = documents;
        this.reports = reports;
        this.authorizations = authorizations;
        this.citizens = citizens;
        this.clock = clock;
    }

    @GetMapping("/inquiry")
    String start() {
        return "inquiry/window";
    }

    @PostMapping("/inquiry/person")
    String person(@RequestParam(required = false) String idNumber, Model model) {
        try {
            return basis(parse(idNumber), Map.of(), model);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            model.addAttribute("typedIdNumber", idNumber);
            return "inquiry/window";
        }
    }

    @PostMapping("/inquiry/paper")
    String paper(@RequestParam(required = false) String idNumber, @RequestParam Map<String, String> form,
            @RequestParam(name = "scan", required = false) MultipartFile scan, Model model) {
        IdNumber person = parseOrStartOver(idNumber, model);
        if (person == null) {
            return "inquiry/window";
        }
        try {
            Authorization a = authorizations.recordPaper(person, form.get("granteeName"), form.get("granteeCode"), form.get("paperPurpose"),
                    MyAuthorizationsPageController.scope(form.get("scope")), MyAuthorizationsPageController.date(form.get("validUntil")),
                    bytes(scan), scan == null ? null : scan.getOriginalFilename(), scan == null ? null : scan.getContentType());
            model.addAttribute("notice", "已登记书面授权 #" + a.id() + "（" + a.granteeName() + "，" + a.scope().label() + "，至 "
                    + a.validUntil() + "），可据此查询。");
            return basis(person, Map.of("authorizationId", String.valueOf(a.id())), model);
        } catch (ChengxinException e) {
            model.addAttribute("paperError", e);
            return basis(person, form, model);
        }
    }

    /** The PDF of a report this clerk issued, to print or hand over. */
    @GetMapping("/inquiry/report/{number}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        CreditReport report = reports.issuedToMe(number)
                .orElseThrow(() -> ChengxinException.notFound("INQUIRY_REPORT_NOT_FOUND", "没有您出具的编号为 " + number + " 的报告"));
        return ReportPdfResponse.of(report, documents.pdf(report));
    }

    @PostMapping("/inquiry/report")
    String report(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String present,
            @RequestParam(required = false) Long authorizationId, @RequestParam(required = false) String purpose,
            @RequestParam Map<String, String> form, Model model) {
        IdNumber person = parseOrStartOver(idNumber, model);
        if (person == null) {
            return "inquiry/window";
        }
        try {
            CreditReport report = reports.atWindow(person, "true".equals(present), authorizationId, purpose);
            model.addAttribute("report", report);
            return "inquiry/window-report";
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return basis(person, form, model);
        }
    }

    /** Step 2: the masked number, the authorizations usable today and the forms; the number rides along hidden. */
    private String basis(IdNumber person, Map<String, String> typed, Model model) {
        LocalDate today = LocalDate.now(clock);
        List<Authorization> usable = authorizations.of(citizens.subjectKeyOf(person)).stream().filter(a -> a.validOn(today)).toList();
        model.addAttribute("idNumber", person.value());
        model.addAttribute("maskedId", person.masked());
        model.addAttribute("usable", usable);
        model.addAttribute("typed", typed);
        model.addAttribute("scopes", MyAuthorizationsPageController.GRANTABLE);
        model.addAttribute("defaultUntil", today.plusMonths(1));
        return "inquiry/window";
    }

    /** The number carried from step 1; if it is missing or altered, the clerk starts over. */
    private IdNumber parseOrStartOver(String idNumber, Model model) {
        try {
            return parse(idNumber);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return null;
        }
    }

    private IdNumber parse(String idNumber) {
        try {
            return IdNumber.parse(idNumber, clock);
        } catch (InvalidIdNumberException e) {
            throw ChengxinException.invalidIdNumber(e);
        }
    }

    private static byte[] bytes(MultipartFile scan) {
        try {
            return scan == null || scan.isEmpty() ? null : scan.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
