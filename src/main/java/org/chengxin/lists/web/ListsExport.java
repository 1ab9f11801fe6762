package org.chengxin.lists.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes a list of the reviewer's page (candidates or entries) to XLSX as it goes: SXSSF keeps only {@value #WINDOW}
 * rows of the sheet in memory. The caller hands over lines already in words, the person masked, at most
 * {@value #MAX_ROWS}; when more matched, the last row says how many were left out.
 */
@Component
class ListsExport {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The most rows one export holds: narrow the filter for more. */
    static final int MAX_ROWS = 10_000;
    static final int CHUNK = 500;
    private static final int WINDOW = 200;

    /** A sheet being written: the header first, then lines chunk by chunk. */
    final class Sheet1 implements AutoCloseable {
        private final SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        private final Sheet sheet;
        private int next = 1;

        Sheet1(String title, String[] header) {
            book.setCompressTempFiles(true);
            sheet = book.createSheet(title);
            Row row = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                row.createCell(i).setCellValue(header[i]);
            }
            sheet.createFreezePane(0, 1);
        }

        void add(List<? extends List<Object>> lines) {
            for (List<Object> line : lines) {
                Row row = sheet.createRow(next++);
                for (int i = 0; i < line.size(); i++) {
                    Object v = line.get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(v == null ? "" : v.toString());
                    }
                }
            }
        }

        /** Says in a last row that more matched than the file holds. */
        void leftOut(long more) {
            if (more > 0) {
                sheet.createRow(next).createCell(0).setCellValue("另有 " + more + " 条超出导出上限（" + MAX_ROWS + " 条），请缩小筛选范围后分批导出");
            }
        }

        int written() {
            return next - 1;
        }

        void writeTo(OutputStream out) throws IOException {
            book.write(out);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            book.dispose();
            book.close();
        }
    }

    Sheet1 sheet(String title, String[] header) {
        return new Sheet1(title, header);
    }
}
