package org.chengxin.remedies.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.stereotype.Component;

/**
 * Writes the review list as filtered to XLSX, streamed (SXSSF keeps {@value #WINDOW} rows of the sheet in memory, the
 * rest in a compressed temporary file until the file is sent); the lines are drawn {@value #CHUNK} at a time. The
 * person's number and name masked, the statuses in words.
 */
@Component
class ReviewCasesExport {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String[] HEADER = {"类型", "编号", "信息项", "当事人姓名", "身份证号", "状态", "提出日期", "办理期限", "是否超期", "办结时间", "超期办理"};
    static final int CHUNK = 500;
    private static final int WINDOW = 200;
    private static final DateTimeFormatter DECIDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final ReviewRows rows;

    ReviewCasesExport(ReviewRows rows) {
        this.rows = rows;
    }

    /**
     * Writes the file and returns how many cases it holds: {@code cases} hands the cases over chunk by chunk (at most
     * {@value #CHUNK} at a time), in the list's order.
     */
    long write(Consumer<Consumer<List<ReviewCase>>> cases, DepartmentCode department, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        book.setCompressTempFiles(true);
        try {
            Sheet sheet = book.createSheet("异议与信用修复案件");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                header.createCell(i).setCellValue(HEADER[i]);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            cases.accept(chunk -> {
                for (ReviewRow r : rows.draw(chunk, department)) {
                    Row row = sheet.createRow(next[0]++);
                    row.createCell(0).setCellValue(r.kindLabel());
                    row.createCell(1).setCellValue(r.id());
                    row.createCell(2).setCellValue(r.itemName());
                    row.createCell(3).setCellValue(r.maskedName());
                    row.createCell(4).setCellValue(r.maskedId());
                    row.createCell(5).setCellValue(r.statusLabel());
                    row.createCell(6).setCellValue(r.filedOn().toString());
                    row.createCell(7).setCellValue(r.dueOn().toString());
                    row.createCell(8).setCellValue(r.overdue() ? "已超期" : "");
                    row.createCell(9).setCellValue(r.decidedAt() == null ? "" : DECIDED.format(r.decidedAt()));
                    row.createCell(10).setCellValue(r.late() ? "是" : "");
                }
            });
            book.write(out);
            out.flush();
            return next[0] - 1L;
        } finally {
            book.dispose();
            book.close();
        }
    }
}
