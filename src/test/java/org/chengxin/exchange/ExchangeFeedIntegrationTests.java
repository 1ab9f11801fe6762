package org.chengxin.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.chengxin.exchange.domain.FeedCursor;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.ListEntryChanged;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.remedies.RemedyDecided;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The change feed an upstream platform pulls (issue 18, item 1): a day of changes — new, corrected, revoked, repaired,
 * expired, a list entry added and ended, an objection's answer — appears once each, what may no longer be shared appears
 * withdrawn and without the person; resuming from any cursor loses and duplicates nothing; cursors that are not the
 * client's, garbled or too old are refused with their codes.
 */
@ChengxinIntegrationTest
class ExchangeFeedIntegrationTests {

    static final String PENALTY = "YY-GN-002";
    static final String LICENCE = "YY-GN-001";

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
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditRecords audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    Http http;
    String department;
    String officer;
    String upstream;
    String upstreamToken;
    final Map<String, IdNumber> people = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        http = new Http(port);
        department = fixtures.department();
        officer = http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
        upstream = fixtures.externalPlatformClient("exchange:read");
        upstreamToken = http.token(upstream, Fixtures.PASSWORD, "exchange:read");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDayOfChangesAppearsOnceEachAndWhatMayNoLongerBeSharedWithdrawnWithoutThePerson() {
        String start = headCursor(upstream);
        LocalDate today = LocalDate.now(clock);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        push(penalty("p1-" + tag, today.minusDays(3), "12345"), penalty("p2-" + tag, today.minusDays(3), "1000"),
                penalty("p3-" + tag, today.minusDays(3), "500"), penalty("p4-" + tag, today.minusDays(3), "800"),
                // decided a year ago less a day: its twelve months end tomorrow
                penalty("p5-" + tag, today.minusMonths(12).plusDays(1), "300"), licence("l1-" + tag, today.minusDays(1)));
        push(penalty("p2-" + tag, today.minusDays(3), "2000"));
        CreditRecord p2 = record("p2-" + tag);
        records.revoke(record("p3-" + tag).id(), DepartmentCode.of(department), "行政复议决定撤销原处罚");
        records.markRepaired(record("p4-" + tag).id(), "已履行处罚决定，准予信用修复");
        CreditRecord p1 = record("p1-" + tag);
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new RemedyDecided(RemedyDecided.Kind.OBJECTION, 900_000 + p2.id(), p2.id(), p2.subject(), PENALTY, "更正记录",
                    "罚款金额有误，已更正", false, Instant.now(clock)));
            // an objection dismissed at screening decides nothing about the record: not shared
            events.publishEvent(new RemedyDecided(RemedyDecided.Kind.OBJECTION, 910_000 + p2.id(), p2.id(), p2.subject(), PENALTY, "不予受理",
                    "重复提出", false, Instant.now(clock)));
            events.publishEvent(new ListEntryChanged(ListEntryChanged.Change.NOTICED, 800_000 + p1.id(), p1.subject(),
                    DepartmentCode.of(department), "岳认〔2026〕1号", "《测试条例》第一条", today, today.plusYears(1), null,
                    today.plusDays(7), Instant.now(clock)));
            events.publishEvent(new ListEntryChanged(ListEntryChanged.Change.ADDED, 800_000 + p1.id(), p1.subject(),
                    DepartmentCode.of(department), "岳认〔2026〕1号", "《测试条例》第一条", today, today.plusYears(1), null, null,
                    Instant.now(clock)));
        });
        transactions.executeWithoutResult(tx -> events.publishEvent(new ListEntryChanged(ListEntryChanged.Change.ENDED, 800_000 + p1.id(),
                p1.subject(), DepartmentCode.of(department), "岳认〔2026〕1号", "《测试条例》第一条", today, today.plusYears(1),
                "审核员决定移出：信用修复", null, Instant.now(clock))));
        clock.advance(Duration.ofDays(2));
        records.expireDue();

        List<JsonNode> read = readAll(upstream, upstreamToken, start, 3).changes();
        assertThat(read).as("an objection dismissed at screening is not shared")
                .noneMatch(c -> c.get("id").asString().equals("430600-YY-" + (910_000 + p2.id())));
        List<JsonNode> changes = read.stream().filter(c -> mine(c, tag)).toList();
        Map<String, List<String>> byId = changes.stream().collect(Collectors.groupingBy(c -> c.get("id").asString(), LinkedHashMap::new,
                Collectors.mapping(c -> c.get("change").asString(), Collectors.toList())));

        String region = "430600";
        assertThat(byId).containsEntry(region + "-CF-" + p1.id(), List.of("NEW"))
                .containsEntry(region + "-CF-" + p2.id(), List.of("NEW", "CORRECTED"))
                .containsEntry(region + "-CF-" + record("p3-" + tag).id(), List.of("NEW", "REVOKED"))
                .containsEntry(region + "-CF-" + record("p4-" + tag).id(), List.of("NEW", "REPAIRED"))
                .containsEntry(region + "-CF-" + record("p5-" + tag).id(), List.of("NEW", "EXPIRED"))
                .containsEntry(region + "-XK-" + record("l1-" + tag).id(), List.of("NEW"))
                .containsEntry(region + "-YY-" + (900_000 + p2.id()), List.of("NEW"))
                .containsEntry(region + "-MD-" + (800_000 + p1.id()), List.of("NEW", "REVOKED"))
                .hasSize(8);

        JsonNode first = only(changes, region + "-CF-" + p1.id(), "NEW");
        assertThat(first.get("withdrawn").asBoolean()).isFalse();
        assertThat(first.get("kind").asString()).isEqualTo("PENALTY");
        JsonNode f = first.get("fields");
        assertThat(f.get("CF_XDR_SFZ").asString()).isEqualTo(people.get("p1-" + tag).value());
        assertThat(f.get("CF_XDR_MC").asString()).isEqualTo("交换测试p1");
        assertThat(f.get("CF_XDR_LB").asString()).isEqualTo("自然人");
        assertThat(f.get("CF_NR_FK").asString()).isEqualTo("1.2345");
        assertThat(f.get("CF_SY").asString()).isEqualTo("未按规定公示信息");
        assertThat(f.get("CF_ZT").asString()).isEqualTo("0");
        assertThat(f.get("CF_WSH").asString()).startsWith("岳市监罚");
        assertThat(f.get("CF_GSJZQ").asString()).isEqualTo(p1.expiresOn().minusDays(1).toString());

        // a correction is delivered as the record now stands, in both of its changes
        assertThat(only(changes, region + "-CF-" + p2.id(), "NEW").get("fields").get("CF_NR_FK").asString()).isEqualTo("0.2");
        assertThat(only(changes, region + "-CF-" + p2.id(), "CORRECTED").get("fields").get("CF_NR_FK").asString()).isEqualTo("0.2");

        JsonNode licence = only(changes, region + "-XK-" + record("l1-" + tag).id(), "NEW").get("fields");
        assertThat(licence.get("XK_XMMC").asString()).isEqualTo("食品经营许可证");
        assertThat(licence.get("XK_XKBH").asString()).isEqualTo("JY1430600" + tag);
        assertThat(licence.get("XK_XDR_SFZ").asString()).isEqualTo(people.get("l1-" + tag).value());

        for (String source : List.of("p3-", "p4-", "p5-")) {
            CreditRecord gone = record(source + tag);
            for (JsonNode c : changes.stream().filter(c -> c.get("id").asString().equals(region + "-CF-" + gone.id())).toList()) {
                assertThat(c.get("withdrawn").asBoolean()).as(source).isTrue();
                assertThat(c.get("fields").has("CF_XDR_SFZ")).isFalse();
                assertThat(c.get("fields").has("CF_XDR_MC")).isFalse();
                assertThat(c.get("fields").has("CF_SY")).isFalse();
                assertThat(c.toString()).doesNotContain(people.get(source + tag).value());
            }
        }
        assertThat(only(changes, region + "-CF-" + record("p3-" + tag).id(), "REVOKED").get("fields").get("CF_ZT").asString()).isEqualTo("1");
        assertThat(only(changes, region + "-CF-" + record("p4-" + tag).id(), "REPAIRED").get("fields").get("CF_ZT").asString()).isEqualTo("3");

        JsonNode answer = only(changes, region + "-YY-" + (900_000 + p2.id()), "NEW").get("fields");
        assertThat(answer.get("YY_XXBS").asString()).isEqualTo(region + "-CF-" + p2.id());
        assertThat(answer.get("YY_JG").asString()).isEqualTo("更正记录");
        assertThat(answer.toString()).doesNotContain(people.get("p2-" + tag).value());

        // the entry has ended: both of its changes are withdrawn, without the person
        for (String kind : List.of("NEW", "REVOKED")) {
            JsonNode entry = only(changes, region + "-MD-" + (800_000 + p1.id()), kind);
            assertThat(entry.get("withdrawn").asBoolean()).isTrue();
            assertThat(entry.get("fields").has("MD_XDR_SFZ")).isFalse();
        }
        assertThat(only(changes, region + "-MD-" + (800_000 + p1.id()), "REVOKED").get("fields").get("MD_YCYY").asString())
                .isEqualTo("审核员决定移出：信用修复");
        assertThat(audit.count("action = 'exchange.feed' and actor = ?", upstream)).isGreaterThanOrEqualTo(3);
        assertThat(audit.count("action = 'identity.reveal' and purpose = '向上级信用平台交换公共信用信息'")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aListEntryInForceNamesThePersonItIsAbout() {
        String start = headCursor(upstream);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(clock);
        push(penalty("e1-" + tag, today.minusDays(3), "100"));
        CreditRecord r = record("e1-" + tag);
        transactions.executeWithoutResult(tx -> events.publishEvent(new ListEntryChanged(ListEntryChanged.Change.ADDED, 700_000 + r.id(),
                r.subject(), DepartmentCode.of(department), "岳认〔2026〕2号", "《测试条例》第二条", today, today.plusYears(2), null, null,
                Instant.now(clock))));
        List<JsonNode> changes = readAll(upstream, upstreamToken, start, 50).changes();
        JsonNode entry = only(changes, "430600-MD-" + (700_000 + r.id()), "NEW");
        assertThat(entry.get("withdrawn").asBoolean()).isFalse();
        assertThat(entry.get("fields").get("MD_XDR_SFZ").asString()).isEqualTo(people.get("e1-" + tag).value());
        assertThat(entry.get("fields").get("MD_XDR_MC").asString()).isEqualTo("交换测试e1");
        assertThat(entry.get("fields").get("MD_YXQZ").asString()).isEqualTo(today.plusYears(2).toString());
        assertThat(entry.get("fields").get("MD_RDBM").asString()).startsWith("测试部门");
    }

    @Test
    void resumingFromAnyCursorLosesAndDuplicatesNothing() {
        String start = headCursor(upstream);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LocalDate decided = LocalDate.now(clock).minusDays(5);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rows.add(penalty("r" + i + "-" + tag, decided, Integer.toString(100 + i)));
        }
        push(rows.toArray(String[]::new));

        Read whole = readAll(upstream, upstreamToken, start, 2);
        List<Long> all = whole.changes().stream().map(c -> c.get("position").asLong()).toList();
        assertThat(all).doesNotHaveDuplicates().isSorted();
        assertThat(whole.changes().stream().filter(c -> mine(c, tag)).count()).isEqualTo(7);
        // a client cut off after any page, resuming with the last cursor it kept, gets exactly the rest
        for (int k = 0; k < whole.cursors().size(); k++) {
            String cursor = whole.cursors().get(k);
            long at = k == 0 ? -1 : whole.pageEnds().get(k - 1);
            List<Long> rest = readAll(upstream, upstreamToken, cursor, 3).changes().stream().map(c -> c.get("position").asLong()).toList();
            assertThat(rest).as("from cursor " + k).isEqualTo(all.stream().filter(p -> p > at).toList());
        }
        // every page the client went past is acknowledged
        assertThat(jdbc.sql("select count(*) from exchange_delivery where recipient = :c and acknowledged_at is null and to_position < :p")
                .param("c", upstream).param("p", all.get(all.size() - 1)).query(Long.class).single()).isZero();
        // a page asked for twice (the answer lost on the way) is the same page
        Http.Response once = http.get("/api/v1/exchange/changes?limit=2&cursor=" + start, upstreamToken);
        Http.Response twice = http.get("/api/v1/exchange/changes?limit=2&cursor=" + start, upstreamToken);
        assertThat(positions(once.json())).isEqualTo(positions(twice.json())).isEqualTo(all.subList(0, Math.min(2, all.size())));
    }

    @Test
    void cursorsOfAnotherClientGarbledOrTooOldAndCallersWithoutTheScopeAreRefused() {
        String start = headCursor(upstream);
        String other = fixtures.externalPlatformClient("exchange:read");
        String otherToken = http.token(other, Fixtures.PASSWORD, "exchange:read");

        Http.Response foreign = http.get("/api/v1/exchange/changes?cursor=" + start, otherToken);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("code").asString()).isEqualTo("EXCHANGE_CURSOR_FOREIGN");

        Http.Response garbled = http.get("/api/v1/exchange/changes?cursor=" + start.substring(0, start.length() - 3), upstreamToken);
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().get("code").asString()).isEqualTo("EXCHANGE_CURSOR_INVALID");

        long horizon = jdbc.sql("select pruned_through from exchange_horizon").query(Long.class).single();
        String old = new FeedCursor(upstream, horizon).token();
        jdbc.sql("update exchange_horizon set pruned_through = :p").param("p", horizon + 1).update();
        try {
            Http.Response tooOld = http.get("/api/v1/exchange/changes?cursor=" + old, upstreamToken);
            assertThat(tooOld.status()).isEqualTo(409);
            assertThat(tooOld.json().get("code").asString()).isEqualTo("EXCHANGE_CURSOR_EXPIRED");
        } finally {
            jdbc.sql("update exchange_horizon set pruned_through = :p").param("p", horizon).update();
        }

        String department = http.token(fixtures.apiClient("reports:read"), Fixtures.PASSWORD, "reports:read");
        Http.Response denied = http.get("/api/v1/exchange/changes", department);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("code").asString()).isEqualTo("ACCESS_DENIED");
        assertThat(http.get("/api/v1/exchange/changes", null).status()).isEqualTo(401);
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    /** A cursor at the feed's current end (what came before belongs to other tests). */
    String headCursor(String client) {
        // a read sequences what was committed; the end is then the highest position
        http.get("/api/v1/exchange/changes?limit=1", http.token(client, Fixtures.PASSWORD, "exchange:read"));
        long head = jdbc.sql("select coalesce(max(position), (select pruned_through from exchange_horizon)) from exchange_change")
                .query(Long.class).single();
        return new FeedCursor(client, head).token();
    }

    record Read(List<JsonNode> changes, List<String> cursors, List<Long> pageEnds) {
    }

    /** Reads from a cursor to the end, a page of {@code limit} at a time: the changes, and the cursor each page began with. */
    Read readAll(String client, String token, String cursor, int limit) {
        List<JsonNode> changes = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        String next = cursor;
        for (int pages = 0; pages < 10_000; pages++) {
            cursors.add(next);
            Http.Response r = http.get("/api/v1/exchange/changes?limit=" + limit + "&cursor=" + next, token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode body = r.json();
            body.get("changes").forEach(changes::add);
            if (!body.get("changes").isEmpty()) {
                ends.add(body.get("changes").get(body.get("changes").size() - 1).get("position").asLong());
            }
            next = body.get("next").asString();
            if (!body.get("more").asBoolean()) {
                return new Read(changes, cursors, ends);
            }
        }
        throw new AssertionError("the feed did not end");
    }

    private static List<Long> positions(JsonNode body) {
        List<Long> p = new ArrayList<>();
        body.get("changes").forEach(c -> p.add(c.get("position").asLong()));
        return p;
    }

    private boolean mine(JsonNode change, String tag) {
        return people.keySet().stream().filter(s -> s.endsWith(tag)).map(s -> records.findBySource(DepartmentCode.of(department), s))
                .flatMap(Optional::stream).anyMatch(r -> change.get("id").asString().endsWith("-" + r.id())
                        || change.get("id").asString().endsWith("-" + (900_000 + r.id()))
                        || change.get("id").asString().endsWith("-" + (800_000 + r.id())));
    }

    private static JsonNode only(List<JsonNode> changes, String id, String change) {
        List<JsonNode> found = changes.stream().filter(c -> c.get("id").asString().equals(id) && c.get("change").asString().equals(change))
                .toList();
        assertThat(found).as(id + " " + change).hasSize(1);
        return found.get(0);
    }

    private CreditRecord record(String source) {
        return records.findBySource(DepartmentCode.of(department), source).orElseThrow();
    }

    private void push(String... rows) {
        Http.Response accepted = http.postJson("/api/v1/record-batches", officer, "{\"records\":[" + String.join(",", rows) + "]}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode report = http.awaitBatch(officer, accepted.json().get("id").asLong());
        assertThat(report.get("rejected").asInt()).as(report.toString()).isZero();
    }

    private IdNumber person(String source) {
        return people.computeIfAbsent(source, s -> {
            IdNumber n = fixtures.syntheticIdNumber();
            register.register(n, "交换测试" + s.substring(0, s.indexOf('-')), "测试");
            return n;
        });
    }

    private String penalty(String source, LocalDate decided, String fine) {
        IdNumber n = person(source);
        return "{\"sourceId\":\"" + source + "\",\"itemCode\":\"" + PENALTY + "\",\"idNumber\":\"" + n.value() + "\",\"name\":\"交换测试"
                + source.substring(0, source.indexOf('-')) + "\",\"decisionDate\":\"" + decided + "\",\"documentNumber\":\"岳市监罚〔2026〕"
                + Math.abs(source.hashCode() % 10_000) + "号\",\"content\":{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示信息\","
                + "\"fineAmount\":\"" + fine + "\",\"penaltyResult\":\"罚款\",\"authority\":\"岳阳市市场监督管理局\"}}";
    }

    private String licence(String source, LocalDate decided) {
        IdNumber n = person(source);
        String tag = source.substring(source.indexOf('-') + 1);
        return "{\"sourceId\":\"" + source + "\",\"itemCode\":\"" + LICENCE + "\",\"idNumber\":\"" + n.value() + "\",\"name\":\"交换测试"
                + source.substring(0, source.indexOf('-')) + "\",\"decisionDate\":\"" + decided + "\",\"documentNumber\":\"岳市监许〔2026〕"
                + Math.abs(source.hashCode() % 10_000) + "号\",\"content\":{\"licenseName\":\"食品经营许可证\",\"licenseNumber\":\"JY1430600"
                + tag + "\",\"licenseContent\":\"预包装食品销售\",\"authority\":\"岳阳市市场监督管理局\"}}";
    }
}
