package org.chengxin.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.cluster.ClusterJobs;
import org.chengxin.shared.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the trail's entries older than the retention out of the database into archive files (nightly, once across
 * instances). Each run takes the longest run of entries after the last archive all recorded (and occurred) before the
 * cutoff, at most {@code chengxin.audit.archive-max-entries} a file; writes them to
 * {@code <archive-directory>/audit-<from>-<through>.csv.gz}, checking every link on the way (a broken chain is not
 * archived); writes the manifest beside it; then, in one transaction, stores the signed anchor and deletes exactly those
 * entries. The chain in the table then goes on from the anchor's hash, and verification walks from there.
 */
@Component
class AuditArchiver {

    private static final Logger log = LoggerFactory.getLogger(AuditArchiver.class);
    static final String ACTION = "audit.archive";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ArchiveAnchors anchors;
    private final ChainHash chainHash;
    private final AuditRetention retention;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final ClusterJobs jobs;
    private final ApplicationEventPublisher events;
    private final Path directory;
    private final long maxEntries;

    AuditArchiver(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ArchiveAnchors anchors, ChainHash chainHash,
            AuditRetention retention, Clock clock, PlatformTransactionManager transactionManager, ClusterJobs jobs,
            ApplicationEventPublisher events, @Value("${chengxin.audit.archive-directory}") Path directory,
            @Value("${chengxin.audit.archive-max-entries:1000000}") long maxEntries) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.anchors = anchors;
        this.chainHash = chainHash;
        this.retention = retention;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.jobs = jobs;
        this.events = events;
        this.directory = directory;
        this.maxEntries = maxEntries;
    }

    @Scheduled(cron = "${chengxin.audit.archive-cron:0 40 3 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        jobs.runOnce("audit.archive", Duration.ofHours(1), this::archiveDue);
    }

    Path directory() {
        return directory;
    }

    /** Archives every entry older than the retention; returns the archives made (none when nothing is due). */
    List<ArchiveAnchor> archiveDue() {
        Instant cutoff = retention.cutoff(clock);
        List<ArchiveAnchor> made = new ArrayList<>();
        for (Optional<ArchiveAnchor> next = archiveOnce(cutoff); next.isPresent(); next = archiveOnce(cutoff)) {
            made.add(next.get());
        }
        if (!made.isEmpty()) {
            long from = made.get(0).fromSeq();
            long through = made.get(made.size() - 1).throughSeq();
            long entries = made.stream().mapToLong(ArchiveAnchor::entries).sum();
            log.info("审计日志归档：第 {}–{} 条（{} 条，早于 {}）已写入 {} 个归档文件并从数据库移出", from, through, entries, cutoff, made.size());
            events.publishEvent(AuditEvent.of(Actor.SYSTEM, Instant.now(clock), ACTION, null, "日志留存（网络安全法第二十一条）",
                    AuditOutcome.SUCCESS, "已归档第 " + from + "–" + through + " 条（" + entries + " 条，记录于 " + cutoff
                            + " 之前），归档文件 " + made.size() + " 个，最后一个 " + made.get(made.size() - 1).fileName()));
        }
        return made;
    }

    private Optional<ArchiveAnchor> archiveOnce(Instant cutoff) {
        ArchiveAnchor.Start start = ArchiveAnchor.startOf(anchors.all(), chainHash);
        if (start.brokenAt() != null) {
            throw new IllegalStateException("审计日志不予归档：" + start.reason());
        }
        long from = start.seq() + 1;
        long through = Math.min(lastOldEnough(from, cutoff), from + maxEntries - 1);
        if (through < from) {
            return Optional.empty();
        }
        ArchiveAnchor anchor = writeFile(start, from, through);
        transactions.executeWithoutResult(status -> {
            if (anchors.archivedThrough() != start.seq()) {
                throw new IllegalStateException("审计日志归档：另一实例已归档这一段，本次放弃");
            }
            anchors.add(anchor);
            jdbc.sql("select set_config('chengxin.audit_archiving', 'on', true)").query(String.class).single();
            int deleted = jdbc.sql("delete from audit_entry where seq between :from and :through")
                    .param("from", from).param("through", through).update();
            if (deleted != anchor.entries()) {
                throw new IllegalStateException("审计日志归档：应移出 " + anchor.entries() + " 条，实际 " + deleted + " 条，已回滚");
            }
        });
        return Optional.of(anchor);
    }

    /** The last sequence number of the run from {@code from} in which every entry is older than the cutoff. */
    private long lastOldEnough(long from, Instant cutoff) {
        Timestamp at = Timestamp.from(cutoff);
        Optional<Long> firstYoung = jdbc.sql("""
                select seq from audit_entry where seq >= :from and (recorded_at >= :cutoff or occurred_at >= :cutoff)
                order by seq limit 1""").param("from", from).param("cutoff", at).query(Long.class).optional();
        if (firstYoung.isPresent()) {
            return firstYoung.get() - 1;
        }
        return jdbc.sql("select coalesce(max(seq), 0) from audit_entry").query(Long.class).single();
    }

    private ArchiveAnchor writeFile(ArchiveAnchor.Start start, long from, long through) {
        String name = ArchiveFile.fileName(from, through);
        Path file = directory.resolve(name);
        Path part = directory.resolve(name + ".part");
        ArchiveFile.Links links = new ArchiveFile.Links(chainHash, start.seq(), start.hash());
        try {
            Files.createDirectories(directory);
            try (ArchiveFile.Writer writer = new ArchiveFile.Writer(part, links)) {
                readOnly.executeWithoutResult(status -> jdbcTemplate.query(con -> {
                    var statement = con.prepareStatement("select * from audit_entry where seq between ? and ? order by seq");
                    statement.setLong(1, from);
                    statement.setLong(2, through);
                    statement.setFetchSize(5000);
                    return statement;
                }, rs -> {
                    try {
                        writer.write(StoredEntry.from(rs));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            if (links.lastSeq != through) {
                throw new ArchiveFile.BrokenLink(links.lastSeq + 1, "缺少第 " + (links.lastSeq + 1) + " 条记录（记录被删除）");
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            ArchiveAnchor anchor = ArchiveAnchor.signed(from, through, start.hash(), links.lastHash, name,
                    ArchiveFile.sm3(file), Instant.now(clock), chainHash);
            Path manifest = directory.resolve(ArchiveFile.manifestName(name));
            Path manifestPart = directory.resolve(ArchiveFile.manifestName(name) + ".part");
            Files.writeString(manifestPart, anchor.manifest(), StandardCharsets.UTF_8);
            Files.move(manifestPart, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return anchor;
        } catch (ArchiveFile.BrokenLink e) {
            deleteQuietly(part);
            log.error("审计链第 {} 条校验失败，审计日志不予归档：{}", e.seq, e.getMessage());
            throw new IllegalStateException("审计日志不予归档：" + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(part);
            throw new IllegalStateException("审计日志归档文件写入失败：" + directory, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("未能删除未完成的归档文件 {}", file.getFileName());
        }
    }
}
