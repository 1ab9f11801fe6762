package org.chengxin.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.ingestion.domain.PushTimeliness;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordStatus;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.time.WorkingCalendar;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.Lifecycle;
import tools.jackson.databind.JsonNode;

/** Departments push real files through the real endpoint; every bad row gets its own code. */
@ChengxinIntegrationTest
class IngestionIntegrationTests {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String PENALTY = "YY-GN-002";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Records records;

    @Autowired
    RecordBatches batches;

    @Autowired
    PopulationRegister register;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    @Autowired
    WorkingCalendar calendar;

    Http http;
    String department;
    String token;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        department = fixtures.department();
        String client = fixtures.apiClientOf(department, "records:write");
        token = http.token(client, Fixtures.PASSWORD, "records:write");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void jsonPushIsAcceptedOnceThenUnchangedThenCorrected() {
        IdNumber person = fixtures.syntheticIdNumber();
        String source = "cf-" + UUID.randomUUID();
        String first = json(record(source, person, "张测试", "2026-10-09", "岳市监罚〔2026〕1号", "罚款", "未按规定公示信息", "200"));

        JsonNode done = pushJson(first, false);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("accepted").asInt()).isEqualTo(1);
        assertThat(done.get("rejected").asInt()).isZero();
        assertThat(audit.count("action = 'ingestion.batch' and detail like ?", "批次 " + done.get("id").asLong() + "（%")).isEqualTo(1);

