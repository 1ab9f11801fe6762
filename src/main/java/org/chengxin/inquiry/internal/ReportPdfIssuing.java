package org.chengxin.inquiry.internal;

import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.IssuedReports;
import org.chengxin.inquiry.ReportDocuments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Issues a report as PDF: renders it with the verification address and records the file's hash for its verification. */
@Service
class ReportPdfIssuing implements ReportDocuments {

    private final ReportPdf pdf;
    private final IssuedReports issued;
    private final String publicUrl;

    ReportPdfIssuing(ReportPdf pdf, IssuedReports issued, @Value("${chengxin.public-url:http://localhost:8080}") String publicUrl) {
        this.pdf = pdf;
        this.issued = issued;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public byte[] pdf(CreditReport report) {
        byte[] bytes = pdf.render(report, verificationUrl());
        issued.recordPdf(report.reportNumber(), Sha256.hex(bytes));
        return bytes;
    }

    @Override
    public String verificationUrl() {
        return publicUrl + "/verify";
    }
}
