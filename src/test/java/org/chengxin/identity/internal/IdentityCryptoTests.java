package org.chengxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** SM4-GCM encryption, the HMAC-SM3 blind index and key rotation. */
class IdentityCryptoTests {

    private static final byte[] KEY = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
    private static final byte[] OTHER_KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    private static final String BLIND = "00".repeat(16) + "11".repeat(16);

    @Test
    void sm4EngineMatchesTheStandardsTestVector() {
        // GB/T 32907-2016, appendix A, example 1
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(KEY));
        byte[] out = new byte[16];
        engine.processBlock(KEY, 0, out, 0);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void encryptsAndDecryptsWithARandomNonce() {
        byte[] first = Sm4Gcm.encrypt(KEY, "p", "430602199001011235");
        byte[] second = Sm4Gcm.encrypt(KEY, "p", "430602199001011235");

        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("430602");
        assertThat(Sm4Gcm.decrypt(KEY, "p", first)).isEqualTo("430602199001011235");
        assertThat(Sm4Gcm.decrypt(KEY, "p", second)).isEqualTo("430602199001011235");
    }

    @Test
    void detectsTamperingAWrongKeyOrAnotherPurpose() {
        byte[] cipher = Sm4Gcm.encrypt(KEY, "identity.subject.id-number", "湘测试");
        byte[] tampered = cipher.clone();
        tampered[15] ^= 1;

        assertThatThrownBy(() -> Sm4Gcm.decrypt(KEY, "identity.subject.id-number", tampered)).hasMessageContaining("篡改");
        assertThatThrownBy(() -> Sm4Gcm.decrypt(OTHER_KEY, "identity.subject.id-number", cipher)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Sm4Gcm.decrypt(KEY, "identity.resident.name", cipher)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Sm4Gcm.decrypt(KEY, "p", new byte[5])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blindIndexIsDeterministicAndDependsOnKeyAndPurpose() {
        byte[] key = HexFormat.of().parseHex(BLIND);
        byte[] a = BlindIndex.of(key, "id", "430602199001011235");

        assertThat(a).hasSize(32).isEqualTo(BlindIndex.of(key, "id", "430602199001011235"));
        assertThat(a).isNotEqualTo(BlindIndex.of(key, "id", "430681198512154562"));
        assertThat(a).isNotEqualTo(BlindIndex.of(key, "name", "430602199001011235"));
        assertThat(a).isNotEqualTo(BlindIndex.of(HexFormat.of().parseHex("22".repeat(32)), "id", "430602199001011235"));
    }

    @Test
    void rotationKeepsOldKeysReadableAndEncryptsWithTheNewOne() {
        IdentityKeys before = IdentityKeys.parse("k1:" + HexFormat.of().formatHex(KEY), "k1", BLIND);
        byte[] old = Sm4Gcm.encrypt(before.activeKey(), "p", "旧数据");

        IdentityKeys after = IdentityKeys.parse("k1:" + HexFormat.of().formatHex(KEY) + ", k2:" + HexFormat.of().formatHex(OTHER_KEY), "k2", BLIND);

        assertThat(after.activeKeyId()).isEqualTo("k2");
        assertThat(Sm4Gcm.decrypt(after.key("k1"), "p", old)).isEqualTo("旧数据");
        assertThat(after.activeKey()).isEqualTo(OTHER_KEY);
    }

    @Test
    void refusesBadKeyConfiguration() {
        assertThatThrownBy(() -> IdentityKeys.parse("k1:0011", "k1", BLIND)).hasMessageContaining("16 字节");
        assertThatThrownBy(() -> IdentityKeys.parse("k1:" + HexFormat.of().formatHex(KEY), "k9", BLIND)).hasMessageContaining("k9");
        assertThatThrownBy(() -> IdentityKeys.parse("k1:" + HexFormat.of().formatHex(KEY), "k1", "0011")).hasMessageContaining("盲索引");
        assertThatThrownBy(() -> IdentityKeys.parse("nonsense", "k1", BLIND)).hasMessageContaining("格式");
        IdentityKeys keys = IdentityKeys.parse("k1:" + HexFormat.of().formatHex(KEY), "k1", BLIND);
        assertThatThrownBy(() -> keys.key("k0")).hasMessageContaining("k0");
    }
}
