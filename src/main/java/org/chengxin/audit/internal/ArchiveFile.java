package org.chengxin.audit.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * An archive's file: the entries as CSV (UTF-8, a header row, the columns of {@code audit_entry}), gzip-compressed.
 * Written entry by entry while each link is checked, so a broken chain is never archived; read back the same way to
 * verify an archive against its manifest.
 */
final class ArchiveFile {

    static final String[] COLUMNS = {"seq", "event_id", "occurred_at", "recorded_at", "actor", "role", "department",
        "action", "subject_index", "purpose", "outcome", "detail", "prev_hash", "hash"};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(COLUMNS).setSkipHeaderRecord(true).get();

    private ArchiveFile() {
    }

    static String fileName(long fromSeq, long throughSeq) {
        return String.format("audit-%012d-%012d.csv.gz", fromSeq, throughSeq);
    }

    static String manifestName(String fileName) {
        return fileName.replace(".csv.gz", ".manifest");
    }

    /** The SM3 digest of a file, in hex. */
    static String sm3(Path file) {
        SM3Digest digest = new SM3Digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** A broken link met while writing or reading an archive. */
    static final class BrokenLink extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long seq;

        BrokenLink(long seq, String reason) {
            super(reason);
            this.seq = seq;
        }
    }

    /** Checks every link of a run of entries from a known sequence number and hash. */
    static final class Links {
        private final ChainHash chainHash;
        long lastSeq;
        String lastHash;
        long count;

        Links(ChainHash chainHash, long afterSeq, String afterHash) {
            this.chainHash = chainHash;
            this.lastSeq = afterSeq;
            this.lastHash = afterHash;
        }

        void next(StoredEntry e) {
            if (e.seq() != lastSeq + 1) {
                throw new BrokenLink(lastSeq + 1, "缺少第 " + (lastSeq + 1) + " 条记录（记录被删除）");
            }
            if (!e.prevHash().equals(lastHash)) {
                throw new BrokenLink(e.seq(), "第 " + e.seq() + " 条记录的前序哈希与上一条不符");
            }
            if (!chainHash.of(e.prevHash(), e).equals(e.hash())) {
                throw new BrokenLink(e.seq(), "第 " + e.seq() + " 条记录的内容与其哈希不符（记录被篡改）");
            }
            lastSeq = e.seq();
            lastHash = e.hash();
            count++;
        }
    }

    /** Writes entries into a new file, each link checked. */
    static final class Writer implements AutoCloseable {
        private final CSVPrinter csv;
        final Links links;

        Writer(Path file, Links links) throws IOException {
            OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024);
            this.csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), FORMAT.builder()
                    .setSkipHeaderRecord(false).get());
            this.links = links;
        }

        void write(StoredEntry e) throws IOException {
            links.next(e);
            csv.printRecord(e.seq(), e.eventId(), e.occurredAt(), e.recordedAt(), e.actor(), e.role(), e.department(),
                    e.action(), e.subjectHex(), e.purpose(), e.outcome(), e.detail(), e.prevHash(), e.hash());
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }

    /** Reads every entry of a file through {@code links}; throws {@link BrokenLink} at the first broken one. */
    static void read(Path file, Links links) throws IOException {
        try (Reader in = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 64 * 1024), StandardCharsets.UTF_8)) {
            for (CSVRecord r : FORMAT.parse(in)) {
                links.next(new StoredEntry(Long.parseLong(r.get("seq")), UUID.fromString(r.get("event_id")),
                        Instant.parse(r.get("occurred_at")), Instant.parse(r.get("recorded_at")), r.get("actor"),
                        emptyAsNull(r.get("role")), emptyAsNull(r.get("department")), r.get("action"),
                        emptyAsNull(r.get("subject_index")), emptyAsNull(r.get("purpose")), r.get("outcome"),
                        emptyAsNull(r.get("detail")), r.get("prev_hash"), r.get("hash")));
            }
        }
    }

    private static String emptyAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
