package org.chengxin.lists.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.chengxin.lists.web.GoodCreditListPageController.Line;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.GoodCreditFilter;
import org.chengxin.records.Records;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.XlsxExports;
import org.springframework.stereotype.Component;

/**
 * Writes the good-credit list as filtered to XLSX without holding it: the records come from a database cursor, are
 * drawn as lines {@value #CHUNK} at a time (the masked numbers and names in one query each), and SXSSF keeps only
 * {@value XlsxExports#WINDOW} rows of the sheet in memory.
 */
@Component
class GoodCreditExport {

    static final String[] HEADER = {"记录编号", "当事人姓名", "身份证号", "信息项", "来源部门", "文号", "决定日期", "有效至", "状态"};
    /** One sheet holds 1,048,576 rows; an export stops before and says so in its last row. */
    static final int MAX_ROWS = 1_000_000;
    private static final int CHUNK = 1000;

    private final Records records;

    GoodCreditExport(Records records) {
        this.records = records;
    }

    /** Writes the file and returns how many records it holds. */
    long write(GoodCreditFilter filter, PageRequest order, Function<List<CreditRecord>, List<Line>> draw, OutputStream out)
            throws IOException {
        return XlsxExports.write(out, "优良信用记录名单", HEADER, sheet -> {
            List<CreditRecord> chunk = new ArrayList<>(CHUNK);
            int[] next = {1};
            long[] skipped = {0};
            records.eachGoodCredit(filter, order, r -> {
                if (next[0] + chunk.size() > MAX_ROWS) {
                    skipped[0]++;
                    return;
                }
                chunk.add(r);
                if (chunk.size() == CHUNK) {
                    next[0] = writeChunk(sheet, next[0], chunk, draw);
                }
            });
            next[0] = writeChunk(sheet, next[0], chunk, draw);
            if (skipped[0] > 0) {
                sheet.createRow(next[0]).createCell(0).setCellValue("另有 " + skipped[0] + " 条超出单个文件的行数上限，请缩小筛选范围后分批导出");
            }
            return next[0] - 1L;
        });
    }

    private static int writeChunk(Sheet sheet, int first, List<CreditRecord> chunk, Function<List<CreditRecord>, List<Line>> draw) {
        if (chunk.isEmpty()) {
            return first;
        }
        int n = first;
        for (Line l : draw.apply(chunk)) {
            Row row = sheet.createRow(n++);
            row.createCell(0).setCellValue(l.recordId());
            row.createCell(1).setCellValue(l.maskedName());
            row.createCell(2).setCellValue(l.maskedId());
            row.createCell(3).setCellValue(l.itemName());
            row.createCell(4).setCellValue(l.department());
            row.createCell(5).setCellValue(l.documentNumber() == null ? "" : l.documentNumber());
            row.createCell(6).setCellValue(l.decisionDate().toString());
            row.createCell(7).setCellValue(l.lastDay().toString());
            row.createCell(8).setCellValue(l.statusLabel());
        }
        chunk.clear();
        return n;
    }
}
