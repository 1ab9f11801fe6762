package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTests {

    @Test
    void twelveCharactersOfThreeKindsAreTheLeast() {
        assertThat(PasswordRules.problem("Kx7-mqr2-Lv")).isEqualTo("密码至少12位");
        assertThat(PasswordRules.problem("Kx7-mqr2-Lv9")).isNull();
        assertThat(PasswordRules.problem("kxmqrlvtwpzs")).contains("至少三种");
        assertThat(PasswordRules.problem("kx7mqr2lv9tw")).contains("至少三种");
        assertThat(PasswordRules.problem("kx7-mqr2-lv9")).isNull();
        assertThat(PasswordRules.problem(null)).isEqualTo("密码至少12位");
    }

    @Test
    void aCommonPasswordOrACommonWordDressedInDigitsAndSignsIsRefused() {
        assertThat(PasswordRules.problem("P@ssw0rd1234")).contains("过于常见");
        assertThat(PasswordRules.problem("Password@2024")).contains("过于常见");
        assertThat(PasswordRules.problem("!Qwerty123456")).contains("过于常见");
        assertThat(PasswordRules.problem("Woaini1314520")).contains("过于常见");
        assertThat(PasswordRules.problem("1qaz2wsx3EDC")).contains("过于常见");
        assertThat(PasswordRules.problem("Admin@123456")).contains("过于常见");
    }

    @Test
    void aPasswordThatOnlyContainsACommonWordIsAllowed() {
        assertThat(PasswordRules.problem("Test-Passw0rd")).isNull();
        assertThat(PasswordRules.problem("Chengxin2026")).as("the demo's documented password").isNull();
    }
}
