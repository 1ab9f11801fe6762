package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A department system, with nothing but its OAuth2 client, gets a token and calls the API. */
@ChengxinIntegrationTest
class ClientCredentialsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void departmentSystemGetsAJwtWithItsDepartmentAndCallsTheApi() throws Exception {
        String client = fixtures.apiClient("identity:validate");

        Http.Response tokenResponse = http.tokenResponse(client, Fixtures.PASSWORD, "identity:validate");
        assertThat(tokenResponse.status()).isEqualTo(200);
        String token = tokenResponse.json().get("access_token").asString();
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(client);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("department")).startsWith("dept-");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("scope")).containsExactly("identity:validate");

        Http.Response answer = http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":\"430602199001011235\"}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("valid").asBoolean()).isTrue();
        assertThat(answer.json().get("normalized").asString()).isEqualTo("430602********1235");
        assertThat(audit.count("action = 'identity.validation' and actor = ? and subject_index is not null", client)).isEqualTo(1);
        assertThat(audit.count("action = 'auth.token' and outcome = 'SUCCESS' and actor = ?", client)).isEqualTo(1);
    }

    @Test
    void wrongSecretGetsNoTokenAndTheAttemptIsAudited() {
        String client = fixtures.apiClient("identity:validate");
        Http.Response refused = http.tokenResponse(client, "wrong-secret-123", "identity:validate");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").asString()).isEqualTo("invalid_client");
        assertThat(audit.count("action = 'auth.token' and outcome = 'DENIED' and actor = ?", client)).isEqualTo(1);
    }

    @Test
    void aScopeTheClientWasNotGrantedIsRefused() {
        String client = fixtures.apiClient("reports:read");
        assertThat(http.tokenResponse(client, Fixtures.PASSWORD, "identity:validate").status()).isEqualTo(400);
    }

    @Test
    void tokenWithoutTheRightScopeIsForbiddenWithAProblemDetail() {
        String client = fixtures.apiClient("reports:read");
        String token = http.token(client, Fixtures.PASSWORD, "reports:read");

        Http.Response answer = http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":\"430602199001011235\"}");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("code").asString()).isEqualTo("ACCESS_DENIED");
    }

    @Autowired
    ApiClients clients;

    @Test
    void exchangeScopesAreForExternalPlatformsOnlyAndTheirSystemsHoldNoOther() {
        assertThatThrownBy(() -> fixtures.apiClient("exchange:read")).isInstanceOf(ChengxinException.class)
                .extracting(e -> ((ChengxinException) e).code()).isEqualTo("CLIENT_SCOPE_NOT_FOR_KIND");
        assertThatThrownBy(() -> fixtures.apiClient("reports:read", "mutual:query")).isInstanceOf(ChengxinException.class)
                .extracting(e -> ((ChengxinException) e).code()).isEqualTo("CLIENT_SCOPE_NOT_FOR_KIND");
        assertThatThrownBy(() -> fixtures.externalPlatformClient("exchange:read", "records:write")).isInstanceOf(ChengxinException.class)
                .extracting(e -> ((ChengxinException) e).code()).isEqualTo("CLIENT_SCOPE_NOT_FOR_KIND");

        String upstream = fixtures.externalPlatformClient("exchange:read");
        assertThat(http.tokenResponse(upstream, Fixtures.PASSWORD, "exchange:read").status()).isEqualTo(200);
        assertThat(clients.all()).anySatisfy(c -> assertThat(c.clientId()).isEqualTo(upstream));
    }

    @Test
    void noTokenOrAForgedTokenIsUnauthorized() {
        assertThat(http.postJson("/api/v1/identity/validations", null, "{}").json().get("code").asString())
                .isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(http.postJson("/api/v1/identity/validations", "eyJhbGciOiJub25lIn0.e30.", "{}").status()).isEqualTo(401);
    }
}
