package org.chengxin.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.ingestion.domain.RawRow;
import org.chengxin.shared.error.ChengxinException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks the platform refuses, each with its own code (issue 19 item 5), and one it reads. */
class XlsxRowReaderTests {

    @TempDir
    Path dir;

    private final XlsxRowReader reader = new XlsxRowReader(new Defaults(null, "P", "L"));

    @Test
    void readsAWholeWorkbook() throws IOException {
        List<RawRow> rows = read(workbook());

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values()).containsEntry("sourceId", "S-1").containsEntry("name", "张三");
    }

    @Test
    void aSheetThatInflatesMoreThanAHundredTimesIsAZipBomb() throws IOException {
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        sheet.append(" ".repeat(30 << 20));
        sheet.append("</sheetData></worksheet>");

        assertThat(code(replace(workbook(), "xl/worksheets/sheet1.xml", sheet.toString()))).isEqualTo("XLSX_EXPANDS_TOO_FAR");
    }

    @Test
    void aDocumentTypeDeclarationIsRefusedAndNoEntityResolved() throws IOException {
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>";

        assertThat(code(replace(workbook(), "xl/worksheets/sheet1.xml", sheet))).isEqualTo("XLSX_EXTERNAL_ENTITY");
    }

    @Test
    void aTruncatedWorkbookIsBroken() throws IOException {
        byte[] whole = workbook();

        assertThat(code(Arrays.copyOf(whole, whole.length / 2))).isIn("XLSX_BROKEN", "FILE_NOT_XLSX");
    }

    @Test
    void aSheetThatIsNotXmlIsBroken() throws IOException {
        assertThat(code(replace(workbook(), "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>"))).isEqualTo("XLSX_BROKEN");
    }

    @Test
    void aCsvNamedXlsxIsNotAWorkbook() throws IOException {
        assertThat(code("sourceId,name\nS-1,张三\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("FILE_NOT_XLSX");
    }

    @Test
    void aZipWithoutAWorkbookIsNotAWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("不是工作簿".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThat(code(out.toByteArray())).isIn("FILE_NOT_XLSX", "XLSX_BROKEN");
    }

    @Test
    void aFailureOfTheRowsConsumerIsNotTakenForABrokenFile() throws IOException {
        Path file = Files.write(dir.resolve("ok.xlsx"), workbook());

        assertThatThrownBy(() -> reader.read(file, row -> {
            throw new IllegalStateException("数据库不可用");
        })).isInstanceOf(IllegalStateException.class);
    }

    private String code(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("f.xlsx"), bytes);
        try {
            reader.read(file, row -> { });
        } catch (ChengxinException e) {
            return e.code();
        }
        throw new AssertionError("the workbook was read");
    }

    private List<RawRow> read(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("r.xlsx"), bytes);
        List<RawRow> rows = new ArrayList<>();
        reader.read(file, rows::add);
        return rows;
    }

    private static byte[] workbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("记录");
            sheet.createRow(0).createCell(0).setCellValue("sourceId");
            sheet.getRow(0).createCell(1).setCellValue("name");
            sheet.createRow(1).createCell(0).setCellValue("S-1");
            sheet.getRow(1).createCell(1).setCellValue("张三");
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The workbook with one entry's content replaced. */
    private static byte[] replace(byte[] workbook, String entry, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().equals(entry) ? content.getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

}
