package org.chengxin.organization.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.ParseException;
import java.time.Instant;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A department system revokes an access token: from that moment on the platform refuses it. */
@ChengxinIntegrationTest
class TokenRevocationIntegrationTests {

    private static final String VALIDATION = "{\"idNumber\":\"430602199001011235\"}";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExpiredAuthorizationsCleanup cleanup;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRevokedAccessTokenIsRefusedAtOnceWhileAnotherTokenOfTheSameClientStillWorks() {
        String client = fixtures.apiClient("identity:validate");
        String revoked = http.token(client, Fixtures.PASSWORD, "identity:validate");
        String kept = http.token(client, Fixtures.PASSWORD, "identity:validate");
        assertThat(http.postJson("/api/v1/identity/validations", revoked, VALIDATION).status()).isEqualTo(200);

        assertThat(http.revoke(client, Fixtures.PASSWORD, revoked).status()).isEqualTo(200);

        Http.Response refused = http.postJson("/api/v1/identity/validations", revoked, VALIDATION);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("TOKEN_REVOKED");
        assertThat(refused.json().get("detail").asString()).isEqualTo("访问令牌已被撤销：请重新获取令牌");
        assertThat(http.postJson("/api/v1/identity/validations", kept, VALIDATION).status()).isEqualTo(200);
        assertThat(audit.count("action = 'auth.token-revoke' and outcome = 'SUCCESS' and actor = ?", client)).isEqualTo(1);
    }

    @Test
    void anotherClientCannotRevokeTheToken() {
        String owner = fixtures.apiClient("identity:validate");
        String stranger = fixtures.apiClient("identity:validate");
        String token = http.token(owner, Fixtures.PASSWORD, "identity:validate");

        assertThat(http.revoke(stranger, Fixtures.PASSWORD, token).status()).isNotEqualTo(200);

        assertThat(http.postJson("/api/v1/identity/validations", token, VALIDATION).status()).isEqualTo(200);
        assertThat(isDenylisted(claimsOf(token).getJWTID())).isFalse();
    }

    @Test
    void everyIssuedAccessTokenHasItsOwnId() {
        String client = fixtures.apiClient("identity:validate");

        String first = claimsOf(http.token(client, Fixtures.PASSWORD, "identity:validate")).getJWTID();
        String second = claimsOf(http.token(client, Fixtures.PASSWORD, "identity:validate")).getJWTID();

        assertThat(first).isNotBlank();
        assertThat(second).isNotBlank().isNotEqualTo(first);
    }

    @Test
    void theDenylistEntryIsKeptUntilTheTokenCanNoLongerPassAndThenPurged() {
        String client = fixtures.apiClient("identity:validate");
        String token = http.token(client, Fixtures.PASSWORD, "identity:validate");
        JWTClaimsSet claims = claimsOf(token);
        Instant expiry = claims.getExpirationTime().toInstant();
        http.revoke(client, Fixtures.PASSWORD, token);
        assertThat(isDenylisted(claims.getJWTID())).isTrue();

        // a token is accepted up to a minute after its expiry (clock skew): its entry stays as long
        clock.set(expiry.plus(JwtKeysConfiguration.CLOCK_SKEW).minusSeconds(1));
        cleanup.deleteExpiredRevocations();
        assertThat(isDenylisted(claims.getJWTID())).isTrue();

        clock.set(expiry.plus(JwtKeysConfiguration.CLOCK_SKEW).plusSeconds(1));
        assertThat(cleanup.deleteExpiredRevocations()).isPositive();
        assertThat(isDenylisted(claims.getJWTID())).isFalse();
    }

    private boolean isDenylisted(String jti) {
        return jdbc.sql("select count(*) from organization_revoked_access_token where jti = :jti")
                .param("jti", jti).query(Long.class).single() == 1;
    }

    private static JWTClaimsSet claimsOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
