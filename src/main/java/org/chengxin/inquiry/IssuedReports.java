package org.chengxin.inquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.SortColumns;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/** The reports issued, for their public verification (报告核验) and the list of reports issued at the windows. */
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

    /**
     * What the list of reports issued at the service windows (窗口出具的报告) may be narrowed to: the issuing department
     * (null: every department, for the auditor), the people (blind indexes; null: anyone), part of the report number,
     * the day of issue from and to (both included, in the city's time). Applied in SQL.
     */
    record WindowFilter(DepartmentCode department, List<SubjectKey> subjects, String reportNumber, LocalDate from, LocalDate to) {
    }

    /**
     * A report issued at a window as the list shows it: the person's number and name masked, the scope as issued (a
     * {@code ReportScope} name), the department that issued it and the clerk (the real name as the query log keeps it, and
     * the login).
     */
    record WindowReport(String reportNumber, Instant issuedAt, String maskedIdNumber, String maskedName, String scope,
            LocalDate validUntil, DepartmentCode department, String clerkName, String clerkLogin) {
    }

    /** The columns the list sorts by: time of issue (default, newest first), report number, valid until. */
    SortColumns WINDOW_REPORT_SORTS = SortColumns.of(Map.of("issued", "r.issued_at", "number", "r.report_number", "validUntil",
            "r.valid_until"), "issued", true);

    /** One page of the reports issued at windows matching the filter, with the total. */
    PageResult<WindowReport> windowReports(WindowFilter filter, PageRequest request);

    /** The reports issued at windows matching the filter in the request's order, at most {@code limit}, one at a time. */
    long eachWindowReport(WindowFilter filter, PageRequest order, int limit, Consumer<WindowReport> each);
}
