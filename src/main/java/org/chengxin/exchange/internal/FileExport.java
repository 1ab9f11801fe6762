package org.chengxin.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.chengxin.exchange.domain.DeliveredChange;
import org.chengxin.exchange.domain.NationalColumns;
import org.chengxin.exchange.domain.Shared;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.cluster.ClusterJobs;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily file export for the 前置机 (the exchange server the provincial platform collects from): every change
 * sequenced since the last export, in one directory per export ({@code yyyyMMdd} under the configured directory), one
 * CSV per kind of thing (GBK or UTF-8 as configured, the national columns as the header), the same rows in one XLSX
 * (a sheet per kind), a {@code manifest.json} (positions, rows and SHA-256 of every file) and {@code SHA256SUMS}
 * (checkable with {@code sha256sum -c}). The directory is written under a temporary name and renamed when complete, so
 * that no half delivery is ever collected. The exchange server acknowledges a delivery by writing {@code ACK} into its
 * directory. A delivery can be sent again: the same positions, written afresh (what may no longer be shared is then
 * withdrawn), into a directory of its own.
 */
@Service
public class FileExport {

    private static final Logger log = LoggerFactory.getLogger(FileExport.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ACK = "ACK";
    private static final int PAGE = 1_000;

    private final JdbcClient jdbc;
    private final ChangeSequencer sequencer;
    private final ChangeFeed feed;
    private final ChangeContents contents;
    private final ClusterJobs jobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Path directory;
    private final Charset encoding;
    private final String recipient;
    private final Duration retention;

    FileExport(JdbcClient jdbc, ChangeSequencer sequencer, ChangeFeed feed, ChangeContents contents, ClusterJobs jobs,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
            @Value("${chengxin.exchange.export.directory:${chengxin.data-dir:./data}/exchange/outbox}") String directory,
            @Value("${chengxin.exchange.export.encoding:GBK}") String encoding,
            @Value("${chengxin.exchange.export.recipient:信用湖南}") String recipient,
            @Value("${chengxin.exchange.retention:P90D}") Duration retention) {
        this.jdbc = jdbc;
        this.sequencer = sequencer;
        this.feed = feed;
        this.contents = contents;
        this.jobs = jobs;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.directory = Path.of(directory);
        this.encoding = Charset.forName(encoding);
        this.recipient = recipient;
        this.retention = retention;
    }

    /** A delivery as the log keeps it. */
    public record Delivery(long id, String channel, String recipient, long fromPosition, long toPosition, int changes, int withdrawn,
            String location, String manifestSha256, Instant deliveredAt, Instant acknowledgedAt, Long resentOf) {
    }

    public Path directory() {
        return directory;
    }

    public Charset encoding() {
        return encoding;
    }

    @Scheduled(cron = "${chengxin.exchange.export.cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    void daily() {
        jobs.runOnce("exchange.export", Duration.ofHours(1), () -> {
            exportNow(Actor.SYSTEM);
            prune();
        });
    }

    /** Acknowledgements the exchange server wrote since the last look, every few minutes. */
    @Scheduled(fixedDelayString = "${chengxin.exchange.ack-interval:PT5M}", initialDelayString = "${chengxin.exchange.ack-interval:PT5M}")
    void lookForAcknowledgements() {
        acknowledged();
    }

    /** Exports what was sequenced since the last export (a delivery of no change says so too); returns the delivery. */
    public synchronized Delivery exportNow(Actor actor) {
        sequencer.sequenceAll();
        long from = jdbc.sql("select coalesce(max(to_position), (select pruned_through from exchange_horizon)) from exchange_delivery "
                + "where channel = 'FILE' and resent_of is null").query(Long.class).single();
        long to = feed.head();
        String day = DAY.format(LocalDate.now(clock));
        return write(actor, Math.max(from, feed.horizon()), to, day, null);
    }

    /** Sends a file delivery again: the same positions, written afresh into a directory of its own. */
    public synchronized Delivery resend(long deliveryId, Actor actor) {
        Delivery d = find(deliveryId).filter(x -> "FILE".equals(x.channel()))
                .orElseThrow(() -> ChengxinException.notFound("EXCHANGE_DELIVERY_NOT_FOUND", "没有这次文件交付"));
        if (d.fromPosition() < feed.horizon()) {
            throw ChengxinException.conflict("EXCHANGE_DELIVERY_PRUNED", "这次交付的部分变更已超过保留期限被清理，无法重新交付");
        }
        return write(actor, d.fromPosition(), d.toPosition(), DAY.format(LocalDate.now(clock)) + "-R" + d.id(), d.id());
    }

    private Delivery write(Actor actor, long from, long to, String name, Long resentOf) {
        leftovers();
        Path target = free(name);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Instant now = Instant.now(clock);
        try {
            Files.createDirectories(partial);
            Written written = writeFiles(partial, from, to);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("platform", contents.regionCode());
            manifest.put("recipient", recipient);
            manifest.put("fromPosition", from);
            manifest.put("toPosition", to);
            manifest.put("changes", written.changes());
            manifest.put("withdrawn", written.withdrawn());
            manifest.put("generatedAt", NationalColumns.time(now));
            manifest.put("encoding", encoding.name());
            manifest.put("resentOf", resentOf);
            manifest.put("files", written.files());
            byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            Files.write(partial.resolve("manifest.json"), manifestBytes);
            String manifestSum = sha256(manifestBytes);
            StringBuilder sums = new StringBuilder();
            for (Map<String, Object> f : written.files()) {
                sums.append(f.get("sha256")).append("  ").append(f.get("name")).append('\n');
            }
            sums.append(manifestSum).append("  manifest.json\n");
            Files.writeString(partial.resolve("SHA256SUMS"), sums.toString());
            ownerOnly(partial);
            move(partial, target);
            Delivery d = transactions.execute(tx -> {
                long id = jdbc.sql("""
                        insert into exchange_delivery (channel, recipient, from_position, to_position, changes, withdrawn, location,
                            manifest_sha256, delivered_at, resent_of)
                        values ('FILE', :r, :from, :to, :n, :w, :loc, :sum, :at, :of) returning id""")
                        .param("r", recipient).param("from", from).param("to", to).param("n", written.changes())
                        .param("w", written.withdrawn()).param("loc", target.toString()).param("sum", manifestSum)
                        .param("at", Timestamp.from(now)).param("of", resentOf).query(Long.class).single();
                events.publishEvent(AuditEvent.of(actor, now, resentOf == null ? "exchange.export" : "exchange.resend", null,
                        "向上级信用平台交换公共信用信息", AuditOutcome.SUCCESS, (resentOf == null ? "" : "重新交付第 " + resentOf + " 次交付：")
                                + "交换文件 " + target.getFileName() + "，变更 " + written.changes() + " 条（第 " + (from + 1) + " 至 " + to
                                + " 号，其中撤回 " + written.withdrawn() + " 条）"));
                return find(id).orElseThrow();
            });
            log.info("交换文件已写出：{}（变更 {} 条）", target, written.changes());
            return d;
        } catch (IOException e) {
            deleteQuietly(partial);
            throw ChengxinException.unavailable("EXCHANGE_EXPORT_FAILED", "交换文件写出失败（" + e.getClass().getSimpleName() + "），请检查交换目录的空间和权限");
        }
    }

    private record Written(int changes, int withdrawn, List<Map<String, Object>> files) {
    }

    private Written writeFiles(Path dir, long from, long to) throws IOException {
        Map<Shared, CsvFile> csv = new EnumMap<>(Shared.class);
        Map<Shared, Sheet> sheets = new EnumMap<>(Shared.class);
        Map<Shared, Integer> rows = new EnumMap<>(Shared.class);
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        book.setCompressTempFiles(true);
        int changes = 0;
        int withdrawn = 0;
        try {
            for (Shared s : Shared.values()) {
                csv.put(s, new CsvFile(dir.resolve(s.fileName() + ".csv"), encoding, NationalColumns.header(s)));
                Sheet sheet = book.createSheet(s.label());
                Row header = sheet.createRow(0);
                List<String> columns = NationalColumns.header(s);
                for (int i = 0; i < columns.size(); i++) {
                    header.createCell(i).setCellValue(columns.get(i));
                }
                sheet.createFreezePane(0, 1);
                sheets.put(s, sheet);
                rows.put(s, 0);
            }
            long position = from;
            while (position < to) {
                long after = position;
                List<DeliveredChange> page = transactions.execute(tx -> contents.deliver(feed.between(after, to, PAGE)));
                if (page.isEmpty()) {
                    break;
                }
                for (DeliveredChange c : page) {
                    List<String> values = NationalColumns.row(c);
                    csv.get(c.shared()).print(values);
                    int n = rows.merge(c.shared(), 1, Integer::sum);
                    Row row = sheets.get(c.shared()).createRow(n);
                    for (int i = 0; i < values.size(); i++) {
                        row.createCell(i).setCellValue(values.get(i));
                    }
                    changes++;
                    withdrawn += c.withdrawn() ? 1 : 0;
                }
                position = page.get(page.size() - 1).position();
            }
            List<Map<String, Object>> files = new ArrayList<>();
            for (Shared s : Shared.values()) {
                CsvFile f = csv.get(s);
                files.add(file(f.path().getFileName().toString(), s.name(), rows.get(s), f.close()));
            }
            Path xlsx = dir.resolve("changes.xlsx");
            String xlsxSum;
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                DigestOutputStream digest = new DigestOutputStream(out, sha256());
                book.write(digest);
                digest.flush();
                xlsxSum = HexFormat.of().formatHex(digest.getMessageDigest().digest());
            }
            files.add(file("changes.xlsx", "ALL", changes, xlsxSum));
            return new Written(changes, withdrawn, files);
        } finally {
            for (CsvFile f : csv.values()) {
                f.closeQuietly();
            }
            book.dispose();
            book.close();
        }
    }

