package org.chengxin.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HMAC-SM3 under its own key: equal values give equal indexes, and nothing can be read back. Bulk
 * ingestion computes one per row, so each thread keeps an initialized MAC for the key it last used
 * (the key schedule is the costly part; {@code doFinal} resets the MAC to that state).
 */
public final class BlindIndex {

    private static final ThreadLocal<Keyed> MACS = new ThreadLocal<>();

    private record Keyed(byte[] key, HMac mac) {
    }

    private BlindIndex() {
    }

    public static byte[] of(byte[] key, String purpose, String value) {
        HMac mac = macFor(key);
        byte[] p = (purpose + '\u0000' + value).getBytes(StandardCharsets.UTF_8);
        mac.update(p, 0, p.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    private static HMac macFor(byte[] key) {
        Keyed keyed = MACS.get();
        if (keyed == null || !Arrays.equals(keyed.key(), key)) {
            HMac mac = new HMac(new SM3Digest());
            mac.init(new KeyParameter(key));
            keyed = new Keyed(key.clone(), mac);
            MACS.set(keyed);
        }
        return keyed.mac();
    }
}
