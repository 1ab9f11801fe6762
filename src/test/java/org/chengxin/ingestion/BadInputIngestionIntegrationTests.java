package org.chengxin.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.ingestion.domain.Rejection;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A careless department's files, pushed through the real endpoint: identifiers a spreadsheet kept
 * as numbers, control characters and broken Unicode in every field of every format, files with no
 * data row. Nothing lands on a person the file did not name, and one bad row never fails a batch.
 */
@ChengxinIntegrationTest
class BadInputIngestionIntegrationTests {

    private static final String PENALTY = "YY-GN-002";
    private static final String[] HEADER = {"来源编号(sourceId)", "信息项代码(itemCode)", "身份证号(idNumber)", "姓名(name)",
        "决定日期(decisionDate)", "文书号(documentNumber)", "处罚类别(penaltyType)", "违法事实(facts)", "罚款金额(fineAmount)",
        "处罚结果(penaltyResult)", "处罚机关(authority)"};
    private static final List<String> FIELDS = List.of("sourceId", "itemCode", "idNumber", "name", "decisionDate", "documentNumber",
            "penaltyType", "facts", "fineAmount", "penaltyResult", "authority");
    /** Free text, where tabs and line breaks belong. */
    private static final Set<String> MULTILINE = Set.of("penaltyType", "facts", "penaltyResult", "authority");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    RecordBatches batches;

