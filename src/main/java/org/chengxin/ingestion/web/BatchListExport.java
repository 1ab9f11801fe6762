package org.chengxin.ingestion.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.chengxin.ingestion.BatchFormat;
import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.BatchReport.BatchStatus;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.BatchFilter;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.XlsxExports;
import org.springframework.stereotype.Component;

/**
 * Writes a department's filtered batches as XLSX without holding them: rows come one at a time from the database and
 * SXSSF keeps only {@value XlsxExports#WINDOW} rows of the sheet in memory. A batch holds no personal data (its rows do, and stay
 * behind the batch's own page), so nothing needs masking.
 */
@Component
class BatchListExport {

    static final String[] HEADER = {"批次", "文件", "报送方式", "整批报送", "提交人", "提交时间", "完成时间", "状态", "已处理", "新增", "更正", "未变",
        "拒绝", "说明"};
    static final int MAX_ROWS = 100_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private static final Map<BatchStatus, String> STATUS = Map.of(BatchStatus.RECEIVED, "已接收", BatchStatus.PROCESSING, "处理中",
            BatchStatus.COMPLETED, "已完成", BatchStatus.REJECTED, "整批未入库", BatchStatus.FAILED, "处理失败",
            BatchStatus.INTERRUPTED, "已中断");

    private final RecordBatches batches;

    BatchListExport(RecordBatches batches) {
        this.batches = batches;
    }

    static String statusLabel(BatchStatus status) {
        return STATUS.getOrDefault(status, status.name());
    }

    /** How the batch came: a file uploaded on the page, or a push by the department's system. */
    public static String source(BatchReport batch) {
        String format = batch.format() == BatchFormat.JSONL ? "JSON Lines" : batch.format().name();
        return batch.fileName() == null ? "系统接口报送（" + format + "）" : "上传文件（" + format + "）";
    }

    long write(BatchFilter filter, PageRequest order, OutputStream out) throws IOException {
        return XlsxExports.write(out, "报送批次", HEADER, sheet -> {
            int[] next = {1};
            long written = batches.each(filter, order, MAX_ROWS, b -> {
                Row row = sheet.createRow(next[0]++);
                row.createCell(0).setCellValue(b.id());
                row.createCell(1).setCellValue(b.fileName() == null ? "" : b.fileName());
                row.createCell(2).setCellValue(source(b));
                row.createCell(3).setCellValue(b.atomic() ? "是" : "否");
                row.createCell(4).setCellValue(b.submittedBy() == null ? "" : b.submittedBy());
                row.createCell(5).setCellValue(time(b.submittedAt()));
                row.createCell(6).setCellValue(time(b.finishedAt()));
                row.createCell(7).setCellValue(statusLabel(b.status()));
                row.createCell(8).setCellValue(b.processed());
                row.createCell(9).setCellValue(b.accepted());
                row.createCell(10).setCellValue(b.corrected());
                row.createCell(11).setCellValue(b.unchanged());
                row.createCell(12).setCellValue(b.rejected());
                row.createCell(13).setCellValue(b.failure() != null ? b.failure() : b.warning() != null ? b.warning() : "");
            });
            if (written >= MAX_ROWS) {
                sheet.createRow(next[0]).createCell(0).setCellValue("仅导出前 " + MAX_ROWS + " 个批次，请缩小筛选范围后分次导出");
            }
            return written;
        });
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