        JsonNode again = pushJson(first, false);
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.get("accepted").asInt()).isZero();

        JsonNode corrected = pushJson(json(record(source, person, "张测试", "2026-10-09", "岳市监罚〔2026〕1号", "罚款", "未按规定公示信息", "300")), false);
        assertThat(corrected.get("corrected").asInt()).isEqualTo(1);

        CreditRecord stored = records.ofDepartment(DepartmentCode.of(department), 0, 10).get(0);
        assertThat(stored.sourceId()).isEqualTo(source);
        var figures = batches.figures().stream().filter(f -> f.departmentCode().value().equals(department)).findFirst().orElseThrow();
        assertThat(figures.batches()).isEqualTo(3);
        assertThat(figures.rows()).isEqualTo(3);
        assertThat(figures.accepted()).isEqualTo(1);
        assertThat(figures.corrected()).isEqualTo(1);
        assertThat(figures.rejectionRate()).isZero();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.content()).containsEntry("fineAmount", "300");
        assertThat(stored.expiresOn()).isEqualTo(LocalDate.of(2027, 10, 9));
        assertThat(records.versionsOf(stored.id())).extracting(v -> v.content().get("fineAmount")).containsExactly("200", "300");
    }

    @Test
    void timelinessCountsTheWorkingDaysOfTheAdministratorsCalendarOverNationalDay() {
        // decided Tuesday 29 September 2026; 30, then 1–7 October off, 8, 9, 10 (worked Saturday), 12, 13, 14: pushed on
        // Wednesday 14 it is the 7th working day (on weekends alone the 11th), on Thursday 15 the 8th
        JsonNode onTime = pushOn(LocalDate.of(2026, 10, 14), "2026-09-29");
        assertThat(onTime.get("averageDaysToPush").asDouble()).as(onTime.toString()).isEqualTo(7.0);
        assertThat(onTime.get("lateRows").asInt()).isZero();
        JsonNode late = pushOn(LocalDate.of(2026, 10, 15), "2026-09-29");
        assertThat(late.get("averageDaysToPush").asDouble()).isEqualTo(8.0);
        assertThat(late.get("lateRows").asInt()).isEqualTo(1);
        // 春节 2026 cannot be pushed over (the catalog is in force from 1 April 2026); the same count on the same calendar:
        // decided Tuesday 10 February, 11, 12, 13, 14 (worked Saturday), 15–23 off, 24, 25, 26
        assertThat(PushTimeliness.workingDays(calendar, LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 26))).isEqualTo(7);
    }

    private JsonNode pushOn(LocalDate day, String decided) {
        clock.set(day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        JsonNode done = pushJson(json(record("cf-" + UUID.randomUUID(), fixtures.syntheticIdNumber(), "张测试", decided,
                "岳市监罚〔2026〕3号", "罚款", "未按规定公示信息", "200")), false);
        assertThat(done.get("accepted").asInt()).as(done.toString()).isEqualTo(1);
        return done;
    }

    @Test
    void aGbkCsvFromASpreadsheetReportsEveryKindOfBadRowWithItsOwnCode() {
        IdNumber registered = fixtures.syntheticIdNumber();
        register.register(registered, "李登记", "测试");
        IdNumber good = fixtures.syntheticIdNumber();
        String bad = good.value().substring(0, 17) + (good.value().charAt(17) == '1' ? '2' : '1');
        String future = LocalDate.now().plusDays(3).toString();
        StringBuilder csv = new StringBuilder("来源编号(sourceId),信息项代码(itemCode),身份证号(idNumber),姓名(name),决定日期(decisionDate),文书号(documentNumber),处罚类别(penaltyType),违法事实(facts),罚款金额(fineAmount),处罚结果(penaltyResult),处罚机关(authority)\r\n");
        csv.append(row("ok-1", PENALTY, good.value(), "王合格", "2026/10/8", "文1", "罚款", "事实", "100.5"));
        csv.append(row("bad-id", PENALTY, bad, "王错号", "2026-10-08", "文2", "罚款", "事实", "1"));
        csv.append(row("no-name", PENALTY, fixtures.syntheticIdNumber().value(), "", "2026-10-08", "文3", "罚款", "事实", "1"));
        csv.append(row("future", PENALTY, fixtures.syntheticIdNumber().value(), "赵未来", future, "文4", "罚款", "事实", "1"));
        csv.append(row("unknown-item", "YY-NONE-999", fixtures.syntheticIdNumber().value(), "钱某", "2026-10-08", "文5", "罚款", "事实", "1"));
        csv.append(row("not-allowed", "YY-JD-001", fixtures.syntheticIdNumber().value(), "孙某", "2026-10-08", "文6", "罚款", "事实", "1"));
        csv.append(row("no-facts", PENALTY, fixtures.syntheticIdNumber().value(), "周某", "2026-10-08", "文7", "罚款", "", "1"));
        csv.append(row("bad-amount", PENALTY, fixtures.syntheticIdNumber().value(), "吴某", "2026-10-08", "文8", "罚款", "事实", "一百元"));
        csv.append(row("old", PENALTY, fixtures.syntheticIdNumber().value(), "郑某", "2020-01-01", "文9", "罚款", "事实", "1"));
        csv.append(row("ok-1", PENALTY, fixtures.syntheticIdNumber().value(), "冯重复", "2026-10-08", "文10", "罚款", "事实", "1"));
        csv.append(row("mismatch", PENALTY, registered.value(), "李冒名", "2026-10-08", "文11", "罚款", "事实", "1"));
        csv.append(row("bad-date", PENALTY, fixtures.syntheticIdNumber().value(), "陈某", "2026-13-45", "文12", "罚款", "事实", "1"));
        csv.append("too,few\r\n");

        JsonNode report = pushFile("处罚.csv", csv.toString().getBytes(GBK), null, null, false);

        assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("total").asInt()).isEqualTo(13);
        assertThat(report.get("processed").asInt()).isEqualTo(13);
        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").asInt()).isEqualTo(12);
        List<String> codes = new ArrayList<>();
        report.get("rejections").forEach(r -> codes.add(r.get("rowNo").asLong() + ":" + r.get("code").asString()));
        assertThat(codes).contains("3:ID_BAD_CHECK_CHARACTER", "4:NAME_MISSING", "5:DECISION_DATE_IN_FUTURE",
                "6:ITEM_UNKNOWN", "7:ITEM_NOT_ALLOWED_FOR_DEPARTMENT", "8:FIELD_REQUIRED", "9:FIELD_INVALID_TYPE",
                "10:PAST_DISCLOSURE_PERIOD", "11:DUPLICATE_IN_BATCH", "12:NAME_MISMATCH", "13:DATE_INVALID",
                "14:ROW_WRONG_COLUMN_COUNT");
        List<String> sources = new ArrayList<>();
        report.get("rejections").forEach(r -> sources.add(r.get("rowNo").asLong() + ":" + (r.hasNonNull("sourceId") ? r.get("sourceId").asString() : "")));
        assertThat(sources).as("each rejection keeps the row's source id, when the row named one")
                .contains("3:bad-id", "11:ok-1", "12:mismatch", "13:bad-date", "14:too");
        assertThat(records.ofDepartment(DepartmentCode.of(department), 0, 10)).singleElement()
                .satisfies(r -> assertThat(r.content()).containsEntry("fineAmount", "100.5"));

        Http.Response csvRejections = http.get("/api/v1/record-batches/" + report.get("id").asLong() + "/rejections.csv", token);
        assertThat(csvRejections.body()).startsWith("\uFEFF行号,字段,错误代码,说明").contains("NAME_MISMATCH");
        assertThat(http.get("/api/v1/record-batches/" + report.get("id").asLong() + "/rejections.xlsx", token).status()).isEqualTo(200);
    }

    @Test
    void anXlsxWithRealDateCellsAndTextIdNumbersIsAccepted() throws Exception {
        IdNumber person = fixtures.syntheticIdNumber();
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("数据");
            String[] header = {"来源编号(sourceId)", "身份证号(idNumber)", "姓名(name)", "决定日期(decisionDate)", "文书号(documentNumber)",
                "处罚类别(penaltyType)", "违法事实(facts)", "罚款金额(fineAmount)", "处罚结果(penaltyResult)", "处罚机关(authority)"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("xlsx-" + UUID.randomUUID());
            r.createCell(1).setCellValue(person.value());
            r.createCell(2).setCellValue("刘表格");
            r.createCell(3).setCellValue(LocalDate.of(2026, 9, 30));
            r.getCell(3).setCellStyle(date);
            r.createCell(4).setCellValue("岳罚〔2026〕9号");
            r.createCell(5).setCellValue("警告");
            r.createCell(6).setCellValue("事实");
            r.createCell(7).setCellValue(500);
            r.createCell(8).setCellValue("警告并罚款");
            r.createCell(9).setCellValue("岳阳市市场监督管理局");
            book.write(out);
            xlsx = out.toByteArray();
        }

        JsonNode report = pushFile("处罚.xlsx", xlsx, null, PENALTY, false);

        assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(1);
        CreditRecord stored = records.ofDepartment(DepartmentCode.of(department), 0, 10).get(0);
        assertThat(stored.decisionDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(stored.content()).containsEntry("fineAmount", "500");
    }

    @Test
    void theNationalDoublePublicityFormatIsTakenAsItIsAndARowNamingNeitherPersonNorFirmIsRefused() {
        IdNumber person = fixtures.syntheticIdNumber();
        String csv = "CF_WSH,CF_CFMC,CF_CFLB1,CF_SY,CF_YJ,CF_XDR_MC,CF_XDR_SFZ,CF_JG,CF_JDRQ,CF_XZJG,CF_ZT,DFBM,SJC,BZ\n"
                + "岳市监罚〔2026〕" + System.nanoTime() % 100000 + "号,某处罚,罚款,无照经营,《无证无照经营查处办法》第十三条,周个人,"
                + person.value() + ",罚款1000元,2026-10-10,岳阳市市场监督管理局,0,430600,2026-10-10 12:00:00,\n"
                + "岳市监罚〔2026〕2号,某处罚,罚款,事实,依据,某某有限公司,,罚款,2026-10-10,岳阳市市场监督管理局,0,430600,,\n";

        JsonNode report = pushFile("双公示.csv", csv.getBytes(StandardCharsets.UTF_8), "UTF-8", null, false);

        assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.get("rejections").get(0).get("code").asString()).isEqualTo("SUBJECT_CODE_MISSING");
        CreditRecord stored = records.ofDepartment(DepartmentCode.of(department), 0, 10).get(0);
        assertThat(stored.itemCode()).isEqualTo(PENALTY);
        assertThat(stored.content()).containsEntry("facts", "无照经营").containsEntry("penaltyType", "罚款");
    }

    @Test
    void oneDecisionNamingTwoPeopleGivesTwoRecordsAndADepartmentRevokesByItsOwnSourceId() {
        String decision = "岳市监罚〔2026〕" + System.nanoTime() % 100000 + "号";
        String csv = "CF_WSH,CF_CFLB1,CF_SY,CF_XDR_MC,CF_XDR_SFZ,CF_JG,CF_JDRQ,CF_XZJG\n"
                + decision + ",罚款,共同违法,甲某," + fixtures.syntheticIdNumber().value() + ",罚款,2026-10-10,某局\n"
                + decision + ",罚款,共同违法,乙某," + fixtures.syntheticIdNumber().value() + ",罚款,2026-10-10,某局\n";

        JsonNode report = pushFile("双公示.csv", csv.getBytes(StandardCharsets.UTF_8), null, null, false);

        assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(2);
        Http.Response revoked = http.postJson("/api/v1/records/revocation", token,
                "{\"sourceId\":\"" + decision + "#甲某\",\"reason\":\"复议撤销\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(http.postJson("/api/v1/records/revocation", token, "{\"sourceId\":\"none\",\"reason\":\"x\"}")
                .json().get("code").asString()).isEqualTo("RECORD_NOT_FOUND");
        assertThat(http.postJson("/api/v1/records/revocation", token, "{\"sourceId\":\"" + decision + "#乙某\",\"reason\":\" \"}")
                .json().get("code").asString()).isEqualTo("REVOCATION_REASON_REQUIRED");
    }

    @Test
    void anAtomicBatchWithOneBadRowStoresNothing() {
        String batch = json(record("a-" + UUID.randomUUID(), fixtures.syntheticIdNumber(), "甲", "2026-10-01", "文", "罚款", "事实", "1"),
                record("b-" + UUID.randomUUID(), fixtures.syntheticIdNumber(), "", "2026-10-01", "文", "罚款", "事实", "1"));

        JsonNode report = pushJson(batch, true);

        assertThat(report.get("status").asString()).isEqualTo("REJECTED");
        assertThat(report.get("accepted").asInt()).isZero();
        assertThat(records.countOfDepartment(DepartmentCode.of(department))).isZero();
        assertThat(report.get("rejections").get(0).get("code").asString()).isEqualTo("NAME_MISSING");
    }

    @Test
    void batchesAreTakenAgainAfterTheIngestionWasStoppedAndStarted() {
        // a stop hands its batches back as 已中断; a start after it (the test framework pauses and resumes cached
        // contexts so) takes new batches again
        Lifecycle ingestion = (Lifecycle) batches;
        ingestion.stop();
        ingestion.start();

        JsonNode done = pushJson(json(record("cf-" + UUID.randomUUID(), fixtures.syntheticIdNumber(), "张重启", "2026-10-01",
                "岳市监罚〔2026〕9号", "罚款", "未按规定公示信息", "200")), false);

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void jsonLinesWork() {
        String lines = "{\"sourceId\":\"l-" + UUID.randomUUID() + "\",\"itemCode\":\"" + PENALTY + "\",\"idNumber\":\""
                + fixtures.syntheticIdNumber().value() + "\",\"name\":\"行式\",\"decisionDate\":\"2026-10-01\","
                + "\"documentNumber\":\"文\",\"content\":{\"penaltyType\":\"警告\",\"facts\":\"事实\",\"penaltyResult\":\"警告\",\"authority\":\"某局\"}}\n\nnot json\n";

        JsonNode report = pushFile("batch.jsonl", lines.getBytes(StandardCharsets.UTF_8), null, null, false);

        // each line stands alone: a line that is not JSON is that row's rejection, the good line is stored
        assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        assertThat(report.get("rejections").get(0).get("rowNo").asLong()).isEqualTo(3);
        assertThat(report.get("rejections").get(0).get("code").asString()).isEqualTo("ROW_MALFORMED_JSON");
        assertThat(report.get("rejections").get(0).get("message").asString()).contains("第 1 列附近有误").doesNotContain("Unexpected");
        String good = lines.substring(0, lines.indexOf('\n') + 1);
        assertThat(pushFile("batch.jsonl", good.getBytes(StandardCharsets.UTF_8), null, null, false).get("unchanged").asInt()).isEqualTo(1);
        JsonNode broken = pushFile("batch.json", "{\"records\":[{\"sourceId\":\"x\",}]}".getBytes(StandardCharsets.UTF_8), null, null, false);
        assertThat(broken.get("status").asString()).isEqualTo("FAILED");
        assertThat(broken.get("failure").asString()).startsWith("MALFORMED_JSON：JSON 内容格式错误：第 1 行第 ").doesNotContain("Unexpected")
                .doesNotContain("jackson");
    }

    @Test
    void aRevokedRecordIsNoLongerInForceAndCannotBePushedAgain() {
        IdNumber person = fixtures.syntheticIdNumber();
        String source = "rv-" + UUID.randomUUID();
        pushJson(json(record(source, person, "撤销", "2026-10-01", "文", "罚款", "事实", "1")), false);
        CreditRecord stored = records.ofDepartment(DepartmentCode.of(department), 0, 10).get(0);

        Http.Response revoked = http.postJson("/api/v1/records/" + stored.id() + "/revocation", token, "{\"reason\":\"处罚决定已被复议撤销\"}");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(records.inForceFor(stored.subject())).isEmpty();
        assertThat(http.postJson("/api/v1/records/" + stored.id() + "/revocation", token, "{\"reason\":\"再次\"}").json()
                .get("code").asString()).isEqualTo("RECORD_ALREADY_REVOKED");

        JsonNode again = pushJson(json(record(source, person, "撤销", "2026-10-01", "文", "罚款", "事实", "2")), false);
        assertThat(again.get("rejections").get(0).get("code").asString()).isEqualTo("RECORD_REVOKED");
        JsonNode same = pushJson(json(record(source, person, "撤销", "2026-10-01", "文", "罚款", "事实", "1")), false);
        assertThat(same.get("rejections").get(0).get("code").asString()).as("even unchanged, a revoked record stays out")
                .isEqualTo("RECORD_REVOKED");
        String otherToken = http.token(fixtures.apiClient("records:write"), Fixtures.PASSWORD, "records:write");
        assertThat(http.postJson("/api/v1/records/" + stored.id() + "/revocation", otherToken, "{\"reason\":\"x\"}").json()
                .get("code").asString()).as("another department learns nothing").isEqualTo("RECORD_NOT_FOUND");
    }

    @Test
    void aRecordPastItsPeriodIsNotShownEvenBeforeTheNightlyJobThenIsMarkedExpired() {
        IdNumber person = fixtures.syntheticIdNumber();
        // a general penalty counts for 12 months: pushed 11 months after its decision, looked at 12 months and a day after
        LocalDate decision = LocalDate.now(clock).minusMonths(11);
        pushJson(json(record("ex-" + UUID.randomUUID(), person, "过期", decision.toString(), "文", "罚款", "事实", "1")), false);
        CreditRecord stored = records.ofDepartment(DepartmentCode.of(department), 0, 10).get(0);
        assertThat(records.find(stored.id())).isPresent();
        assertThat(stored.expiresOn()).isEqualTo(decision.plusMonths(12));

        clock.set(decision.plusMonths(12).plusDays(1).atStartOfDay(clock.getZone()).toInstant());

        assertThat(records.find(stored.id())).as("expired from its last day on").isEmpty();
        assertThat(records.inForceFor(stored.subject())).isEmpty();
        assertThat(records.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(records.ofDepartment(DepartmentCode.of(department), 0, 10).get(0).status()).isEqualTo(RecordStatus.EXPIRED);
    }

    @Test
    void anotherDepartmentCannotSeeTheBatch() {
        JsonNode done = pushJson(json(record("o-" + UUID.randomUUID(), fixtures.syntheticIdNumber(), "某", "2026-10-01", "文", "罚款", "事实", "1")), false);
        String otherToken = http.token(fixtures.apiClient("records:write"), Fixtures.PASSWORD, "records:write");

        Http.Response seen = http.get("/api/v1/record-batches/" + done.get("id").asLong(), otherToken);
        assertThat(seen.status()).isEqualTo(404);
        assertThat(seen.json().get("code").asString()).isEqualTo("BATCH_NOT_FOUND");
    }

    private static String record(String source, IdNumber id, String name, String date, String doc, String type, String facts, String fine) {
        return "{\"sourceId\":\"" + source + "\",\"itemCode\":\"" + PENALTY + "\",\"idNumber\":\"" + id.value() + "\",\"name\":\"" + name
                + "\",\"decisionDate\":\"" + date + "\",\"documentNumber\":\"" + doc + "\",\"content\":{\"penaltyType\":\"" + type
                + "\",\"facts\":\"" + facts + "\",\"fineAmount\":\"" + fine
                + "\",\"penaltyResult\":\"罚款\",\"authority\":\"岳阳市市场监督管理局\"}}";
    }

    private static String json(String... records) {
        return "{\"records\":[" + String.join(",", records) + "]}";
    }

    private static String row(String... cells) {
        return String.join(",", cells) + ",罚款,岳阳市市场监督管理局\r\n";
    }

    private JsonNode pushJson(String body, boolean atomic) {
        Http.Response accepted = http.postJson("/api/v1/record-batches" + (atomic ? "?atomic=true" : ""), token, body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return await(accepted.json().get("id").asLong());
    }

    private JsonNode pushFile(String name, byte[] content, String charset, String itemCode, boolean atomic) {
        String boundary = "----chengxin" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream", content);
        if (charset != null) {
            part(body, boundary, "Content-Disposition: form-data; name=\"charset\"", charset.getBytes(StandardCharsets.UTF_8));
        }
        if (itemCode != null) {
            part(body, boundary, "Content-Disposition: form-data; name=\"itemCode\"", itemCode.getBytes(StandardCharsets.UTF_8));
        }
        part(body, boundary, "Content-Disposition: form-data; name=\"atomic\"", String.valueOf(atomic).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Http.Response accepted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/record-batches"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return await(accepted.json().get("id").asLong());
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode await(long id) {
        return http.awaitBatch(token, id);
    }
}
