package org.chengxin.identity.internal;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC-SM3 under its own key: equal values give equal indexes, and nothing can be read back. */
public final class BlindIndex {

    private BlindIndex() {
    }

    public static byte[] of(byte[] key, String purpose, String value) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] p = (purpose + '\u0000' + value).getBytes(StandardCharsets.UTF_8);
        mac.update(p, 0, p.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }
}
