package org.chengxin.catalog.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.TemplateColumns;
import org.chengxin.catalog.domain.TemplateColumns.Column;
import org.chengxin.shared.error.ChengxinException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Upload templates of an item, as a Chinese spreadsheet user expects them: CSV (UTF-8 with BOM) and XLSX. */
@Controller
class ItemTemplateController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Catalog catalog;

    ItemTemplateController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/catalog/items/{code}/template.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code) {
        Item item = item(code);
        List<Column> columns = TemplateColumns.of(item);
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(columns.stream().map(Column::header).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return download(out.toString().getBytes(StandardCharsets.UTF_8), code + "-模板.csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/catalog/items/{code}/template.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String code) {
        Item item = item(code);
        List<Column> columns = TemplateColumns.of(item);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(code);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            // identifier columns are text ("@"): a number typed there stays as typed, all 18 digits
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, 22 * 256);
                if (columns.get(i).identifier()) {
                    sheet.setDefaultColumnStyle(i, text);
                }
            }
            Sheet notes = book.createSheet("填写说明");
            Row title = notes.createRow(0);
            title.createCell(0).setCellValue(item.name() + "（" + item.code() + "）");
            title.createCell(1).setCellValue("法律依据：" + item.legalBasis());
            for (int i = 0; i < columns.size(); i++) {
                Row row = notes.createRow(i + 2);
                row.createCell(0).setCellValue(columns.get(i).header());
                row.createCell(1).setCellValue(columns.get(i).required() ? "必填" : "选填");
                row.createCell(2).setCellValue(columns.get(i).hint());
            }
            book.write(out);
            return download(out.toByteArray(), code + "-模板.xlsx", XLSX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Item item(String code) {
        return catalog.item(code).orElseThrow(() -> ChengxinException.notFound("CATALOG_ITEM_NOT_FOUND", "信息项不存在：" + code));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(type)
                .body(body);
    }
}
