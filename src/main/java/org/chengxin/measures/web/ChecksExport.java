package org.chengxin.measures.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.chengxin.measures.MeasureChecks;
import org.chengxin.measures.MeasureChecks.CheckFilter;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.XlsxExports;
import org.springframework.stereotype.Component;

/**
 * Writes a department's filtered checks as XLSX without holding them: rows come one at a time from the database and
 * SXSSF keeps only {@value XlsxExports#WINDOW} rows of the sheet in memory. The person appears only by the masked number stored
 * with the check (430602********123X); matters by name.
 */
@Component
class ChecksExport {

    static final String[] HEADER = {"核查编号", "核查时间", "核查人", "身份证号码", "办理事项", "守信激励措施", "失信惩戒措施", "反馈期限",
        "反馈状态", "反馈时间", "反馈人"};
    static final int MAX_ROWS = 100_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final MeasureChecks checks;

    ChecksExport(MeasureChecks checks) {
        this.checks = checks;
    }

    long write(CheckFilter filter, PageRequest order, Map<String, String> matterNames, LocalDate today, OutputStream out)
            throws IOException {
        return XlsxExports.write(out, "联合奖惩核查", HEADER, sheet -> {
            int[] next = {1};
            long written = checks.each(filter, order, MAX_ROWS, c -> {
                Row row = sheet.createRow(next[0]++);
                row.createCell(0).setCellValue(c.id());
                row.createCell(1).setCellValue(time(c.checkedAt()));
                row.createCell(2).setCellValue(c.checkedBy());
                row.createCell(3).setCellValue(c.maskedIdNumber());
                row.createCell(4).setCellValue(matterName(c, matterNames));
                row.createCell(5).setCellValue(c.incentives());
                row.createCell(6).setCellValue(c.punishments());
                row.createCell(7).setCellValue(c.feedbackDue().toString());
                row.createCell(8).setCellValue(c.state(today).label());
                row.createCell(9).setCellValue(time(c.feedbackAt()));
                row.createCell(10).setCellValue(c.feedbackBy() == null ? "" : c.feedbackBy());
            });
            if (written >= MAX_ROWS) {
                sheet.createRow(next[0]).createCell(0).setCellValue("仅导出前 " + MAX_ROWS + " 条核查，请缩小筛选范围后分次导出");
            }
            return written;
        });
    }

    static String matterName(MeasureChecks.CheckLine c, Map<String, String> matterNames) {
        return c.matterName() != null ? c.matterName() : matterNames.getOrDefault(c.matterCode(), c.matterCode());
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
