package org.chengxin.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.chengxin.shared.organization.DepartmentCode;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CurrentActorTests {

    private static Actor clientWithClaim(Object department) {
        Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "none").subject("client-x");
        if (department != null) {
            jwt.claim(CurrentActor.DEPARTMENT_CLAIM, department);
        }
        return CurrentActor.of(new JwtAuthenticationToken(jwt.build()));
    }

    @Test
    void aDepartmentSystemActsForTheDepartmentItsTokenNames() {
        Actor actor = clientWithClaim("scjg");

        assertThat(actor.department()).isEqualTo(DepartmentCode.of("scjg"));
        assertThat(actor.role()).isEqualTo(Role.API_CLIENT.name());
        assertThat(actor.name()).isEqualTo("client-x");
    }

    @Test
    void aClaimThatIsNoDepartmentCodeCountsAsNoDepartmentNeverAsAnError() {
        for (String bad : new String[] {"SCJG", "市监局", "s", "", "scjg' or '1'='1"}) {
            assertThat(clientWithClaim(bad).department()).as(bad).isNull();
        }
        assertThat(clientWithClaim(null).department()).isNull();
    }
}
