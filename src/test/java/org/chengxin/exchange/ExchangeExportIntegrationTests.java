package org.chengxin.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chengxin.exchange.domain.FeedCursor;
import org.chengxin.exchange.internal.ChangeBaseline;
import org.chengxin.exchange.internal.FileExport;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily file export for the 前置机 (issue 18, item 1): the changes since the last export, once each across exports,
 * in CSV (GBK here) and XLSX with a manifest whose SHA-256 sums are those of the files; withdrawn rows without the
 * person; acknowledged by the exchange server's ACK; sent again on request into a directory of its own; the feed pruned
 * after its retention, and a cursor from before refused. The administrator's page shows the deliveries.
 */
@ChengxinIntegrationTest
class ExchangeExportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Records records;

    @Autowired
    PopulationRegister register;

    @Autowired
    FileExport export;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditRecords audit;

    @Autowired
    WebApplicationContext context;

    Http http;
    String department;
    String officer;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        department = fixtures.department();
        officer = http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theChangesSinceTheLastExportAreWrittenOnceEachWithAManifestWhoseSumsHoldAndAnAckAcknowledges() throws Exception {
        export.exportNow(Actor.SYSTEM);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LocalDate decided = LocalDate.now(clock).minusDays(2);
        IdNumber kept = person();
        IdNumber revoked = person();
        push(penalty("x1-" + tag, kept, decided), penalty("x2-" + tag, revoked, decided));
        CreditRecord gone = records.findBySource(DepartmentCode.of(department), "x2-" + tag).orElseThrow();
        records.revoke(gone.id(), DepartmentCode.of(department), "撤销原处罚决定");
        CreditRecord stays = records.findBySource(DepartmentCode.of(department), "x1-" + tag).orElseThrow();

        FileExport.Delivery d = export.exportNow(Actor.SYSTEM);

        Path dir = Path.of(d.location());
        assertThat(dir.getFileName().toString()).startsWith(LocalDate.now(clock).toString().replace("-", ""));
        assertThat(Files.exists(dir.resolveSibling(dir.getFileName() + ".partial"))).isFalse();
        // the files hold full ID numbers: the platform's own account alone reads them
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("penalties.csv")))).isEqualTo("rw-------");
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("manifest.json")));
        assertThat(manifest.get("fromPosition").asLong()).isEqualTo(d.fromPosition());
        assertThat(manifest.get("toPosition").asLong()).isEqualTo(d.toPosition());
        assertThat(manifest.get("encoding").asString()).isEqualTo("GBK");
        int rows = 0;
        for (JsonNode f : manifest.get("files")) {
            assertThat(sha256(dir.resolve(f.get("name").asString()))).as(f.get("name").asString()).isEqualTo(f.get("sha256").asString());
            rows += f.get("kind").asString().equals("ALL") ? 0 : f.get("rows").asInt();
        }
        assertThat(rows).isEqualTo(d.changes()).isEqualTo(manifest.get("changes").asInt());
        // SHA256SUMS names every file and the manifest, as sha256sum -c reads it
        Map<String, String> sums = Files.readAllLines(dir.resolve("SHA256SUMS")).stream()
                .collect(Collectors.toMap(l -> l.substring(66), l -> l.substring(0, 64)));
        assertThat(sums).containsKeys("penalties.csv", "licences.csv", "list-entries.csv", "objection-results.csv", "repair-results.csv",
                "changes.xlsx", "manifest.json");
        for (Map.Entry<String, String> e : sums.entrySet()) {
            assertThat(sha256(dir.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
        }

        List<CSVRecord> penalties = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(dir.resolve("penalties.csv"), Charset.forName("GBK"))).getRecords();
        List<CSVRecord> ofStays = penalties.stream().filter(r -> r.get("BSID").equals("430600-CF-" + stays.id())).toList();
        assertThat(ofStays).hasSize(1);
        assertThat(ofStays.get(0).get("BGLX")).isEqualTo("NEW");
        assertThat(ofStays.get(0).get("CHBZ")).isEqualTo("0");
        assertThat(ofStays.get(0).get("CF_XDR_SFZ")).isEqualTo(kept.value());
        assertThat(ofStays.get(0).get("CF_XDR_MC")).isEqualTo("导出测试");
        assertThat(ofStays.get(0).get("CF_SY")).as("Chinese read back from GBK").isEqualTo("未按规定公示信息");
        List<CSVRecord> ofGone = penalties.stream().filter(r -> r.get("BSID").equals("430600-CF-" + gone.id())).toList();
        assertThat(ofGone).extracting(r -> r.get("BGLX")).containsExactly("NEW", "REVOKED");
        assertThat(ofGone).allSatisfy(r -> {
            assertThat(r.get("CHBZ")).isEqualTo("1");
            assertThat(r.get("CF_XDR_SFZ")).isEmpty();
            assertThat(r.get("CF_XDR_MC")).isEmpty();
            assertThat(r.get("CF_ZT")).isEqualTo("1");
        });
        assertThat(Files.readString(dir.resolve("penalties.csv"), Charset.forName("GBK"))).doesNotContain(revoked.value());
        try (InputStream in = Files.newInputStream(dir.resolve("changes.xlsx")); Workbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet("行政处罚");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("BSID");
            assertThat(sheet.getLastRowNum()).isEqualTo(penalties.size());
        }

        // the next export starts where this one ended: nothing twice
        FileExport.Delivery next = export.exportNow(Actor.SYSTEM);
        assertThat(next.fromPosition()).isEqualTo(d.toPosition());
        List<CSVRecord> again = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(Path.of(next.location()).resolve("penalties.csv"), Charset.forName("GBK"))).getRecords();
        assertThat(again).noneMatch(r -> r.get("BSID").equals("430600-CF-" + stays.id()));

        assertThat(export.find(d.id()).orElseThrow().acknowledgedAt()).isNull();
        Files.writeString(dir.resolve("ACK"), "ok");
        assertThat(export.acknowledged()).isGreaterThanOrEqualTo(1);
        assertThat(export.find(d.id()).orElseThrow().acknowledgedAt()).isNotNull();

        // sent again: the same positions, into a directory of its own, logged as a resend of the first
        FileExport.Delivery resent = export.resend(d.id(), Actor.SYSTEM);
        assertThat(resent.resentOf()).isEqualTo(d.id());
        assertThat(Path.of(resent.location()).getFileName().toString()).matches("\\d{8}-R" + d.id() + "(-\\d+)?");
        assertThat(resent.location()).isNotEqualTo(d.location());
        assertThat(resent.fromPosition()).isEqualTo(d.fromPosition());
        assertThat(resent.toPosition()).isEqualTo(d.toPosition());
        assertThat(resent.changes()).isEqualTo(d.changes());
        assertThat(audit.count("action = 'exchange.resend' and detail like ?", "%" + d.id() + "%")).isEqualTo(1);
        // a resend is not an export: the next export still starts after the last one
        assertThat(export.exportNow(Actor.SYSTEM).fromPosition()).isGreaterThanOrEqualTo(next.toPosition());
    }

    @Test
    void whatAnExportStoppedHalfWayLeftIsRemovedAndItsChangesComeInTheNextExport() throws Exception {
        FileExport.Delivery before = export.exportNow(Actor.SYSTEM);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        push(penalty("h1-" + tag, person(), LocalDate.now(clock).minusDays(1)));
        CreditRecord r = records.findBySource(DepartmentCode.of(department), "h1-" + tag).orElseThrow();
        // an export killed while writing: a directory under its temporary name, no delivery logged
        Path half = export.directory().resolve("19990101.partial");
        Files.createDirectories(half);
        Files.writeString(half.resolve("penalties.csv"), "XH,BSID\n");

        FileExport.Delivery next = export.exportNow(Actor.SYSTEM);

        assertThat(Files.exists(half)).isFalse();
        assertThat(next.fromPosition()).isEqualTo(before.toPosition());
        assertThat(Files.readString(Path.of(next.location()).resolve("penalties.csv"), Charset.forName("GBK")))
                .contains("430600-CF-" + r.id());
    }

    @Test
    void afterItsRetentionTheFeedIsPrunedOnceExportedAndACursorFromBeforeIsRefused() {
        String upstream = fixtures.externalPlatformClient("exchange:read");
        String token = http.token(upstream, Fixtures.PASSWORD, "exchange:read");
        push(penalty("old-" + UUID.randomUUID().toString().substring(0, 8), person(), LocalDate.now(clock).minusDays(1)));
        http.get("/api/v1/exchange/changes?limit=1", token);
        long before = jdbc.sql("select pruned_through from exchange_horizon").query(Long.class).single();
        String old = new FeedCursor(upstream, before).token();
        FileExport.Delivery d = export.exportNow(Actor.SYSTEM);

        clock.advance(Duration.ofDays(91));
        assertThat(export.prune()).isPositive();

        long after = jdbc.sql("select pruned_through from exchange_horizon").query(Long.class).single();
        assertThat(after).isGreaterThan(before).isLessThanOrEqualTo(d.toPosition());
        assertThat(jdbc.sql("select count(*) from exchange_change where position <= :p").param("p", after).query(Long.class).single()).isZero();
        Http.Response refused = http.get("/api/v1/exchange/changes?cursor=" + old, token);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("EXCHANGE_CURSOR_EXPIRED");
        assertThat(http.get("/api/v1/exchange/changes", token).status()).as("without a cursor: from what is kept").isEqualTo(200);
    }

    @Autowired
    ChangeBaseline baseline;

    @Test
    void aBaselineAddsEveryPublishedDecisionTheFeedLacksOnceAndNothingTheSecondTime() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LocalDate decided = LocalDate.now(clock).minusDays(2);
        push(penalty("b1-" + tag, person(), decided), penalty("b2-" + tag, person(), decided), penalty("b3-" + tag, person(), decided));
        CreditRecord b1 = records.findBySource(DepartmentCode.of(department), "b1-" + tag).orElseThrow();
        CreditRecord b2 = records.findBySource(DepartmentCode.of(department), "b2-" + tag).orElseThrow();
        CreditRecord b3 = records.findBySource(DepartmentCode.of(department), "b3-" + tag).orElseThrow();
        records.revoke(b3.id(), DepartmentCode.of(department), "撤销原处罚决定");
        // as if b1 and b3 had been stored before the exchange existed (V52): the feed holds nothing of them
        jdbc.sql("delete from exchange_change where entity = 'PENALTY' and entity_id in (:a, :b)").param("a", b1.id()).param("b", b3.id())
                .update();

        ChangeBaseline.Added added = baseline.run(Actor.SYSTEM);

        assertThat(added.decisions()).isGreaterThanOrEqualTo(1);
        assertThat(changesOf(b1.id())).containsExactly("NEW");
        assertThat(changesOf(b2.id())).as("already in the feed: not again").containsExactly("NEW");
        assertThat(changesOf(b3.id())).as("revoked: not published, not in the baseline").isEmpty();
        assertThat(baseline.run(Actor.SYSTEM).decisions()).as("run again: nothing added").isZero();
        assertThat(changesOf(b1.id())).containsExactly("NEW");
        assertThat(audit.count("action = 'exchange.baseline'")).isGreaterThanOrEqualTo(2);
    }

    private List<String> changesOf(long recordId) {
        return jdbc.sql("select change_kind from exchange_change where entity = 'PENALTY' and entity_id = :id order by id").param("id", recordId)
                .query(String.class).list();
    }

    @Test
    void theAdministratorSeesTheDeliveriesExportsNowAndResends() throws Exception {
        MockMvc mvc = ApiContract.mockMvc(context);
        var admin = authentication(TestPrincipal.of(Role.SYSTEM_ADMIN, "fgw"));
        String exported = mvc.perform(post("/admin/exchange/export").with(admin).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(exported).contains("已写出交换文件").contains("交付记录");
        long id = jdbc.sql("select max(id) from exchange_delivery where channel = 'FILE'").query(Long.class).single();
        String page = mvc.perform(get("/admin/exchange").with(admin)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-id=\"" + id + "\"").contains("重新交付").contains("待导出的变更");
        String resent = mvc.perform(post("/admin/exchange/deliveries/" + id + "/resend").with(admin).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(resent).contains("已重新交付第 " + id + " 次交付");
        String based = mvc.perform(post("/admin/exchange/baseline").with(admin).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(based).contains("全量基线已生成").contains("data-confirm");
        String unknown = mvc.perform(post("/admin/exchange/deliveries/999999999/resend").with(admin).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("EXCHANGE_DELIVERY_NOT_FOUND");
        int officerStatus = mvc.perform(get("/admin/exchange").with(authentication(TestPrincipal.of(Role.DATA_OFFICER, department))))
                .andReturn().getResponse().getStatus();
        assertThat(officerStatus).isEqualTo(403);
    }

    private IdNumber person() {
        IdNumber n = fixtures.syntheticIdNumber();
        register.register(n, "导出测试", "测试");
        return n;
    }

    private void push(String... rows) {
        Http.Response accepted = http.postJson("/api/v1/record-batches", officer, "{\"records\":[" + String.join(",", rows) + "]}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode report = http.awaitBatch(officer, accepted.json().get("id").asLong());
        assertThat(report.get("rejected").asInt()).as(report.toString()).isZero();
    }

    private static String penalty(String source, IdNumber n, LocalDate decided) {
        return "{\"sourceId\":\"" + source + "\",\"itemCode\":\"YY-GN-002\",\"idNumber\":\"" + n.value() + "\",\"name\":\"导出测试\","
                + "\"decisionDate\":\"" + decided + "\",\"documentNumber\":\"岳市监罚〔2026〕" + Math.abs(source.hashCode() % 10_000) + "号\","
                + "\"content\":{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示信息\",\"fineAmount\":\"500\",\"penaltyResult\":\"罚款\","
                + "\"authority\":\"岳阳市市场监督管理局\"}}";
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
