package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A department integrator checks what the platform sees in its token. */
@ChengxinIntegrationTest
class WhoAmIIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void answersTheClientItsDepartmentAndTheScopesOfTheToken() {
        Http http = new Http(port);
        String client = fixtures.apiClient("reports:read", "measures:check");
        String token = http.token(client, Fixtures.PASSWORD, "measures:check");

        Http.Response answer = http.get("/api/v1/whoami", token);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("clientId").asString()).isEqualTo(client);
        assertThat(answer.json().get("department").asString()).startsWith("dept-");
        assertThat(answer.json().get("scopes").toString()).isEqualTo("[\"measures:check\"]");
        assertThat(answer.json().get("expiresAt").isNull()).isFalse();
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        assertThat(new Http(port).get("/api/v1/whoami", null).status()).isEqualTo(401);
    }
}
