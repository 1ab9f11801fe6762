package org.chengxin.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The hash of one link: HMAC-SM3 over the previous hash and every field of the entry, in a fixed
 * order. The key lives outside the database, so someone who can rewrite the table (and switch off
 * its append-only trigger) still cannot forge a chain that verifies.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001F';

    private final byte[] key;

    ChainHash(byte[] key) {
        if (key.length < 32) {
            throw new IllegalStateException("审计链密钥至少应为 32 字节（64 个十六进制字符）");
        }
        this.key = key.clone();
    }

    String of(String previousHash, StoredEntry e) {
        StringBuilder s = new StringBuilder(256).append(previousHash);
        for (Object field : new Object[] {e.seq(), e.eventId(), e.occurredAt(), e.recordedAt(), e.actor(), e.role(),
                e.department(), e.action(), e.subjectHex(), e.purpose(), e.outcome(), e.detail()}) {
            s.append(SEPARATOR).append(field == null ? "" : field.toString());
        }
        return mac(s.toString());
    }

    /** HMAC-SM3 of fields joined in their order: an archive's anchor and manifest are signed with the chain's key. */
    String sign(Object... fields) {
        StringBuilder s = new StringBuilder(256).append("archive");
        for (Object field : fields) {
            s.append(SEPARATOR).append(field == null ? "" : field.toString());
        }
        return mac(s.toString());
    }

    private String mac(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
