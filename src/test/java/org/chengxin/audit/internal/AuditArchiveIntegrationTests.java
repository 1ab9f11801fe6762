package org.chengxin.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.chengxin.audit.AuditTrail;
import org.chengxin.audit.AuditVerification;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The trail kept as the law asks, on a moved clock: entries older than the retention (one year here) are archived to a
 * file that verifies on its own, the chain in the table still verifies from the archive's anchor, nothing younger is
 * removed; a tampered archive or anchor is found; a failed verification or a lagging writer raises the alert.
 */
@ChengxinIntegrationTest
class AuditArchiveIntegrationTests {

    @Autowired
    AuditArchiver archiver;

    @Autowired
    ArchiveVerifier archives;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChainWatch watch;

    @Autowired
    AuditChainWriter writer;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ArchiveAnchors anchors;

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @AfterEach
    void backToRealTime() {
        clock.reset();
        watch.verifyNow();
        watch.measureLag();
    }

    @Test
    void entriesOlderThanTheRetentionAreArchivedAndTheChainStillVerifiesFromTheAnchor() throws Exception {
        Instant start = afterEveryEntry();
        clock.set(start);
        AuditEvent old = entry("一年多以前");
        clock.set(months(start, 6));
        AuditEvent sevenMonths = entry("七个月前");
        clock.set(months(start, 8));
        AuditEvent fiveMonths = entry("五个月前");
        Instant now = months(start, 13);
        clock.set(now);
        long size = trail.size();
        List<Long> youngerThanSixMonths = recordedSince(months(now, -6));
        List<Long> youngerThanTheRetention = recordedSince(months(now, -12));

        List<ArchiveAnchor> made = archiver.archiveDue();

        assertThat(made).isNotEmpty();
        ArchiveAnchor last = made.get(made.size() - 1);
        assertThat(seqOf(old.eventId())).as("archived").isNull();
        assertThat(last.throughSeq()).isLessThan(seqOf(sevenMonths.eventId()));
        assertThat(seqOf(sevenMonths.eventId())).as("older than six months, younger than the retention: kept").isNotNull();
        assertThat(seqOf(fiveMonths.eventId())).isNotNull();
        assertThat(youngerThanSixMonths).as("this test's five months old entry at least").isNotEmpty();
        assertThat(recordedSince(months(now, -6))).as("nothing younger than six months removed").containsAll(youngerThanSixMonths);
        assertThat(recordedSince(months(now, -12))).as("nor younger than the retention").containsAll(youngerThanTheRetention);
        assertThat(jdbc.queryForObject("select min(seq) from audit_entry", Long.class)).isEqualTo(last.throughSeq() + 1);

        AuditVerification chain = trail.verify();
        assertThat(chain.intact()).as(chain.reason()).isTrue();
        assertThat(trail.size()).as("the trail's size still counts the archived entries").isGreaterThanOrEqualTo(size)
                .isGreaterThan(jdbc.queryForObject("select count(*) from audit_entry", Long.class));
        for (ArchiveAnchor anchor : made) {
            AuditVerification file = archives.verify(anchor.fileName());
            assertThat(file.intact()).as(file.reason()).isTrue();
            assertThat(file.entriesChecked()).isEqualTo(anchor.entries());
            assertThat(archiver.directory().resolve(ArchiveFile.manifestName(anchor.fileName()))).content()
                    .contains("through_seq=" + anchor.throughSeq()).contains("last_hash=" + anchor.lastHash());
        }
        // the auditor's way: GET /actuator/auditchain/{file}, the file's name with its dots as the selector
        String answer = ApiContract.mockMvc(context).perform(MockMvcRequestBuilders.get("/actuator/auditchain/" + last.fileName())
                .with(authentication(TestPrincipal.of(Role.AUDITOR, null)))).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("\"intact\":true").contains("\"entriesChecked\":" + last.entries());
        assertThat(archiver.archiveDue()).as("nothing more is due").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'audit.archive' and detail like ?",
                Long.class, "%" + last.fileName() + "%")).isEqualTo(1);
    }

    @Test
    void theArchiverAloneDeletesAndOnlyWhatAnAnchorCovers() {
        clock.set(Instant.now());
        AuditEvent young = entry("仍在保存期内");
        Long seq = seqOf(young.eventId());
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where seq = ?", seq))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("select set_config('chengxin.audit_archiving', 'on', true)", String.class);
            jdbc.update("delete from audit_entry where seq = ?", seq);
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(seqOf(young.eventId())).isEqualTo(seq);
    }

    @Test
    void aTamperedArchiveFileOrAnchorIsFoundAndRaisesTheAlert() throws IOException {
        ArchiveAnchor anchor = archiveSomething();
        Http http = new Http(port);
        Path file = archiver.directory().resolve(anchor.fileName());
        byte[] original = Files.readAllBytes(file);
        Files.write(file, gzip(gunzip(original).replaceFirst("test\\.archive", "test.archivf")));
        try {
            AuditVerification result = archives.verify(anchor.fileName());
            assertThat(result.intact()).isFalse();
            assertThat(result.reason()).contains("SM3");
        } finally {
            Files.write(file, original);
        }
        assertThat(archives.verify(anchor.fileName()).intact()).isTrue();
        assertThat(archives.verify("../keys/audit-chain-key.hex").reason()).contains("不是审计日志归档文件名");

        alterAnchor("update audit_archive set last_hash = '" + "f".repeat(64) + "' where through_seq = " + anchor.throughSeq());
        try {
            AuditVerification result = watch.verifyNow();
            assertThat(result.intact()).isFalse();
            assertThat(result.reason()).contains("锚点");
            assertThat(meters.get("chengxin.audit.chain.intact").gauge().value()).isZero();
            assertThat(http.get("/actuator/health/audit", null).status()).isEqualTo(503);
            Http.Response alert = http.get("/actuator/health/audit", null);
            assertThat(alert.json().at("/status").asString()).isEqualTo("ALERT");
            assertThat(alert.body()).as("public: the status alone").doesNotContain("intact", "lagSeconds");
            assertThat(http.get("/actuator/health", null).status()).as("the platform keeps serving").isEqualTo(200);
        } finally {
            alterAnchor("update audit_archive set last_hash = '" + anchor.lastHash() + "' where through_seq = " + anchor.throughSeq());
        }
        assertThat(watch.verifyNow().intact()).isTrue();
        assertThat(meters.get("chengxin.audit.chain.intact").gauge().value()).isEqualTo(1);
        assertThat(http.get("/actuator/health/audit", null).status()).isEqualTo(200);
    }

    @Test
    void aWriterThatFallsBehindRaisesTheAlert() throws InterruptedException {
        Http http = new Http(port);
        clock.set(Instant.now());
        writer.stop();
        try {
            // stopped, the writer leaves what is audited in the inbox, as one that cannot write does
            entry("等待写入");
            clock.advance(Duration.ofMinutes(10));
            assertThat(watch.measureLag()).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
            assertThat(meters.get("chengxin.audit.writer.lag").gauge().value()).isGreaterThanOrEqualTo(600);
            assertThat(meters.get("chengxin.audit.writer.waiting").gauge().value()).isGreaterThanOrEqualTo(1);
            assertThat(http.get("/actuator/health/audit", null).status()).isEqualTo(503);
        } finally {
            writer.start();
        }
        writer.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (watch.measureLag().compareTo(Duration.ZERO) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(watch.lagging()).isFalse();
        assertThat(http.get("/actuator/health/audit", null).status()).isEqualTo(200);
    }

    private ArchiveAnchor archiveSomething() {
        Instant start = afterEveryEntry();
        clock.set(start);
        entry("待归档");
        clock.set(months(start, 13));
        List<ArchiveAnchor> made = archiver.archiveDue();
        clock.reset();
        if (!made.isEmpty()) {
            return made.get(made.size() - 1);
        }
        List<ArchiveAnchor> all = anchors.all();
        return all.get(all.size() - 1);
    }

    /**
     * A moment after every entry the trail holds: in the whole suite other tests write entries on clocks moved years
     * ahead, and the archiver takes only the trail's prefix older than the retention, so this test's own "old" entries
     * must come after theirs.
     */
    private Instant afterEveryEntry() {
        trail.size();
        Timestamp latest = jdbc.queryForObject("select greatest(max(recorded_at), max(occurred_at)) from audit_entry", Timestamp.class);
        Instant now = Instant.now();
        return latest == null || latest.toInstant().isBefore(now) ? now : latest.toInstant().plusSeconds(60);
    }

    private AuditEvent entry(String detail) {
        AuditEvent event = new AuditEvent(UUID.randomUUID(), Instant.now(clock), "归档测试", "ADMIN", null, "test.archive", null,
                "日志留存测试", AuditOutcome.SUCCESS, detail);
        events.publishEvent(event);
        return event;
    }

    private static Instant months(Instant from, int months) {
        return ZonedDateTime.ofInstant(from, ZoneId.of("Asia/Shanghai")).plusMonths(months).toInstant();
    }

    private List<Long> recordedSince(Instant since) {
        return jdbc.queryForList("select seq from audit_entry where recorded_at >= ?", Long.class, Timestamp.from(since));
    }

    private Long seqOf(UUID eventId) {
        trail.size();
        List<Long> seq = jdbc.queryForList("select seq from audit_entry where event_id = ?", Long.class, eventId);
        return seq.isEmpty() ? null : seq.get(0);
    }

    /** What someone with write access to the table could do; the anchor's signature is what finds it. */
    private void alterAnchor(String sql) {
        jdbc.execute(sql);
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
