package org.chengxin.ingestion.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.RejectionFilter;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.XlsxExports;
import org.springframework.stereotype.Component;

/**
 * A batch's rejections as filtered and sorted on its page, as XLSX, streamed from the database one row at a time. The
 * error in words with its code beside it (the file is for the department's system people too). A rejection holds no ID
 * number or name (the checks' messages never repeat them), so nothing needs masking; the source id is the department's
 * own record number.
 */
@Component
class RejectionListExport {

    static final String[] HEADER = {"行号", "字段", "错误", "错误代码", "来源编号"};
    static final int MAX_ROWS = 1_000_000;

    private final RecordBatches batches;

    RejectionListExport(RecordBatches batches) {
        this.batches = batches;
    }

    long write(long batchId, RejectionFilter filter, PageRequest order, Map<String, String> fieldLabels, OutputStream out)
            throws IOException {
        return XlsxExports.write(out, "拒绝明细", HEADER, sheet -> {
            int[] next = {1};
            long written = batches.eachRejection(batchId, filter, order, MAX_ROWS, r -> {
                Row row = sheet.createRow(next[0]++);
                row.createCell(0).setCellValue(r.rowNo());
                row.createCell(1).setCellValue(r.field() == null ? "（整行）" : fieldLabels.getOrDefault(r.field(), r.field()));
                row.createCell(2).setCellValue(r.message());
                row.createCell(3).setCellValue(r.code());
                row.createCell(4).setCellValue(r.sourceId() == null ? "" : r.sourceId());
            });
            if (written >= MAX_ROWS) {
                sheet.createRow(next[0]).createCell(0).setCellValue("仅导出前 " + MAX_ROWS + " 条，请缩小筛选范围后分次导出");
            }
            return written;
        });
    }
}
