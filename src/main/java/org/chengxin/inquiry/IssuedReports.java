package org.chengxin.inquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The reports issued, for their public verification (报告核验). */
public interface IssuedReports {

    /** The report issued under a verification code, if any. */
    Optional<Issued> byVerificationCode(String code);

    /**
     * Whether a file is the very PDF issued for a report: its SHA-256 against the one recorded at issue
     * (compared in constant time). Empty when no file hash was recorded for the report.
     */
    Optional<Boolean> isTheIssuedFile(Issued issued, byte[] file);

    /** Records the SHA-256 of the PDF issued for a report (the PDF is not kept). */
    void recordPdf(String reportNumber, String pdfSha256);

    /** What the verification page may show: never the full number. */
    record Issued(String reportNumber, String verificationCode, Instant issuedAt, LocalDate validUntil, String maskedIdNumber,
            String scope, String contentSha256, String pdfSha256) {
    }
}
