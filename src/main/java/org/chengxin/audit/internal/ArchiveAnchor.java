package org.chengxin.audit.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an archive of the trail's old part leaves behind: the range of entries it holds, the hash before its first
 * entry and the hash of its last (where the table's chain goes on), its file and the file's SM3 digest, signed with
 * HMAC-SM3 under the chain's key. The same lines are the file's manifest, so an archive can be checked on its own.
 */
record ArchiveAnchor(long fromSeq, long throughSeq, long entries, String prevHash, String lastHash, String fileName,
        String fileSm3, Instant archivedAt, String mac) {

    static ArchiveAnchor signed(long fromSeq, long throughSeq, String prevHash, String lastHash, String fileName,
            String fileSm3, Instant archivedAt, ChainHash chainHash) {
        Instant at = StoredEntry.micros(archivedAt);
        long entries = throughSeq - fromSeq + 1;
        return new ArchiveAnchor(fromSeq, throughSeq, entries, prevHash, lastHash, fileName, fileSm3, at,
                chainHash.sign(fromSeq, throughSeq, entries, prevHash, lastHash, fileName, fileSm3, at));
    }

    /** Whether the anchor is as the archiver signed it (nobody without the key changed or made it). */
    boolean verifies(ChainHash chainHash) {
        return mac.equals(chainHash.sign(fromSeq, throughSeq, entries, prevHash, lastHash, fileName, fileSm3, archivedAt));
    }

    /** The manifest beside the archive's file: one {@code key=value} a line. */
    String manifest() {
        StringBuilder out = new StringBuilder("# 审计日志归档清单 (audit trail archive manifest)\n");
        fields().forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }

    static ArchiveAnchor ofManifest(String text) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                f.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        try {
            return new ArchiveAnchor(Long.parseLong(f.get("from_seq")), Long.parseLong(f.get("through_seq")),
                    Long.parseLong(f.get("entries")), f.get("prev_hash"), f.get("last_hash"), f.get("file"),
                    f.get("file_sm3"), Instant.parse(f.get("archived_at")), f.get("mac"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("归档清单不完整或格式不对", e);
        }
    }

    private Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("from_seq", fromSeq);
        f.put("through_seq", throughSeq);
        f.put("entries", entries);
        f.put("prev_hash", prevHash);
        f.put("last_hash", lastHash);
        f.put("file", fileName);
        f.put("file_sm3", fileSm3);
        f.put("archived_at", archivedAt);
        f.put("mac", mac);
        return f;
    }

    /**
     * Where the table's chain starts: after the last of the anchors, each signed, the first from the genesis and each
     * next from where the one before ended. A forged, altered or missing anchor is a break.
     */
    static Start startOf(List<ArchiveAnchor> anchors, ChainHash chainHash) {
        long seq = 0;
        String hash = ChainHash.GENESIS;
        for (ArchiveAnchor a : anchors) {
            if (!a.verifies(chainHash)) {
                return Start.broken(a.fromSeq(), "第 " + a.fromSeq() + "–" + a.throughSeq() + " 条的归档锚点签名不符（锚点被篡改或伪造）");
            }
            if (a.fromSeq() != seq + 1 || !a.prevHash().equals(hash)) {
                return Start.broken(seq + 1, "归档锚点不连续：第 " + (seq + 1) + " 条起的归档缺失或被篡改");
            }
            seq = a.throughSeq();
            hash = a.lastHash();
        }
        return new Start(seq, hash, anchors.stream().mapToLong(ArchiveAnchor::entries).sum(), null, null);
    }

    /** The sequence number and hash the table's chain goes on from, how many entries are archived, or the break. */
    record Start(long seq, String hash, long archived, Long brokenAt, String reason) {
        static Start broken(long seq, String reason) {
            return new Start(0, null, 0, seq, reason);
        }
    }
}
