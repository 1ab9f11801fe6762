package org.chengxin.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chengxin.ChengxinApplication;
import org.chengxin.shared.security.SecondFactorPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** The prod profile refuses to start half-configured and names what is missing. */
class ProductionSettingsCheckTests {

    private final ProductionSettingsCheck check = new ProductionSettingsCheck();

    @Test
    void prodWithoutItsVariablesRefusesAndNamesThem() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        env.setProperty("CHENGXIN_DB_URL", "jdbc:postgresql://db/chengxin");

        assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("拒绝启动")
                .hasMessageContaining("CHENGXIN_SM4_KEYS")
                .hasMessageContaining("CHENGXIN_JWT_SIGNING_KEY")
                .hasMessageContaining("CHENGXIN_ISSUER")
                .hasMessageNotContaining("CHENGXIN_DB_URL,");
    }

    @Test
    void prodWithEverythingSetStarts() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        ProductionSettingsCheck.REQUIRED.forEach(name -> env.setProperty(name, "x"));

        assertThatCode(() -> check.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void prodRefusesToLetAdministratorsLogInWithAPasswordAlone() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        ProductionSettingsCheck.REQUIRED.forEach(name -> env.setProperty(name, "x"));
        env.setProperty(SecondFactorPolicy.PROPERTY, "AUDITOR,REVIEWER");

        assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("拒绝启动").hasMessageContaining("ADMIN");

        env.setProperty(SecondFactorPolicy.PROPERTY, "");
        assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication())).hasMessageContaining("ADMIN");

        env.setProperty(SecondFactorPolicy.PROPERTY, "SYSTEM_ADMIN,SECURITY_ADMIN");
        assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication())).hasMessageContaining("AUDIT_ADMIN");

        env.setProperty(SecondFactorPolicy.PROPERTY, "SYSTEM_ADMIN,SECURITY_ADMIN,AUDIT_ADMIN");
        assertThatCode(() -> check.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void outsideProdTheSecondFactorMayBeSwitchedOffForAnyRole() {
        MockEnvironment env = new MockEnvironment();
        env.setProperty(SecondFactorPolicy.PROPERTY, "");

        assertThatCode(() -> check.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void withoutTheProdProfileNothingIsRequired() {
        assertThatCode(() -> check.postProcessEnvironment(new MockEnvironment(), new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void theApplicationItselfRefusesToStartInProdWithoutConfiguration() {
        String[] blank = ProductionSettingsCheck.REQUIRED.stream().map(name -> "--" + name + "=").toArray(String[]::new);
        assertThatThrownBy(() -> new SpringApplicationBuilder(ChengxinApplication.class).profiles("prod").run(blank))
                .hasMessageContaining("CHENGXIN_DB_URL");
    }
}
