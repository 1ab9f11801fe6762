package org.chengxin.organization.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tokens name the configured issuer, whatever {@code Host} the request carried; a token request
 * addressed to another host name gets no token, and the API accepts no token naming another issuer.
 */
@ChengxinIntegrationTest
class TokenIssuerIntegrationTests {

    private static final String VALIDATION = "{\"idNumber\":\"430602199001011235\"}";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Value("${chengxin.security.issuer}")
    String issuer;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    @Autowired
    RSAKey signingKey;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void aTokenNamesTheConfiguredIssuer() throws ParseException {
        String client = fixtures.apiClient("identity:validate");

        String token = http.token(client, Fixtures.PASSWORD, "identity:validate");

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getIssuer()).isEqualTo(issuer);
        assertThat(http.get("/.well-known/oauth-authorization-server", null).json().get("issuer").asString())
                .isEqualTo(issuer);
    }

    @Test
    void aTokenRequestAddressedToAnotherHostGetsAProblemAndNoToken() {
        String client = fixtures.apiClient("identity:validate");

        String answer = tokenRequest("evil.example", client);

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("application/problem+json").contains("\"code\":\"FOREIGN_HOST\"")
                .contains("请求的主机名不是本平台的令牌签发地址");
        assertThat(answer).doesNotContain("access_token").doesNotContain("evil.example");
        assertThat(audit.count("action = 'auth.token' and actor = ?", client)).isZero();
    }

    @Test
    void theIssuersHostNameOnAnotherPortIsServedWithTheConfiguredIssuer() throws ParseException {
        String client = fixtures.apiClient("identity:validate");

        String answer = tokenRequest("LOCALHOST:9", client);

        assertThat(answer).startsWith("HTTP/1.1 200");
        Matcher token = ACCESS_TOKEN.matcher(answer);
        assertThat(token.find()).isTrue();
        assertThat(SignedJWT.parse(token.group(1)).getJWTClaimsSet().getIssuer()).isEqualTo(issuer);
    }

    @Test
    void theApiRefusesATokenNamingAnotherIssuerEvenWithThePlatformsSignature() {
        String client = fixtures.apiClient("identity:validate");

        assertThat(http.postJson("/api/v1/identity/validations", signed(client, issuer), VALIDATION).status())
                .as("the same token with the configured issuer passes").isEqualTo(200);
        Http.Response refused = http.postJson("/api/v1/identity/validations", signed(client, "http://evil.example"), VALIDATION);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
    }

    @Test
    void theApiRefusesATokenWithoutAnId() {
        String client = fixtures.apiClient("identity:validate");

        Http.Response refused = http.postJson("/api/v1/identity/validations", signed(client, issuer, null), VALIDATION);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
    }

    private String signed(String client, String iss) {
        return signed(client, iss, UUID.randomUUID().toString());
    }

    private String signed(String client, String iss, String jti) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(iss).subject(client).jwtID(jti)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("scope", List.of("identity:validate")).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** java.net.http refuses to set Host itself: the request is written by hand, as an attacker would. */
    private String tokenRequest(String host, String client) {
        String body = "grant_type=client_credentials&scope=identity:validate";
        String basic = Base64.getEncoder().encodeToString((client + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
        String request = "POST /oauth2/token HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Authorization: Basic " + basic + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "Connection: close\r\n\r\n" + body;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
