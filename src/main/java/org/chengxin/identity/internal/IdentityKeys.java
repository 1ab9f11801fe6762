package org.chengxin.identity.internal;

import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The identity module's keys: SM4 data keys by key id (one active for new ciphertexts, the
 * others kept to read older ones, which is how keys rotate) and the blind-index key.
 */
public final class IdentityKeys {

    private final Map<String, byte[]> dataKeys;
    private final String activeKeyId;
    private final byte[] blindIndexKey;

    IdentityKeys(Map<String, byte[]> dataKeys, String activeKeyId, byte[] blindIndexKey) {
        if (!dataKeys.containsKey(activeKeyId)) {
            throw new IllegalStateException("当前 SM4 密钥标识 " + activeKeyId + " 不在密钥列表中");
        }
        dataKeys.forEach((id, key) -> {
            if (key.length != 16) {
                throw new IllegalStateException("SM4 密钥 " + id + " 应为 16 字节（32 个十六进制字符）");
            }
        });
        if (blindIndexKey.length < 32) {
            throw new IllegalStateException("盲索引密钥至少应为 32 字节（64 个十六进制字符）");
        }
        this.dataKeys = Collections.unmodifiableMap(new LinkedHashMap<>(dataKeys));
        this.activeKeyId = activeKeyId;
        this.blindIndexKey = blindIndexKey.clone();
    }

    /** Parses {@code k1:00112233...,k2:...}. */
    static IdentityKeys parse(String dataKeys, String activeKeyId, String blindIndexKeyHex) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : dataKeys.split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts.length != 2) {
                throw new IllegalStateException("SM4 密钥格式应为 “标识:十六进制密钥”，多个以逗号分隔");
            }
            keys.put(parts[0].trim(), HexFormat.of().parseHex(parts[1].trim()));
        }
        return new IdentityKeys(keys, activeKeyId.trim(), HexFormat.of().parseHex(blindIndexKeyHex.trim()));
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public byte[] activeKey() {
        return dataKeys.get(activeKeyId);
    }

    public byte[] key(String keyId) {
        byte[] key = dataKeys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("找不到 SM4 密钥 " + keyId + "：轮换后旧密钥仍须保留以解密旧数据");
        }
        return key;
    }

    /** Key ids kept only to read older ciphertexts. */
    public Set<String> retiredKeyIds() {
        Set<String> ids = new TreeSet<>(dataKeys.keySet());
        ids.remove(activeKeyId);
        return ids;
    }

    public byte[] blindIndexKey() {
        return blindIndexKey;
    }
}
