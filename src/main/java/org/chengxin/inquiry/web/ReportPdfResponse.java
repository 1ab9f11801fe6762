package org.chengxin.inquiry.web;

import java.nio.charset.StandardCharsets;

import org.chengxin.inquiry.CreditReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A report's PDF as a download named by its number (never by the person). */
final class ReportPdfResponse {

    private ReportPdfResponse() {
    }

    static ResponseEntity<byte[]> of(CreditReport report, byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("个人公共信用信息报告-" + report.reportNumber() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }
}
