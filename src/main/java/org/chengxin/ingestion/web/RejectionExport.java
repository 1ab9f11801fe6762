package org.chengxin.ingestion.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.chengxin.ingestion.RecordBatches;

/** A batch's rejections as a spreadsheet user opens them: CSV (UTF-8 with BOM) or XLSX, streamed. */
final class RejectionExport {

    private static final String[] HEADER = {"行号", "字段", "错误代码", "说明"};

    private RejectionExport() {
    }

    static void csv(RecordBatches batches, long batchId, OutputStream out) {
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            writer.write('\uFEFF');
            printer.printRecord((Object[]) HEADER);
            batches.rejections(batchId, r -> {
                try {
                    printer.printRecord(r.rowNo(), r.field(), r.code(), r.message());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void xlsx(RecordBatches batches, long batchId, OutputStream out) {
        SXSSFWorkbook book = new SXSSFWorkbook(500);
        try {
            Sheet sheet = book.createSheet("拒绝明细");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                header.createCell(i).setCellValue(HEADER[i]);
            }
            int[] n = {1};
            batches.rejections(batchId, r -> {
                Row row = sheet.createRow(n[0]++);
                row.createCell(0).setCellValue(r.rowNo());
                row.createCell(1).setCellValue(r.field() == null ? "" : r.field());
                row.createCell(2).setCellValue(r.code());
                row.createCell(3).setCellValue(r.message());
            });
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
        }
    }
}
