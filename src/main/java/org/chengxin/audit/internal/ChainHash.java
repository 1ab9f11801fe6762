package org.chengxin.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/** The SM3 hash of one link: the previous hash and every field of the entry, in a fixed order. */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001F';

    private ChainHash() {
    }

    static String of(String previousHash, StoredEntry e) {
        StringBuilder s = new StringBuilder(256).append(previousHash);
        for (Object field : new Object[] {e.seq(), e.eventId(), e.occurredAt(), e.recordedAt(), e.actor(), e.role(),
                e.department(), e.action(), e.subjectIndex(), e.purpose(), e.outcome(), e.detail()}) {
            s.append(SEPARATOR).append(field == null ? "" : field.toString());
        }
        byte[] input = s.toString().getBytes(StandardCharsets.UTF_8);
        SM3Digest digest = new SM3Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
