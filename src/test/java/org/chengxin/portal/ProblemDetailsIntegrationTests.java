package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad requests get a Chinese problem detail with a stable code, never a 500 or a stack trace. */
@ChengxinIntegrationTest
class ProblemDetailsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Http http;
    String token;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        token = http.token(fixtures.apiClient("identity:validate"), Fixtures.PASSWORD, "identity:validate");
    }

    @Test
    void malformedJsonMissingFieldsAndWrongTypes() {
        assertProblem(http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":"), 400, "MALFORMED_REQUEST_BODY");
        assertProblem(http.postJson("/api/v1/identity/validations", token, "{}"), 400, "VALIDATION_FAILED");
        assertProblem(http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":\"" + "1".repeat(65) + "\"}"), 400, "VALIDATION_FAILED");
        assertProblem(http.postJson("/api/v1/identity/validations", token, "\u00ff\u00fe"), 400, "MALFORMED_REQUEST_BODY");
    }

    @Test
    void unknownPathsWrongMethodsAndMediaTypes() {
        // no rule allows an unknown path: refused before anything could reveal whether it exists
        assertProblem(http.get("/api/v1/no-such-thing", token), 403, "ACCESS_DENIED");
        assertProblem(http.get("/api/v1/identity/validations", token), 405, "METHOD_NOT_ALLOWED");
        Http.Response xml = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/identity/validations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<a/>")));
        assertProblem(xml, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void pagesAnswerWithAChineseErrorPage() {
        Http.Response page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/no-such-page"))
                .header("Accept", "text/html").GET());
        // anonymous users are sent to the login page first; nothing is revealed about what exists
        assertThat(page.status()).isEqualTo(302);
        Http.Response error = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                .header("Accept", "text/html").GET());
        assertThat(error.body()).contains("服务器内部错误").doesNotContain("Exception").doesNotContain("at org.");
    }

    private static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("title").asString()).matches(".*[\\u4e00-\\u9fa5].*");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }
}
