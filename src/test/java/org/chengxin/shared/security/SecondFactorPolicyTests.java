package org.chengxin.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecondFactorPolicyTests {

    @Test
    void theDefaultAsksItOfAdministratorsAuditorsAndReviewersOnly() {
        SecondFactorPolicy policy = SecondFactorPolicy.of(SecondFactorPolicy.DEFAULT);

        assertThat(policy.requires(Role.SYSTEM_ADMIN)).isTrue();
        assertThat(policy.requires(Role.SECURITY_ADMIN)).isTrue();
        assertThat(policy.requires(Role.AUDIT_ADMIN)).isTrue();
        assertThat(policy.requires(Role.AUDITOR)).isTrue();
        assertThat(policy.requires(Role.REVIEWER)).isTrue();
        assertThat(policy.requires(Role.CLERK)).isFalse();
        assertThat(policy.requires(Role.DATA_OFFICER)).isFalse();
        assertThat(policy.administratorsWithoutSecondFactor()).isEmpty();
    }

    @Test
    void otherRolesCanBeAddedAndABlankListAsksNobody() {
        assertThat(SecondFactorPolicy.of(" clerk , SYSTEM_ADMIN").requires(Role.CLERK)).isTrue();
        assertThat(SecondFactorPolicy.of("").requiredRoles()).isEmpty();
        assertThat(SecondFactorPolicy.of("").administratorsWithoutSecondFactor())
                .containsExactlyInAnyOrder(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);
        assertThat(SecondFactorPolicy.of("SYSTEM_ADMIN,AUDIT_ADMIN").administratorsWithoutSecondFactor()).containsExactly(Role.SECURITY_ADMIN);
    }

    @Test
    void aNameThatIsNoStaffRoleIsRefusedNotIgnored() {
        assertThatThrownBy(() -> SecondFactorPolicy.of("SYSTEM_ADMIN,AUDITER")).hasMessageContaining("AUDITER");
        assertThatThrownBy(() -> SecondFactorPolicy.of("CITIZEN")).hasMessageContaining("CITIZEN");
    }
}
