package org.chengxin.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 in GCM mode (authenticated): a random 96-bit nonce per message, a 128-bit tag, and the
 * purpose of the value bound in as associated data so a ciphertext cannot be moved to another
 * column. Output: nonce || ciphertext || tag.
 */
public final class Sm4Gcm {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm4Gcm() {
    }

    public static byte[] encrypt(byte[] key, String purpose, String plaintext) {
        return encryptBytes(key, purpose, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public static String decrypt(byte[] key, String purpose, byte[] message) {
        return new String(decryptBytes(key, purpose, message), StandardCharsets.UTF_8);
    }

    static byte[] encryptBytes(byte[] key, String purpose, byte[] input) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        GCMModeCipher cipher = cipher(true, key, nonce, purpose);
        byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(input.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int n = cipher.processBytes(input, 0, input.length, out, NONCE_BYTES);
        try {
            cipher.doFinal(out, NONCE_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4 加密失败", e);
        }
        return out;
    }

    static byte[] decryptBytes(byte[] key, String purpose, byte[] message) {
        if (message.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("密文长度不正确");
        }
        byte[] nonce = Arrays.copyOfRange(message, 0, NONCE_BYTES);
        GCMModeCipher cipher = cipher(false, key, nonce, purpose);
        byte[] out = new byte[cipher.getOutputSize(message.length - NONCE_BYTES)];
        int n = cipher.processBytes(message, NONCE_BYTES, message.length - NONCE_BYTES, out, 0);
        try {
            n += cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4 解密失败：密文被篡改或密钥不符", e);
        }
        return Arrays.copyOf(out, n);
    }

    private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] nonce, String purpose) {
        // the basic multiplier: building GCM's 4 KB tables would cost more than the 18-byte messages it encrypts
        GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine(), new BasicGCMMultiplier());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce,
                purpose.getBytes(StandardCharsets.UTF_8)));
        return cipher;
    }
}
