package org.chengxin.shared.listing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * What every list's XLSX export sets up the same way: the streamed download's headers (type, a Chinese file name in
 * UTF-8, never cached) and a streaming workbook (SXSSF: {@value #WINDOW} rows in memory, the rest in a compressed
 * temporary file until the file is sent) with one sheet whose first row is the header, frozen. The rows, their masking
 * and the audit entry stay with each list.
 */
public final class XlsxExports {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final int WINDOW = 200;

    private XlsxExports() {
    }

    /** Fills the sheet below its header row (row 0) and returns how many rows of data it wrote. */
    @FunctionalInterface
    public interface SheetBody {
        long fill(Sheet sheet) throws IOException;
    }

    /** Makes the response a download of {@code fileName}, not to be cached. */
    public static void attach(HttpServletResponse response, String fileName) {
        response.setContentType(CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * Writes a one-sheet workbook to {@code out}: the header, then what {@code body} fills in; the workbook's temporary
     * files are removed whatever happens. Returns what the body returned.
     */
    public static long write(OutputStream out, String sheetName, String[] header, SheetBody body) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        book.setCompressTempFiles(true);
        try {
            Sheet sheet = book.createSheet(sheetName);
            Row row = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                row.createCell(i).setCellValue(header[i]);
            }
            sheet.createFreezePane(0, 1);
            long written = body.fill(sheet);
            book.write(out);
            out.flush();
            return written;
        } finally {
            book.dispose();
            book.close();
        }
    }
}
