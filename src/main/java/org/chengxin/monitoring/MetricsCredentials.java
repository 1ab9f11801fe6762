package org.chengxin.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The one account of the metrics endpoint: {@code chengxin.metrics.username} and {@code chengxin.metrics.password}
 * (in production CHENGXIN_METRICS_USERNAME and CHENGXIN_METRICS_PASSWORD, required, the password at least 16
 * characters). Outside production a password left blank is generated once into {@code <data-dir>/keys/metrics-password}.
 * Compared in constant time; no person's account can read the metrics, and these credentials open nothing else. Not an
 * {@code AuthenticationProvider} bean: one would become the global provider and replace the people's login.
 */
@Component
class MetricsCredentials {

    private static final Logger log = LoggerFactory.getLogger(MetricsCredentials.class);
    static final int MIN_PRODUCTION_LENGTH = 16;

    private final String username;
    private final byte[] usernameDigest;
    private final byte[] passwordDigest;

    MetricsCredentials(@Value("${chengxin.metrics.username:metrics}") String username,
            @Value("${chengxin.metrics.password:}") String password, @Value("${chengxin.data-dir}") Path dataDir, Environment env) {
        boolean production = env.acceptsProfiles(Profiles.of("prod"));
        if (username == null || username.isBlank()) {
            throw new IllegalStateException("监控接口账号 chengxin.metrics.username 不能为空");
        }
        if (password == null || password.isBlank()) {
            if (production) {
                throw new IllegalStateException("生产模式必须配置 CHENGXIN_METRICS_PASSWORD（监控接口 /actuator/prometheus 的密码）");
            }
            Path file = dataDir.resolve("keys").resolve("metrics-password");
            password = loadOrGenerate(file);
            log.info("监控接口 /actuator/prometheus：账号 {}，密码见 {}（生产模式由 CHENGXIN_METRICS_PASSWORD 配置）", username.strip(), file);
        } else if (production && password.length() < MIN_PRODUCTION_LENGTH) {
            throw new IllegalStateException("生产模式的监控接口密码 CHENGXIN_METRICS_PASSWORD 至少应有 " + MIN_PRODUCTION_LENGTH + " 个字符");
        }
        this.username = username.strip();
        this.usernameDigest = sha256(this.username);
        this.passwordDigest = sha256(password);
    }

    String username() {
        return username;
    }

    /** Whether the name and password are the metrics account's, compared in constant time. */
    boolean matches(String name, String password) {
        boolean nameMatches = MessageDigest.isEqual(usernameDigest, sha256(name == null ? "" : name));
        boolean passwordMatches = MessageDigest.isEqual(passwordDigest, sha256(password == null ? "" : password));
        return nameMatches & passwordMatches;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String generated = HexFormat.of().formatHex(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection has to do
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取或生成监控接口密码 " + file, e);
        }
    }
}