    Http http;
    String department;
    String token;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        department = fixtures.department();
        token = http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
    }

    // ---- identifiers are text or nothing

    @Test
    void aThousandIdNumbersInNumberCellsAreAllRefusedAndAsTextAllStoredOnExactlyThosePeople() throws IOException {
        List<IdNumber> people = new ArrayList<>(distinctPeople(1000));

        JsonNode asNumbers = push("数字格式.xlsx", xlsx(people, true));

        assertThat(asNumbers.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(asNumbers.get("accepted").asInt()).isZero();
        assertThat(asNumbers.get("rejected").asInt()).isEqualTo(1000);
        assertThat(rejectionsOf(asNumbers)).hasSize(1000)
                .allSatisfy(r -> assertThat(tuple(r.field(), r.code())).isEqualTo(tuple("idNumber", "ID_CELL_NOT_TEXT")));
        assertThat(records.ofDepartment(DepartmentCode.of(department), 0, 10)).isEmpty();

        JsonNode asText = push("文本格式.xlsx", xlsx(people, false));

        assertThat(asText.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(asText.get("accepted").asInt()).as(asText.toString()).isEqualTo(1000);
        assertThat(records.ofDepartment(DepartmentCode.of(department), 0, 2000)).hasSize(1000);
        for (int i = 0; i < people.size(); i++) {
            CitizenRef subject = citizens.find(people.get(i)).orElseThrow();
            String source = "num-" + i;
            assertThat(records.allFor(subject.subject())).extracting(CreditRecord::sourceId).as("row %d", i).contains(source);
        }
    }

    @Test
    void aCsvThatExcelWroteInScientificNotationIsRefusedPerRow() {
        IdNumber person = fixtures.syntheticIdNumber();
        String csv = String.join(",", HEADER) + "\r\n"
                + line("sci-1", "4.30602E+17", "文1") + line("sci-2", person.value(), "1.23457E+11") + line("ok-1", person.value(), "文3");

        JsonNode report = push("科学计数法.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        assertThat(rejectionsOf(report)).extracting(Rejection::rowNo, Rejection::field, Rejection::code).containsExactly(
                tuple(2L, "idNumber", "ID_CELL_NOT_TEXT"), tuple(3L, "documentNumber", "IDENTIFIER_CELL_NOT_TEXT"));
    }

    @Test
    void aJsonNumberForAnIdNumberIsRefusedAndInvisibleCharactersAroundItAreRemoved() {
        IdNumber person = numberOfDigitsOnly();
        IdNumber other = fixtures.syntheticIdNumber();
        String body = "{\"records\":[" + json("j-1", person.value(), false) + "," + json("j-2", "\u200B\uFEFF" + other.value() + "\u00A0", true) + "]}";

        JsonNode report = pushJson(body);

        assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(rejectionsOf(report)).extracting(Rejection::rowNo, Rejection::field, Rejection::code)
                .containsExactly(tuple(1L, "idNumber", "ID_CELL_NOT_TEXT"));
        assertThat(citizens.find(person)).isEmpty();
        assertThat(records.allFor(citizens.find(other).orElseThrow().subject())).extracting(CreditRecord::sourceId).containsExactly("j-2");
    }

    @Test
    void theXlsxTemplateFormatsEveryIdentifierColumnAsText() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/catalog/items/YY-TS-001/template.xlsx")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] bytes = response.body();

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            Map<String, String> formats = new LinkedHashMap<>();
            for (int i = 0; i < header.getLastCellNum(); i++) {
                var style = sheet.getColumnStyle(i);
                formats.put(header.getCell(i).getStringCellValue(), style == null ? "General" : style.getDataFormatString());
            }
            assertThat(formats).containsEntry("来源编号(sourceId)", "@").containsEntry("身份证号(idNumber)", "@")
                    .containsEntry("文书号(documentNumber)", "@").containsEntry("号牌号码(plateNumber)", "@")
                    .containsEntry("姓名(name)", "General");
        }
    }

    // ---- one row's bad characters never fail the batch

    @ParameterizedTest
    @ValueSource(strings = {"CSV", "CSV_UTF8", "XLSX", "JSON", "JSONL"})
    void aControlCharacterOrBrokenUnicodeInAnyFieldRejectsOnlyItsRow(String format) throws IOException {
        IdNumber person = fixtures.syntheticIdNumber();
        List<Map<String, String>> rows = new ArrayList<>();
        Map<Integer, String> expectedField = new LinkedHashMap<>();
        List<String> dirt = dirt(format);
        for (String field : FIELDS) {
            for (String bad : dirt) {
                Map<String, String> row = goodRow("d-" + rows.size(), person);
                String value = row.get(field);
                row.put(field, value.substring(0, 1) + bad + value.substring(1));
                boolean tolerated = MULTILINE.contains(field) && (bad.equals("\t") || bad.equals("\n") || bad.equals("\r"));
                if (!tolerated) {
                    expectedField.put(rows.size() + 1, field);
                }
                rows.add(row);
            }
        }
        int good = 0;
        for (int i = 0; i < 3; i++) {
            rows.add(goodRow("good-" + i, fixtures.syntheticIdNumber()));
            good++;
        }
        int tolerated = rows.size() - expectedField.size() - good;

        JsonNode report = format.equals("JSON") || format.equals("JSONL")
                ? push(format.equals("JSON") ? "坏字符.json" : "坏字符.jsonl", jsonFile(rows, format.equals("JSONL")))
                : format.equals("XLSX") ? push("坏字符.xlsx", xlsx(rows)) : push("坏字符.csv", csv(rows, format.equals("CSV_UTF8")));

        assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("COMPLETED");
        assertThat(report.get("accepted").asInt()).isEqualTo(good + tolerated);
        assertThat(report.get("rejected").asInt()).isEqualTo(expectedField.size());
        List<Rejection> rejections = rejectionsOf(report);
        assertThat(rejections).hasSize(expectedField.size()).allSatisfy(r -> {
            assertThat(r.field()).as("row %d", r.rowNo()).isEqualTo(expectedField.get(rowIndex(format, r.rowNo())));
            assertThat(r.code()).isIn("FIELD_CONTROL_CHARACTER", "FIELD_INVALID_CHARACTER", "FIELD_BAD_ENCODING");
        });
    }

    @Test
    void aGbkFileDeclaredAsUtf8FailsAsAFileInTheWrongEncodingAndStoresNothing() throws IOException {
        List<Map<String, String>> rows = List.of(goodRow("gbk-1", fixtures.syntheticIdNumber()), goodRow("gbk-2", fixtures.syntheticIdNumber()));
        Http.Response accepted = http.postFile("/api/v1/record-batches", token, "声明错误.csv", csv(rows, false),
                Map.of("itemCode", PENALTY, "charset", "UTF-8"));
        assertThat(accepted.status()).isEqualTo(202);

        JsonNode report = http.awaitBatch(token, accepted.json().get("id").asLong());

        assertThat(report.get("status").asString()).isEqualTo("FAILED");
        assertThat(report.get("failure").asString()).startsWith("FILE_BAD_ENCODING：");
        assertThat(records.ofDepartment(DepartmentCode.of(department), 0, 10)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSV", "XLSX", "JSON", "JSONL"})
    void aFileWithNoDataRowCompletesWithANoRowsWarning(String format) throws IOException {
        JsonNode report = switch (format) {
            case "CSV" -> push("空.csv", (String.join(",", HEADER) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            case "XLSX" -> push("空.xlsx", xlsx(List.of()));
            case "JSON" -> push("空.json", "{\"records\":[]}".getBytes(StandardCharsets.UTF_8));
            default -> push("空.jsonl", "\n".getBytes(StandardCharsets.UTF_8));
        };

        assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("processed").asInt()).isZero();
        assertThat(report.get("warning").asString()).startsWith("NO_ROWS：").contains("没有数据行");
    }

    // ---- helpers

    /** The characters no field may hold (tab, CR and LF only in free text) that the format can carry. */
    private static List<String> dirt(String format) {
        List<String> dirt = new ArrayList<>();
        for (char c = 0; c < 0x20; c++) {
            dirt.add(String.valueOf(c));
        }
        dirt.add("\u007F");
        dirt.add("\u0085");
        dirt.add("\uFFFE");
        if (!format.equals("CSV")) {
            // GB18030 has no bytes for a lone surrogate; in a UTF-8 CSV it is written as a careless program does (ED A1 82)
            dirt.add("\uD842");
        }
        return dirt;
    }

    /** The 1-based index of the pushed row a report's row number names (a CSV or XLSX has its header in row 1). */
    private static int rowIndex(String format, long rowNo) {
        return (int) (format.startsWith("CSV") || format.equals("XLSX") ? rowNo - 1 : rowNo);
    }

    private Map<String, String> goodRow(String source, IdNumber person) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("sourceId", source);
        row.put("itemCode", PENALTY);
        row.put("idNumber", person.value());
        row.put("name", "吴字符");
        row.put("decisionDate", LocalDate.now().minusDays(5).toString());
        row.put("documentNumber", "岳罚〔2026〕" + source + "号");
        row.put("penaltyType", "罚款");
        row.put("facts", "未按规定公示信息");
        row.put("fineAmount", "200");
        row.put("penaltyResult", "罚款二百元");
        row.put("authority", "岳阳市市场监督管理局");
        return row;
    }

    /**
     * Made-up people the population register does not hold under another name than the rows' (吴字符): a random number
     * that another test registered with its own name made one row of a thousand NAME_MISMATCH in a CI run.
     */
    private Set<IdNumber> distinctPeople(int n) {
        Set<IdNumber> people = new LinkedHashSet<>();
        while (people.size() < n) {
            IdNumber candidate = fixtures.syntheticIdNumber();
            if (register.checkName(candidate, "吴字符") != PopulationRegister.NameMatch.MISMATCH) {
                people.add(candidate);
            }
        }
        return people;
    }

    private String line(String source, String idNumber, String document) {
        return String.join(",", source, PENALTY, idNumber, "郑表格", LocalDate.now().minusDays(3).toString(), document,
                "罚款", "事实", "100", "罚款一百元", "岳阳市市场监督管理局") + "\r\n";
    }

    /** Written as a JSON number, a number ending in X would make the whole body malformed (one person in eleven). */
    private IdNumber numberOfDigitsOnly() {
        IdNumber number = fixtures.syntheticIdNumber();
        while (number.value().endsWith("X")) {
            number = fixtures.syntheticIdNumber();
        }
        return number;
    }

    private String json(String source, String idNumber, boolean asText) {
        String id = asText ? "\"" + idNumber + "\"" : idNumber;
        return "{\"sourceId\":\"" + source + "\",\"itemCode\":\"" + PENALTY + "\",\"idNumber\":" + id + ",\"name\":\"王数字\","
                + "\"decisionDate\":\"" + LocalDate.now().minusDays(2) + "\",\"documentNumber\":\"岳罚" + source + "\","
                + "\"content\":{\"penaltyType\":\"罚款\",\"facts\":\"事实\",\"penaltyResult\":\"罚款\",\"authority\":\"岳阳市市场监督管理局\"}}";
    }

    /** The people's rows in an XLSX as Excel saves them: the ID numbers as number cells (General format) or as text. */
    private byte[] xlsx(List<IdNumber> people, boolean numbers) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            rows.add(goodRow("num-" + i, people.get(i)));
        }
        return workbook(rows, (cell, field, value) -> {
            if (numbers && field.equals("idNumber")) {
                cell.setCellValue(Double.parseDouble(value.replace('X', '0')));
            } else {
                cell.setCellValue(value);
            }
        });
    }

    /**
     * The rows in an XLSX as Excel writes them: a character XML cannot hold is escaped as
     * {@code _x0001_} in the shared strings (POI itself would write a question mark instead).
     */
    private static byte[] xlsx(List<Map<String, String>> rows) throws IOException {
        byte[] plain = workbook(rows, (cell, field, value) -> cell.setCellValue(escapedForExcel(value)));
        return rewriteEntry(plain, "xl/sharedStrings.xml", xml -> xml.replaceAll("\\[\\[x([0-9A-F]{4})\\]\\]", "_x$1_"));
    }

    /** How one cell of a row is written. */
    private interface CellWriter {
        void write(Cell cell, String field, String value);
    }

    /** One sheet: the template's header, then a row per map, each cell written as the writer says. */
    private static byte[] workbook(List<Map<String, String>> rows, CellWriter writer) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("数据");
            header(sheet);
            for (int i = 0; i < rows.size(); i++) {
                Row r = sheet.createRow(i + 1);
                for (int c = 0; c < FIELDS.size(); c++) {
                    writer.write(r.createCell(c), FIELDS.get(c), rows.get(i).get(FIELDS.get(c)));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** A placeholder for each character Excel escapes, turned into Excel's escape once POI has written the file. */
    private static String escapedForExcel(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            boolean xmlCannotHold = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c) || c == '\uFFFE';
            out.append(xmlCannotHold ? String.format("[[x%04X]]", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static byte[] rewriteEntry(byte[] zip, String entry, UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip));
                var rewritten = new ZipOutputStream(out)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                rewritten.putNextEntry(new ZipEntry(e.getName()));
                rewritten.write(content);
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void header(Sheet sheet) {
        Row h = sheet.createRow(0);
        for (int i = 0; i < HEADER.length; i++) {
            h.createCell(i).setCellValue(HEADER[i]);
        }
    }

    /** The rows as a GB18030 CSV, or as UTF-8 whose lone surrogates are encoded byte for byte (what Java and Python refuse to write). */
    private static byte[] csv(List<Map<String, String>> rows, boolean utf8) throws IOException {
        StringWriter out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord((Object[]) HEADER);
            for (Map<String, String> row : rows) {
                printer.printRecord(FIELDS.stream().map(row::get).toList());
            }
        }
        if (!utf8) {
            return out.toString().getBytes(Charset.forName("GB18030"));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        out.toString().codePoints().forEach(cp -> {
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                bytes.write(0xE0 | (cp >> 12));
                bytes.write(0x80 | ((cp >> 6) & 0x3F));
                bytes.write(0x80 | (cp & 0x3F));
            } else {
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            }
        });
        return bytes.toByteArray();
    }

    private static byte[] jsonFile(List<Map<String, String>> rows, boolean lines) {
        // every character outside ASCII as an escape, so that a lone surrogate travels as \\uD842
        var mapper = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        List<String> objects = rows.stream().map(mapper::writeValueAsString).toList();
        String text = lines ? String.join("\n", objects) + "\n" : "{\"records\":[" + String.join(",", objects) + "]}";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode push(String fileName, byte[] content) {
        Http.Response accepted = http.postFile("/api/v1/record-batches", token, fileName, content,
                Map.of("itemCode", PENALTY, "atomic", "false"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return http.awaitBatch(token, accepted.json().get("id").asLong());
    }

    private JsonNode pushJson(String body) {
        Http.Response accepted = http.postJson("/api/v1/record-batches", token, body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return http.awaitBatch(token, accepted.json().get("id").asLong());
    }

    private List<Rejection> rejectionsOf(JsonNode report) {
        List<Rejection> all = new ArrayList<>();
        batches.rejections(report.get("id").asLong(), all::add);
        return all;
    }
}
