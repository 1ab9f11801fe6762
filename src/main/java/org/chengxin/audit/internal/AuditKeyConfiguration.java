package org.chengxin.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The key of the audit chain: {@code chengxin.audit.chain-key} (in production CHENGXIN_AUDIT_CHAIN_KEY),
 * outside production generated once into the data directory.
 */
@Configuration(proxyBeanMethods = false)
class AuditKeyConfiguration {

    @Bean
    ChainHash chainHash(Environment env, @Value("${chengxin.data-dir}") Path dataDir) {
        String hex = env.getProperty("chengxin.audit.chain-key", "");
        if (hex.isBlank()) {
            if (env.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("生产模式必须配置 CHENGXIN_AUDIT_CHAIN_KEY");
            }
            hex = loadOrGenerate(dataDir.resolve("keys").resolve("audit-chain-key.hex"));
        }
        try {
            return new ChainHash(HexFormat.of().parseHex(hex.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("审计链密钥应为十六进制字符串", e);
        }
    }

    private static String loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String hex = HexFormat.of().formatHex(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, hex + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection has to do
            }
            return hex;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取或生成审计链密钥 " + file, e);
        }
    }
}
