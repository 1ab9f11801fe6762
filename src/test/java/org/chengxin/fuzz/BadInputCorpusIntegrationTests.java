package org.chengxin.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input by the thousand (issue 19 item 5), generated and sent through the real HTTP port: ID numbers with every
 * fault to the validation endpoint; broken, truncated and oversized JSON, script and path or SQL metacharacters in every
 * field of a push; CSV in UTF-8, GBK and a wrongly declared encoding, with ragged rows; workbooks with a zip bomb, an
 * external entity, huge shared strings, formulas, broken zips; a 60 MB file over the upload limit (set to 50 MB here);
 * staff pages with every parameter given metacharacters. No answer is a 5xx, every refusal is a problem detail whose
 * code the docs list, every batch ends with a documented failure code if it fails, an atomic batch that fails stores
 * nothing, every rejected row names its source id, and the platform is healthy after. Runs in the {@code fuzz} profile.
 */
@Tag("fuzz")
@ChengxinIntegrationTest
@TestPropertySource(properties = "chengxin.upload.max-size=50MB")
class BadInputCorpusIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`");
    private static final String ITEM = "YY-GN-002";
    private static final List<String> NASTY = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "' OR '1'='1", "'; DROP TABLE credit_record; --", "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00",
            "${7*7}", "#{7*7}", "*{T(Runtime).getRuntime()}", "\u0000", "\uFEFF", "\uD800", "😀".repeat(300),
            "a".repeat(5000), "-1", "99999999999999999999", "1e309", "NaN", "null", "[]", "{}", "\\", "%", "_", "\r\n", "　");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Records records;

    private final Map<String, Integer> inputs = new TreeMap<>();
    private final Map<String, Integer> answers = new TreeMap<>();
    /** What went wrong, collected so that one run shows all of it. */
    private final Set<String> faults = new TreeSet<>();
    private final Random random = new Random(19_5L);
    private Set<String> documented;
    private Http http;

    @Test
    void thousandsOfBadInputsGetDocumentedRefusalsAndNoServerError() throws IOException {
        documented = documentedCodes();
        http = new Http(port);
        String department = fixtures.department();
        String atomicDepartment = fixtures.department();
        String token = http.token(fixtures.apiClientOf(department, "records:write", "identity:validate"), Fixtures.PASSWORD,
                "records:write identity:validate");
        String atomicToken = http.token(fixtures.apiClientOf(atomicDepartment, "records:write"), Fixtures.PASSWORD, "records:write");

        idNumbers(token);
        jsonBodies(token);
        List<Long> ids = new ArrayList<>();
        files(token, atomicToken, ids);
        pages();
        oversized(token);

        assertThat(records.ofDepartment(DepartmentCode.of(atomicDepartment), 0, 10))
                .as("an atomic batch with a bad row or a bad file stores nothing").isEmpty();
        Http.Response health = http.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");

        int total = inputs.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("坏输入语料：共 " + total + " 个输入；按种类 " + inputs + "；按回答 " + answers + "；批次 " + ids.size());
        assertThat(faults).as("no 5xx, only documented codes with a Chinese message").isEmpty();
        assertThat(total).isGreaterThanOrEqualTo(10_000);
    }

    // ---- the identity validation endpoint: every kind of ID-number fault

    private void idNumbers(String token) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            String body17 = "4306" + String.format("%02d", random.nextInt(100)) + (1900 + random.nextInt(150))
                    + String.format("%02d%02d", random.nextInt(14), random.nextInt(33)) + String.format("%03d", random.nextInt(1000));
            String number = switch (i % 10) {
                case 0 -> body17 + IdNumber.checkCharacterOf(body17);
                case 1 -> body17 + (IdNumber.checkCharacterOf(body17) == 'X' ? '0' : 'X');
                case 2 -> body17.substring(0, random.nextInt(17));
                case 3 -> body17 + "12";
                case 4 -> body17.substring(0, 6) + body17.substring(8);
                case 5 -> body17.replace('4', 'Ａ') + "x";
                case 6 -> " \t" + body17 + "\u200B";
                case 7 -> NASTY.get(random.nextInt(NASTY.size()));
                case 8 -> "０".repeat(18);
                default -> body17 + "\u0000";
            };
            bodies.add(JSON.writeValueAsString(Map.of("idNumber", number)));
        }
        for (int i = 0; i < 1000; i++) {
            String good = "{\"idNumber\": \"430602199001011235\"}";
            bodies.add(switch (i % 5) {
                case 0 -> good.substring(0, random.nextInt(good.length()));
                case 1 -> "{\"idNumber\": " + random.nextLong() + "}";
                case 2 -> "{\"idNumber\": [\"430602199001011235\"]}";
                case 3 -> "[" + good + "]";
                default -> "{\"other\": \"" + NASTY.get(random.nextInt(NASTY.size())).replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            });
        }
        for (String body : bodies) {
            problemOrFine("identity", http.postJson("/api/v1/identity/validations", token, body));
        }
    }

    // ---- JSON bodies pushed: broken, truncated, with script and metacharacters in every field

    private void jsonBodies(String token) {
        String whole = JSON.writeValueAsString(Map.of("records", List.of(record(1, Map.of()))));
        for (int cut = 0; cut < whole.length(); cut++) {
            String body = whole.substring(0, cut);
            Http.Response answer = http.postJson("/api/v1/record-batches", token, body);
            problemOrFine("json-truncated", answer);
            settleAccepted(answer, token);
        }
        for (int i = 0; i < 300; i++) {
            char[] bytes = whole.toCharArray();
            bytes[random.nextInt(bytes.length)] = "{}[],:\"\\x0 \u0000".charAt(random.nextInt(12));
            Http.Response answer = http.postJson("/api/v1/record-batches", token, new String(bytes));
            problemOrFine("json-mutated", answer);
            settleAccepted(answer, token);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 0;
        for (String field : List.of("sourceId", "itemCode", "idNumber", "name", "decisionDate", "documentNumber", "facts", "fineAmount")) {
            for (String nasty : NASTY) {
                rows.add(record(++n, Map.of(field, nasty)));
            }
        }
        count("json-rows-with-script-and-metacharacters", rows.size());
        Http.Response answer = http.postJson("/api/v1/record-batches", token, JSON.writeValueAsString(Map.of("records", rows)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        JsonNode report = settled(answer.json().get("id").asLong(), token);
        assertThat(report.get("rejected").asInt() + report.get("accepted").asInt()).isEqualTo(rows.size());
    }

    private static Map<String, Object> record(int n, Map<String, String> change) {
        Map<String, Object> r = new TreeMap<>(Map.of("sourceId", "FZ-" + n, "itemCode", ITEM, "idNumber", "430602199001011235",
                "name", "测试", "decisionDate", "2026-11-01", "documentNumber", "岳罚〔2026〕" + n + "号",
                "content", Map.of("facts", "事实", "fineAmount", "100", "penaltyType", "罚款", "penaltyResult", "罚款100元",
                        "authority", "岳阳市某局")));
        r.putAll(change);
        return r;
    }

    // ---- files: CSV in several encodings and ragged, JSON Lines, workbooks good and hostile

    private void files(String token, String atomicToken, List<Long> ids) throws IOException {
        String header = "sourceId,itemCode,idNumber,name,decisionDate,documentNumber,facts,fineAmount\n";
        StringBuilder csv = new StringBuilder(header);
        StringBuilder ragged = new StringBuilder(header);
        int n = 0;
        for (String nasty : NASTY) {
            for (int col = 1; col < 8; col++) {
                String[] cells = {"FZ-" + ++n, ITEM, "430602199001011235", "测试", "2026-11-01", "岳罚〔2026〕" + n + "号", "事实", "100"};
                cells[col] = nasty;
                csv.append(csvLine(cells));
                ragged.append(csvLine(random.nextBoolean() ? Arrays.copyOf(cells, 1 + random.nextInt(7)) : cells));
                if (random.nextBoolean()) {
                    ragged.append("FZ-x").append(n).append(",a,b,c,d,e,f,g,h,i\n");
                }
            }
        }
        count("csv-rows", 2 * n);
        byte[] utf8 = csv.toString().getBytes(StandardCharsets.UTF_8);
        String fit = csv.toString().replaceAll("[^\\p{IsHan}\\p{ASCII}\\n]", "?");
        for (String token1 : List.of(token, atomicToken)) {
            boolean atomic = token1.equals(atomicToken);
            ids.add(file(token1, "utf8.csv", utf8, Map.of(), atomic, true));
            ids.add(file(token1, "gbk.csv", fit.getBytes(Charset.forName("GBK")), Map.of("charset", "GBK"), atomic, true));
            ids.add(file(token1, "gbk-as-utf8.csv", fit.getBytes(Charset.forName("GBK")), Map.of("charset", "UTF-8"), atomic, false));
            ids.add(file(token1, "utf8-as-gbk.csv", utf8, Map.of("charset", "GB18030"), atomic, false));
            ids.add(file(token1, "utf16.csv", csv.toString().getBytes(StandardCharsets.UTF_16), Map.of(), atomic, false));
            ids.add(file(token1, "ragged.csv", ragged.toString().getBytes(StandardCharsets.UTF_8), Map.of(), atomic, false));
            ids.add(file(token1, "lines.jsonl", jsonLines(), Map.of(), atomic, false));
            for (byte[] book : workbooks()) {
                ids.add(file(token1, "book.xlsx", book, Map.of(), atomic, false));
            }
        }
        for (String name : List.of("a.xls", "a.exe", "../../a.csv", "a.csv\u0000.exe", "<script>.csv", "'; drop.csv", "a".repeat(300) + ".csv")) {
            problemOrFine("file-names", http.postFile("/api/v1/record-batches", token, name, utf8, Map.of()));
        }
        for (String charset : List.of("EBCDIC-XYZ", "../utf8", "<script>", "' or 1=1")) {
            problemOrFine("charset-parameter", http.postFile("/api/v1/record-batches", token, "a.csv", utf8, Map.of("charset", charset)));
        }
    }

    private long file(String token, String name, byte[] content, Map<String, String> fields, boolean atomic, boolean rowsHaveSourceIds) {
        Http.Response answer = http.postFile("/api/v1/record-batches" + (atomic ? "?atomic=true" : ""), token, name, content, fields);
        problemOrFine("file-" + name.replaceAll("\\..*", ""), answer);
        if (answer.status() != 202) {
            faults.add(name + "：文件未被接收 " + answer.status() + " " + abbreviated(answer.body()));
            return -1;
        }
        long id = answer.json().get("id").asLong();
        JsonNode report = settled(id, token);
        if (rowsHaveSourceIds) {
            for (JsonNode r : report.get("rejections")) {
                if (!r.path("sourceId").asString("").startsWith("FZ-")) {
                    faults.add(name + "：被拒绝的行没有来源编号 " + r);
                }
            }
        }
        return id;
    }

    private byte[] jsonLines() {
        StringBuilder lines = new StringBuilder();
        int n = 0;
        for (String nasty : NASTY) {
            lines.append(JSON.writeValueAsString(record(++n, Map.of("name", nasty)))).append('\n');
            lines.append("{\"sourceId\": \"FZ-b").append(++n).append("\", broken\n");
            lines.append("[1,2,3]\n");
        }
        count("jsonl-rows", 3 * NASTY.size());
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<byte[]> workbooks() throws IOException {
        byte[] plain = workbook(false, 20);
        List<byte[]> books = new ArrayList<>();
        books.add(plain);
        books.add(workbook(true, 20));
        books.add(replace(plain, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheetData>" + " ".repeat(40 << 20) + "</sheetData></worksheet>"));
        books.add(replace(plain, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                + "<is><t>&e;</t></is></c></row></sheetData></worksheet>"));
        StringBuilder strings = new StringBuilder("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (int i = 0; i < 200_000; i++) {
            strings.append("<si><t>").append(Long.toHexString(random.nextLong())).append(Long.toHexString(random.nextLong())).append("</t></si>");
        }
        books.add(replace(plain, "xl/sharedStrings.xml", strings.append("</sst>").toString()));
        books.add(Arrays.copyOf(plain, plain.length / 2));
        books.add(replace(plain, "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>"));
        books.add("sourceId,name\nFZ-1,测试\n".getBytes(StandardCharsets.UTF_8));
        count("xlsx-rows", 40);
        return books;
    }

    /** A workbook of rows with metacharacters; with {@code formulas} every other cell a formula. */
    private static byte[] workbook(boolean formulas, int rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("记录");
            String[] header = {"sourceId", "itemCode", "idNumber", "name", "decisionDate", "documentNumber", "facts", "fineAmount"};
            XSSFRow h = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (int r = 1; r <= rows; r++) {
                XSSFRow row = sheet.createRow(r);
                String[] cells = {"FZ-" + r, ITEM, "430602199001011235", NASTY.get(r % NASTY.size()), "2026-11-01", "号" + r, "事实", "100"};
                for (int c = 0; c < cells.length; c++) {
                    if (formulas && c % 2 == 1) {
                        row.createCell(c).setCellFormula("CONCATENATE(\"=cmd|' /C calc'!A0\",\"" + r + "\")");
                    } else {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] replace(byte[] workbook, String entry, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                found |= e.getName().equals(entry);
                zip.write(e.getName().equals(entry) ? content.getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
                zip.closeEntry();
            }
            if (!found) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String csvLine(String[] cells) {
        List<String> quoted = new ArrayList<>();
        for (String c : cells) {
            quoted.add("\"" + c.replace("\"", "\"\"") + "\"");
        }
        return String.join(",", quoted) + "\n";
    }

    // ---- staff pages: every parameter with metacharacters and script

    private void pages() {
        String officer = fixtures.staff(Role.DATA_OFFICER);
        http.login(officer, Fixtures.PASSWORD);
        List<String> paths = List.of("/ingestion", "/ingestion/batches", "/ingestion/export.xlsx", "/ingestion/batches/1",
                "/ingestion/batches/1/rejections.csv", "/records", "/firms", "/catalog");
        List<String> params = List.of("status", "from", "to", "file", "rejected", "page", "size", "sort", "refused", "q", "uscc", "id");
        for (String path : paths) {
            for (String param : params) {
                for (String nasty : NASTY) {
                    String value = URLEncoder.encode(nasty.length() > 300 ? nasty.substring(0, 300) : nasty, StandardCharsets.UTF_8);
                    Http.Response answer = http.getInSession(path + "?" + param + "=" + value);
                    count("page-parameters", 1);
                    tally(answer.status(), null);
                    if (answer.status() >= 500) {
                        faults.add(path + "?" + param + "=" + abbreviated(nasty) + "：服务器错误 " + answer.status());
                    }
                    if (answer.body().contains("<script>alert(1)</script>") || answer.body().contains("<img src=x onerror")) {
                        faults.add(path + "?" + param + "：脚本原样出现在页面中");
                    }
                }
            }
            for (String nasty : List.of("..%2F..%2Fetc", "%3Cscript%3E", "'%20or%201=1", "9".repeat(30), "-1")) {
                Http.Response answer = http.getInSession(path.replace("/1", "/" + nasty));
                count("page-paths", 1);
                tally(answer.status(), null);
                if (answer.status() >= 500) {
                    faults.add(path + " " + nasty + "：服务器错误 " + answer.status());
                }
            }
        }
        http.getInSession("/ingestion/batches/%2e%2e%2f%2e%2e%2f");
    }

    // ---- a file over the upload limit

    private void oversized(String token) {
        byte[] big = new byte[60 << 20];
        Arrays.fill(big, (byte) 'a');
        Http.Response answer = http.postFile("/api/v1/record-batches", token, "big.csv", big, Map.of());
        problemOrFine("oversized-60MB", answer);
        if (answer.status() != 413 || !answer.body().contains("FILE_TOO_LARGE")) {
            faults.add("60 MB 的文件没有以 413 FILE_TOO_LARGE 拒绝：" + answer.status() + " " + abbreviated(answer.body()));
        }
        Http.Response json = http.postJson("/api/v1/record-batches", token, "{\"records\":[\"" + "a".repeat(55 << 20) + "\"]}");
        problemOrFine("oversized-json", json);
        if (json.status() != 413) {
            faults.add("55 MB 的 JSON 请求体没有以 413 拒绝：" + json.status() + " " + abbreviated(json.body()));
        }
    }

    // ---- what every answer must be

    private void problemOrFine(String kind, Http.Response answer) {
        count(kind, 1);
        String code = null;
        if (answer.status() >= 400) {
            JsonNode body;
            try {
                body = JSON.readTree(answer.body());
            } catch (RuntimeException e) {
                faults.add(kind + "：拒绝不是问题详情 " + answer.status() + " " + abbreviated(answer.body()));
                tally(answer.status(), "(not JSON)");
                return;
            }
            code = body.path("code").asString(null);
            if (code == null || !documented.contains(code)) {
                faults.add(kind + "：未列入文档的回答 " + answer.status() + " " + abbreviated(answer.body()));
            } else if (!(body.path("detail").asString("") + body.path("title").asString("")).matches("(?s).*\\p{IsHan}.*")) {
                faults.add(kind + "：回答没有中文说明 " + abbreviated(answer.body()));
            }
        }
        tally(answer.status(), code);
        if (answer.status() >= 500) {
            faults.add(kind + "：服务器错误 " + answer.status() + " " + abbreviated(answer.body()));
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private void settleAccepted(Http.Response answer, String token) {
        if (answer.status() == 202) {
            settled(answer.json().get("id").asLong(), token);
        }
    }

    /** The batch's report once it has ended: never left processing, a failure always with a documented code. */
    private JsonNode settled(long id, String token) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Http.Response answer = http.get("/api/v1/record-batches/" + id, token);
            JsonNode report = answer.json();
            String status = report.get("status").asString();
            if (!status.equals("RECEIVED") && !status.equals("PROCESSING")) {
                assertThat(status).isIn("COMPLETED", "REJECTED", "FAILED");
                if (!report.path("failure").isNull() && !report.path("failure").isMissingNode()) {
                    String failure = report.get("failure").asString();
                    String code = failure.contains("：") ? failure.substring(0, failure.indexOf('：')) : failure;
                    if (status.equals("FAILED") && (!documented.contains(code) || code.equals("PROCESSING_FAILED"))) {
                        faults.add("批次 " + id + " 的失败原因没有自己的代码：" + failure);
                    }
                    tally(0, "batch " + status + " " + (status.equals("FAILED") ? code : ""));
                } else {
                    tally(0, "batch " + status);
                }
                if (report.path("atomic").asBoolean() && !status.equals("COMPLETED")) {
                    assertThat(report.get("accepted").asInt() + report.get("corrected").asInt()).as("atomic: nothing stored").isZero();
                }
                return report;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("batch " + id + " did not end in time");
    }

    private void count(String kind, int n) {
        inputs.merge(kind, n, Integer::sum);
    }

    private void tally(int status, String code) {
        answers.merge((status == 0 ? "" : status + " ") + (code == null ? "" : code), 1, Integer::sum);
    }

    /** Every code the API guide and the exchange spec name (in backquotes). */
    private static Set<String> documentedCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (String doc : List.of("docs/api-guide.md", "docs/exchange-spec.md")) {
            Matcher m = CODE.matcher(Files.readString(Path.of(doc)));
            while (m.find()) {
                codes.add(m.group(1));
            }
        }
        assertThat(codes).contains("FILE_TOO_LARGE", "MALFORMED_JSON", "ID_BAD_CHECK_CHARACTER");
        return codes;
    }
}
