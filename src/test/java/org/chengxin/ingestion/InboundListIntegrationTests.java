package org.chengxin.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chengxin.identity.Citizens;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.organization.UnifiedSocialCreditCode;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordStatus;
import org.chengxin.records.Records;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.standing.Standings;
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
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 item 2: the provincial platform (信用湖南, {@code xyhn}, named a source of YY-JD-001 失信被执行人 in the catalog)
 * delivers its list through {@code POST /api/v1/inbound-lists}; entries become records of the item on the named people and
 * count like pushed ones, a later delivery ending one ends it, a replayed delivery changes nothing, bad rows are refused
 * with their codes, and neither a department's system nor another platform can import it.
 */
@ChengxinIntegrationTest
class InboundListIntegrationTests {

    private static final String ITEM = "YY-JD-001";
    private static final DepartmentCode XYHN = DepartmentCode.of("xyhn");
    private static final String HEADER = "来源编号,信息项代码,身份证号,姓名,决定日期,文书号,执行案号,执行法院,生效法律文书确定的义务,失信情形,名单状态,移出日期";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Departments departments;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    Standings standings;

    @Autowired
    AuditRecords audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    Http http;
    String token;
    String prefix;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        if (departments.find(XYHN).isEmpty()) {
            // the demo's provincial platform, as the catalog names it (kept as it is if the demo registered it first)
            String body = "11430000X" + String.format("%08d", 9_001);
            departments.register("xyhn", "测试信用湖南", DepartmentKind.EXTERNAL_PLATFORM, body + UnifiedSocialCreditCode.checkCharacter(body),
                    "430000");
        }
        token = http.token(fixtures.apiClientOf("xyhn", "lists:import"), Fixtures.PASSWORD, "lists:import");
        prefix = "T" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anInboundListCreatesRecordsThatCountAndALaterDeliveryEndsOne() {
        IdNumber first = fixtures.syntheticIdNumber();
        IdNumber second = fixtures.syntheticIdNumber();
        LocalDate decided = LocalDate.now(clock).minusDays(40);
        String delivery = csv(row("A", first, "名单测试甲", decided, "0", ""), row("B", second, "名单测试乙", decided, "0", ""));

        JsonNode report = deliver(delivery.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("accepted").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isZero();
        CreditRecord a = records.findBySource(XYHN, prefix + "A").orElseThrow();
        assertThat(a.itemCode()).isEqualTo(ITEM);
        assertThat(a.status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(a.subject()).isEqualTo(citizens.subjectKeyOf(first));
        assertThat(a.content()).containsEntry("court", "测试市人民法院（演示）");
        // a pushed record like any other: the person's standing counts it
        var standing = standings.of(citizens.subjectKeyOf(first));
        assertThat(standing.dishonesty()).extracting(r -> r.itemCode()).contains(ITEM);
        assertThat(audit.count("action = 'ingestion.inbound-list' and detail like ?", "%批次 " + report.get("id").asLong() + "%"))
                .isEqualTo(1);

        // the same delivery again changes nothing
        JsonNode replay = deliver(delivery.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(replay.get("accepted").asInt() + replay.get("corrected").asInt() + replay.get("ended").asInt()).isZero();
        assertThat(replay.get("unchanged").asInt()).isEqualTo(2);
        assertThat(records.findBySource(XYHN, prefix + "A").orElseThrow().version()).isEqualTo(a.version());

        // the next delivery says that A came off the list: its record ends, with the upstream named
        String ending = csv(row("A", first, "名单测试甲", decided, "1", LocalDate.now(clock).minusDays(1).toString()),
                row("B", second, "名单测试乙", decided, "0", ""));
        JsonNode ended = deliver(ending.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(ended.get("ended").asInt()).isEqualTo(1);
        assertThat(ended.get("unchanged").asInt()).isEqualTo(1);
        assertThat(ended.get("rejected").asInt()).isZero();
        CreditRecord revoked = records.findBySource(XYHN, prefix + "A").orElseThrow();
        assertThat(revoked.status()).isEqualTo(RecordStatus.REVOKED);
        String reason = jdbc.queryForObject("select reason from records_status_change where record_id = ? and to_status = 'REVOKED'",
                String.class, revoked.id());
        assertThat(reason).contains("上级平台（").contains("名单通报该条目已于").contains("批次 " + ended.get("id").asLong());
        assertThat(standings.of(citizens.subjectKeyOf(first)).dishonesty()).extracting(r -> r.itemCode()).doesNotContain(ITEM);
        assertThat(records.findBySource(XYHN, prefix + "B").orElseThrow().status()).isEqualTo(RecordStatus.ACTIVE);

        // and replayed, the ending delivery changes nothing either
        JsonNode endedAgain = deliver(ending.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(endedAgain.get("ended").asInt() + endedAgain.get("accepted").asInt() + endedAgain.get("rejected").asInt()).isZero();
        assertThat(endedAgain.get("unchanged").asInt()).isEqualTo(2);
    }

    @Test
    void anEntryThatEndedBeforeTheCityHeldItIsNotCollected() {
        IdNumber person = fixtures.syntheticIdNumber();
        JsonNode report = deliver(csv(row("GONE", person, "名单测试丙", LocalDate.now(clock).minusDays(90), "1", ""))
                .getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(report.get("unchanged").asInt()).isEqualTo(1);
        assertThat(records.findBySource(XYHN, prefix + "GONE")).isEmpty();
        assertThat(citizens.find(person)).isEmpty();
    }

    @Test
    void badRowsAreRefusedRowByRowWithTheirCodes() {
        LocalDate decided = LocalDate.now(clock).minusDays(10);
        IdNumber good = fixtures.syntheticIdNumber();
        String badId = good.value().substring(0, 17) + (good.value().charAt(17) == '0' ? '1' : '0');
        List<String> rows = new ArrayList<>();
        rows.add(row("ID", good, "名单测试丁", decided, "0", "").replace(good.value(), badId));
        rows.add(row("PENALTY", fixtures.syntheticIdNumber(), "名单测试戊", decided, "0", "").replace(ITEM, "YY-GN-002"));
        rows.add(row("STATUS", fixtures.syntheticIdNumber(), "名单测试己", decided, "2", ""));
        rows.add(row("FUTURE", fixtures.syntheticIdNumber(), "名单测试庚", decided, "1", LocalDate.now(clock).plusDays(3).toString()));
        rows.add(row("CONFLICT", fixtures.syntheticIdNumber(), "名单测试辛", decided, "0", decided.plusDays(1).toString()));
        JsonNode report = deliver(csv(rows.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(report.get("accepted").asInt()).isZero();
        assertThat(codes(report)).contains("2:ID_BAD_CHECK_CHARACTER", "3:ITEM_NOT_FROM_SOURCE", "4:INBOUND_STATUS_INVALID",
                "5:INBOUND_END_DATE_IN_FUTURE", "6:INBOUND_STATUS_CONFLICT");
        assertThat(report.toString()).doesNotContain(badId);

        // a column the list format does not know: every row refused, naming the column
        String unknown = (HEADER + ",风险等级\r\n" + row("X", fixtures.syntheticIdNumber(), "名单测试壬", decided, "0", "") + ",高\r\n");
        assertThat(codes(deliver(unknown.getBytes(StandardCharsets.UTF_8), Map.of()))).containsExactly("2:INBOUND_COLUMN_UNKNOWN");

        // a GBK file declared UTF-8: the wrong encoding, refused as a whole
        String gbk = csv(row("GBK", fixtures.syntheticIdNumber(), "名单测试癸", decided, "0", ""));
        JsonNode wrong = deliver(gbk.getBytes(Charset.forName("GBK")), Map.of("charset", "UTF-8"));
        assertThat(wrong.get("status").asString()).as(wrong.toString()).isEqualTo("FAILED");
        assertThat(wrong.get("failure").asString()).startsWith("FILE_BAD_ENCODING");
        assertThat(records.findBySource(XYHN, prefix + "GBK")).isEmpty();
    }

    @Test
    void aDepartmentSystemCannotImportAndAnUpstreamCannotPushOrImportWhatItIsNotTheSourceOf() {
        byte[] list = csv(row("D", fixtures.syntheticIdNumber(), "名单测试子", LocalDate.now(clock).minusDays(5), "0", ""))
                .getBytes(StandardCharsets.UTF_8);
        // a department's system is never granted the scope, and its push scope does not open the import
        assertThatThrownBy(() -> fixtures.apiClient("lists:import")).isInstanceOf(ChengxinException.class)
                .extracting(e -> ((ChengxinException) e).code()).isEqualTo("CLIENT_SCOPE_NOT_FOR_KIND");
        String department = http.token(fixtures.apiClient("records:write"), Fixtures.PASSWORD, "records:write");
        assertThat(http.postFile("/api/v1/inbound-lists", department, "list.csv", list, Map.of()).status()).isEqualTo(403);
        // the upstream's scope does not open the department push
        assertThat(http.postFile("/api/v1/record-batches", token, "list.csv", list, Map.of()).status()).isEqualTo(403);
        // another platform, which the catalog does not name as a source of the item, imports nothing of it
        String other = http.token(fixtures.externalPlatformClient("lists:import"), Fixtures.PASSWORD, "lists:import");
        var answer = http.postFile("/api/v1/inbound-lists", other, "list.csv", list, Map.of());
        assertThat(answer.status()).isEqualTo(202);
        JsonNode report = await(other, answer.json().get("id").asLong());
        assertThat(codes(report)).containsExactly("2:ITEM_NOT_FROM_SOURCE");
    }

    @Test
    void theSampleDeliveriesInTheDocsImportCleanly() throws Exception {
        clock.set(LocalDate.of(2026, 12, 7).atStartOfDay(clock.getZone()).toInstant().plus(Duration.ofHours(10)));
        // the samples' own source ids are the demo's: made unique here, everything else as a reader imports it
        byte[] one = Files.readString(Path.of("docs/samples/inbound-list-sxbzxr-1.csv")).replace("HN-SXBZXR-", prefix)
                .getBytes(StandardCharsets.UTF_8);
        byte[] two = Files.readString(Path.of("docs/samples/inbound-list-sxbzxr-2.csv")).replace("HN-SXBZXR-", prefix)
                .getBytes(StandardCharsets.UTF_8);
        JsonNode first = deliver(one, Map.of());
        assertThat(first.get("accepted").asInt()).as(first.toString()).isEqualTo(4);
        JsonNode second = deliver(two, Map.of());
        assertThat(second.get("rejected").asInt()).as(second.toString()).isZero();
        assertThat(second.get("accepted").asInt()).isEqualTo(1);
        assertThat(second.get("ended").asInt()).isEqualTo(1);
        assertThat(second.get("unchanged").asInt()).isEqualTo(3);
        assertThat(records.findBySource(XYHN, prefix + "2026-000101").orElseThrow().status()).isEqualTo(RecordStatus.REVOKED);
    }

    private String row(String source, IdNumber person, String name, LocalDate decided, String status, String endDate) {
        return String.join(",", prefix + source, ITEM, person.value(), name, decided.toString(), "（2026）测执" + source + "号之一",
                "（2026）测执" + source + "号", "测试市人民法院（演示）", "给付借款本金（演示）", "有履行能力而拒不履行（演示）", status, endDate);
    }

    private static String csv(String... rows) {
        return HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    private JsonNode deliver(byte[] file, Map<String, String> fields) {
        var answer = http.postFile("/api/v1/inbound-lists", token, "名单.csv", file, fields);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return await(token, answer.json().get("id").asLong());
    }

    private JsonNode await(String bearer, long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode report = http.get("/api/v1/inbound-lists/" + id, bearer).json();
            String status = report.get("status").asString();
            if (!status.equals("RECEIVED") && !status.equals("PROCESSING")) {
                return report;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("list " + id + " did not finish in time");
    }

    private static List<String> codes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.get("rejections").forEach(r -> codes.add(r.get("rowNo").asLong() + ":" + r.get("code").asString()));
        return codes;
    }
}
