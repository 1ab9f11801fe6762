package org.chengxin.identity.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Keys come from configuration ({@code chengxin.crypto.*}, in production the CHENGXIN_* environment
 * variables). Outside production, missing keys are generated once and kept in the data directory.
 */
@Configuration(proxyBeanMethods = false)
class IdentityKeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityKeysConfiguration.class);
    private static final String FILE = "identity-keys.properties";

    @Bean
    IdentityKeys identityKeys(Environment env, @Value("${chengxin.data-dir}") Path dataDir) {
        String dataKeys = env.getProperty("chengxin.crypto.sm4-keys", "");
        String active = env.getProperty("chengxin.crypto.sm4-active-key", "");
        String blind = env.getProperty("chengxin.crypto.blind-index-key", "");
        if (!dataKeys.isBlank() && !active.isBlank() && !blind.isBlank()) {
            return IdentityKeys.parse(dataKeys, active, blind);
        }
        if (!dataKeys.isBlank() || !active.isBlank() || !blind.isBlank()) {
            throw new IllegalStateException("身份数据密钥配置不完整：chengxin.crypto.sm4-keys、sm4-active-key 和 blind-index-key 须同时配置");
        }
        if (env.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("生产模式必须配置 CHENGXIN_SM4_KEYS、CHENGXIN_SM4_ACTIVE_KEY 和 CHENGXIN_BLIND_INDEX_KEY");
        }
        Properties keys = loadOrGenerate(dataDir.resolve("keys").resolve(FILE));
        return IdentityKeys.parse(keys.getProperty("sm4-keys"), keys.getProperty("sm4-active-key"),
                keys.getProperty("blind-index-key"));
    }

    private static Properties loadOrGenerate(Path file) {
        Properties keys = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    keys.load(in);
                }
                return keys;
            }
            SecureRandom random = new SecureRandom();
            byte[] sm4 = new byte[16];
            byte[] blind = new byte[32];
            random.nextBytes(sm4);
            random.nextBytes(blind);
            keys.setProperty("sm4-keys", "k1:" + HexFormat.of().formatHex(sm4));
            keys.setProperty("sm4-active-key", "k1");
            keys.setProperty("blind-index-key", HexFormat.of().formatHex(blind));
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                keys.store(out, "Chengxin identity keys, generated for the embedded mode. Keep secret; losing them loses the data.");
            }
            restrict(file);
            log.info("已为嵌入式模式生成身份数据密钥：{}", file);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取或生成密钥文件 " + file, e);
        }
    }

    static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("无法限制密钥文件权限: {}", e.getMessage());
        }
    }
}