    private static Map<String, Object> file(String name, String kind, int rows, String sha256) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("kind", kind);
        f.put("rows", rows);
        f.put("sha256", sha256);
        return f;
    }

    /** One CSV file being written, its SHA-256 computed as it is written. */
    private static final class CsvFile {
        private final Path path;
        private final DigestOutputStream digest;
        private final CSVPrinter printer;
        private String sum;

        CsvFile(Path path, Charset encoding, List<String> header) throws IOException {
            this.path = path;
            this.digest = new DigestOutputStream(Files.newOutputStream(path), sha256());
            Writer writer = new OutputStreamWriter(digest, encoding);
            this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
        }

        Path path() {
            return path;
        }

        void print(List<String> values) throws IOException {
            printer.printRecord(values);
        }

        String close() throws IOException {
            printer.close(true);
            sum = HexFormat.of().formatHex(digest.getMessageDigest().digest());
            return sum;
        }

        void closeQuietly() {
            if (sum == null) {
                try {
                    printer.close();
                } catch (IOException e) {
                    log.debug("关闭交换文件失败", e);
                }
            }
        }
    }

    /** Marks the file deliveries whose directory holds the exchange server's {@code ACK}; returns how many. */
    public int acknowledged() {
        List<Delivery> open = jdbc.sql("select * from exchange_delivery where channel = 'FILE' and acknowledged_at is null")
                .query(this::map).list();
        int n = 0;
        for (Delivery d : open) {
            if (d.location() != null && Files.exists(Path.of(d.location()).resolve(ACK))) {
                n += jdbc.sql("update exchange_delivery set acknowledged_at = :at where id = :id and acknowledged_at is null")
                        .param("at", Timestamp.from(Instant.now(clock))).param("id", d.id()).update();
            }
        }
        return n;
    }

    /**
     * Removes the changes older than the retention (and delivered: never one the export has not reached yet) and moves
     * the horizon past them; returns how many.
     */
    public int prune() {
        return transactions.execute(tx -> {
            Instant before = Instant.now(clock).minus(retention);
            Long exported = jdbc.sql("select max(to_position) from exchange_delivery where channel = 'FILE' and resent_of is null")
                    .query(Long.class).single();
            if (exported == null) {
                return 0;
            }
            Long through = jdbc.sql("select max(position) from exchange_change where position <= :e and occurred_at < :before")
                    .param("e", exported).param("before", Timestamp.from(before)).query(Long.class).single();
            if (through == null) {
                return 0;
            }
            jdbc.sql("update exchange_horizon set pruned_through = greatest(pruned_through, :p)").param("p", through).update();
            return jdbc.sql("delete from exchange_change where position <= :p").param("p", through).update();
        });
    }

    public List<Delivery> recent(int limit) {
        return jdbc.sql("select * from exchange_delivery order by id desc limit :n").param("n", limit).query(this::map).list();
    }

    public Optional<Delivery> find(long id) {
        return jdbc.sql("select * from exchange_delivery where id = :id").param("id", id).query(this::map).optional();
    }

    /** What waits: the changes after the last file export (for the administrator's page). */
    public long waitingForExport() {
        return jdbc.sql("""
                select count(*) from exchange_change where position is null or position > coalesce((select max(to_position)
                    from exchange_delivery where channel = 'FILE' and resent_of is null), (select pruned_through from exchange_horizon))""")
                .query(Long.class).single();
    }

    private Delivery map(ResultSet rs, int i) throws SQLException {
        Timestamp ack = rs.getTimestamp("acknowledged_at");
        return new Delivery(rs.getLong("id"), rs.getString("channel"), rs.getString("recipient"), rs.getLong("from_position"),
                rs.getLong("to_position"), rs.getInt("changes"), rs.getInt("withdrawn"), rs.getString("location"),
                rs.getString("manifest_sha256"), rs.getTimestamp("delivered_at").toInstant(), ack == null ? null : ack.toInstant(),
                (Long) rs.getObject("resent_of"));
    }

    private Path free(String name) {
        Path p = directory.resolve(name);
        for (int n = 2; Files.exists(p) || Files.exists(p.resolveSibling(p.getFileName() + ".partial")); n++) {
            p = directory.resolve(name + "-" + n);
        }
        return p;
    }

    /**
     * The files hold full ID numbers: readable by the platform's own account only (the exchange server collects them as that
     * account, or the operator widens it for the exchange server's group on purpose). Where the file system has no POSIX
     * permissions the directory's own protection applies.
     */
    private static void ownerOnly(Path dir) throws IOException {
        try {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                }
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            log.debug("交换目录所在的文件系统不支持 POSIX 权限：{}", dir);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Removes what an export stopped half-way left (a stop, a crash, a full disk): a {@code .partial} directory is never a
     * delivery, and its changes are written again by the next export, which starts after the last delivery logged.
     */
    private void leftovers() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var dirs = Files.list(directory)) {
            dirs.filter(d -> d.getFileName().toString().endsWith(".partial")).forEach(d -> {
                log.warn("删除上次未写完的交换目录 {}", d);
                deleteQuietly(d);
            });
        } catch (IOException e) {
            log.warn("未能检查交换目录 {}", directory);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("未能清理未写完的交换目录 {}", dir);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }
}
