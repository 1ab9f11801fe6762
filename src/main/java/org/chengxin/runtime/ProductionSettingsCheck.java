package org.chengxin.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.chengxin.shared.security.Role;
import org.chengxin.shared.security.SecondFactorPolicy;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The {@code prod} profile refuses to start half-configured: the database and every key must come
 * from the environment. Nothing falls back to the embedded store or to generated keys. Nor may the
 * administrators log in with a password alone ({@link SecondFactorPolicy}).
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor {

    static final List<String> REQUIRED = List.of(
            "CHENGXIN_DB_URL", "CHENGXIN_DB_USER", "CHENGXIN_DB_PASSWORD",
            "CHENGXIN_SM4_KEYS", "CHENGXIN_SM4_ACTIVE_KEY", "CHENGXIN_BLIND_INDEX_KEY",
            "CHENGXIN_JWT_SIGNING_KEY", "CHENGXIN_AUDIT_CHAIN_KEY", "CHENGXIN_ISSUER",
            "CHENGXIN_METRICS_USERNAME", "CHENGXIN_METRICS_PASSWORD");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            String value = environment.getProperty(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("生产模式（prod）缺少必需的环境变量，拒绝启动: " + missing
                    + ". The prod profile needs these environment variables (see docs/operations.md): " + missing);
        }
        String roles = environment.getProperty(SecondFactorPolicy.PROPERTY, SecondFactorPolicy.DEFAULT);
        List<String> exposed = SecondFactorPolicy.of(roles).administratorsWithoutSecondFactor().stream().map(Role::name).sorted().toList();
        if (!exposed.isEmpty()) {
            throw new IllegalStateException("生产模式（prod）下管理员必须使用双因素登录，拒绝启动: " + SecondFactorPolicy.PROPERTY
                    + " 缺少 " + exposed + ". In production administrators must use a second factor: add " + exposed
                    + " to " + SecondFactorPolicy.PROPERTY);
        }
    }
}
