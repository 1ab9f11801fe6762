package org.chengxin.inquiry.web;

import java.time.Clock;
import java.util.Locale;

import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.CreditReports;
import org.chengxin.inquiry.ReportDocuments;
import org.chengxin.shared.error.ApiAnswers;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.text.MaxChars;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The personal public credit report for department and organization systems (scope {@code reports:read}):
 * a department for its statutory duties (政务共享), or an organization under the person's authorization.
 * The number travels in the body; every query, allowed or refused, is in the person's query log.
 */
@RestController
@Tag(name = "信用报告", description = "出具个人公共信用信息报告（政务共享或凭本人授权）")
class ReportsApiController {

    private final CreditReports reports;
    private final Clock clock;
    private final ReportDocuments documents;

    ReportsApiController(CreditReports reports, Clock clock, ReportDocuments documents) {
        this.reports = reports;
        this.documents = documents;
        this.clock = clock;
    }

    @ApiAnswers(scopes = "reports:read", problems = 404)
    @PostMapping("/api/v1/reports")
    @Operation(summary = "出具个人公共信用信息报告", description = "basis 为 DUTY（行政机关履行法定职责，须写明 duty）或 AUTHORIZATION"
            + "（凭本人授权，须给出 authorizationId）。号码与用途放在请求体中。报告只含查询方范围内的信息；每次查询（含被拒绝的）"
            + "均记入查询记录，本人可查看。")
    CreditReport report(@RequestBody @Validated ReportRequest request) {
        IdNumber number = IdNumber.parse(request.idNumber(), clock);
        String basis = request.basis() == null ? "" : request.basis().strip().toUpperCase(Locale.ROOT);
        return switch (basis) {
            case "DUTY" -> reports.forDuty(number, request.duty(), request.purpose());
            case "AUTHORIZATION" -> reports.underAuthorization(number, request.authorizationId(), request.purpose());
            default -> throw ChengxinException.badRequest("INQUIRY_BASIS_INVALID", "basis 须为 DUTY（履行法定职责）或 AUTHORIZATION（凭本人授权）");
        };
    }

    @ApiAnswers(scopes = "reports:read", problems = 404)
    @PostMapping(value = "/api/v1/reports/pdf", produces = "application/pdf")
    @Operation(summary = "出具个人公共信用信息报告（PDF）", description = "与 /api/v1/reports 相同的请求，返回 A4 PDF（中文可选择、可检索，"
            + "字体已嵌入），首页二维码指向公开核验页；平台登记文件摘要，供核验比对。")
    ResponseEntity<byte[]> pdf(@RequestBody @Validated ReportRequest request) {
        CreditReport report = report(request);
        return ReportPdfResponse.of(report, documents.pdf(report));
    }

    record ReportRequest(@NotNull(message = "idNumber 不能为空") @MaxChars(value = 64, message = "idNumber 过长") String idNumber,
            @MaxChars(value = 20) String basis, @MaxChars(value = 200, message = "duty 不能超过 200 个字符") String duty,
            Long authorizationId, @MaxChars(value = 200, message = "purpose 不能超过 200 个字符") String purpose) {
    }
}
