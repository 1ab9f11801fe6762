package org.chengxin.inquiry.web;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.CreditReports;
import org.chengxin.inquiry.ReportDocuments;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.statements.Statements;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 我的信用报告: the person generates their own report (a logged query) and reads it on the page; beside each
 * record, the dialog of their own statement (本人声明, the statements module's pages take the form). The report
 * is shown in the answer to the POST that issued it rather than fetched again by number, so that no later request
 * can name a report that is not the person's; a statement published shows in the next report generated.
 */
@Controller
class MyReportPageController {

    private final CreditReports reports;
    private final Statements statements;
    private final Citizens citizens;
    private final ReportDocuments documents;

    MyReportPageController(CreditReports reports, Statements statements, Citizens citizens,
            ReportDocuments documents) {
        this.documents = documents;
        this.reports = reports;
        this.statements = statements;
        this.citizens = citizens;
    }

    @GetMapping("/my/report")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        return page(me(who), null, model);
    }

    @PostMapping("/my/report")
    String generate(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(required = false) String purpose, Model model) {
        CitizenRef me = me(who);
        try {
            return page(me, reports.ofMyself(me.id(), purpose), model);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            model.addAttribute("typedPurpose", purpose);
            return page(me, null, model);
        }
    }

    /** The PDF of a report issued to this person about themselves (found by the person, never by the masked number). */
    @GetMapping("/my/report/{number}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        CreditReport report = reports.issuedToMe(number)
                .orElseThrow(() -> ChengxinException.notFound("INQUIRY_REPORT_NOT_FOUND", "没有出具给您的编号为 " + number + " 的报告"));
        return ReportPdfResponse.of(report, documents.pdf(report));
    }

    private CitizenRef me(ChengxinPrincipal who) {
        return citizens.signedIn(who);
    }

    private String page(CitizenRef me, CreditReport report, Model model) {
        model.addAttribute("maskedId", me.maskedId());
        model.addAttribute("report", report);
        model.addAttribute("statementHistories", statements.historiesOf(me.subject()));
        model.addAttribute("manageStatements", true);
        model.addAttribute("pdfAvailable", true);
        return "inquiry/my-report";
    }
}
