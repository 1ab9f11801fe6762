package org.chengxin.ingestion.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The source ids seen in one batch, kept as 64-bit hashes in an open-addressing table: a million
 * ids take 16 MB instead of the hundred a set of strings would, so a large file stays within a small
 * heap. Two different ids sharing a 64-bit hash would be taken as a duplicate: about one chance in
 * ten million for a batch of a million rows.
 */
final class SourceIdSet {

    private long[] table = new long[1 << 14];
    private int size;

    boolean add(String sourceId) {
        long h = hash(sourceId);
        if (h == 0) {
            h = 1;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        return insert(table, h);
    }

    private boolean insert(long[] t, long h) {
        int mask = t.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (t[i] == 0) {
                t[i] = h;
                if (t == table) {
                    size++;
                }
                return true;
            }
            if (t[i] == h) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        Arrays.stream(old).filter(h -> h != 0).forEach(h -> insert(table, h));
    }

    /** FNV-1a over the UTF-8 bytes, then mixed. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
