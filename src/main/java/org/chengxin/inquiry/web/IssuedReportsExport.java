package org.chengxin.inquiry.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.chengxin.inquiry.IssuedReports;
import org.chengxin.inquiry.IssuedReports.WindowFilter;
import org.chengxin.inquiry.IssuedReports.WindowReport;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.XlsxExports;
import org.springframework.stereotype.Component;

/**
 * The reports issued at the windows as filtered and sorted, as XLSX, streamed from the database one row at a time. The
 * person's ID number and name masked as on the page (the list never holds them in full).
 */
@Component
class IssuedReportsExport {

    static final String[] HEADER = {"报告编号", "出具时间", "身份证号", "姓名", "报告范围", "有效期至", "核验状态", "出具部门", "经办人"};
    static final int MAX_ROWS = 1_000_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final IssuedReports reports;

    IssuedReportsExport(IssuedReports reports) {
        this.reports = reports;
    }

    long write(WindowFilter filter, PageRequest order, Function<WindowReport, IssuedReportsPageController.Line> lines, OutputStream out)
            throws IOException {
        return XlsxExports.write(out, "窗口出具的报告", HEADER, sheet -> {
            int[] next = {1};
            long written = reports.eachWindowReport(filter, order, MAX_ROWS, r -> {
                IssuedReportsPageController.Line l = lines.apply(r);
                Row row = sheet.createRow(next[0]++);
                row.createCell(0).setCellValue(l.reportNumber());
                row.createCell(1).setCellValue(TIME.format(l.issuedAt()));
                row.createCell(2).setCellValue(l.maskedIdNumber());
                row.createCell(3).setCellValue(l.maskedName() == null ? "—" : l.maskedName());
                row.createCell(4).setCellValue(l.scopeLabel());
                row.createCell(5).setCellValue(l.validUntil().toString());
                row.createCell(6).setCellValue(l.state());
                row.createCell(7).setCellValue(l.departmentName());
                row.createCell(8).setCellValue(l.clerkName());
            });
            if (written >= MAX_ROWS) {
                sheet.createRow(next[0]).createCell(0).setCellValue("仅导出前 " + MAX_ROWS + " 份，请缩小筛选范围后分次导出");
            }
            return written;
        });
    }
}
