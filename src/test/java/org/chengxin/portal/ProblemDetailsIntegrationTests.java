package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;

import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
        // an authenticated caller is told the path does not exist (anonymous callers get 401 first: UnknownPathIntegrationTests)
        assertProblem(http.get("/api/v1/no-such-thing", token), 404, "API_PATH_NOT_FOUND");
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
    }

    @Test
    void malformedJsonIsToldByLineAndColumnNeverByTheParsersNames() {
        Http.Response broken = http.postJson("/api/v1/identity/validations", token, "{\n  \"idNumber\": \"x\",\n  oops\n}");
        Http.Response cut = http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":");
        Http.Response wrongType = http.postJson("/api/v1/identity/validations", token, "{\n\"idNumber\": {\"a\": 1}}");

        assertProblem(broken, 400, "MALFORMED_REQUEST_BODY");
        assertThat(broken.json().get("detail").asString()).contains("第 3 行第 3 列");
        assertThat(broken.json().get("line").asInt()).isEqualTo(3);
        assertThat(broken.json().get("column").asInt()).isEqualTo(3);
        assertThat(cut.json().get("detail").asString()).contains("第 1 行第 13 列").contains("意外结束");
        assertThat(wrongType.json().get("detail").asString()).contains("idNumber").contains("第 2 行");
        assertThat(wrongType.json().get("field").asString()).isEqualTo("idNumber");
        assertThat(List.of(broken.body(), cut.body(), wrongType.body())).allSatisfy(body -> assertThat(body.toLowerCase(Locale.ROOT))
                .doesNotContain("jackson").doesNotContain("tools.").doesNotContain("exception").doesNotContain("token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%2F", "%2f", "%5C", "%5c", "%00", ";jsessionid=1"})
    void anEncodedSlashBackslashNulOrSemicolonInAnApiPathIsAProblemWithACode(String odd) {
        Http.Response answer = http.get("/api/v1/record-batches/1" + odd + "2", token);

        assertProblem(answer, 400, "PATH_INVALID");
        assertThat(answer.json().get("detail").asString()).contains("请求地址");
        assertThat(answer.body()).doesNotContain("Tomcat").doesNotContain("HTTP Status").doesNotContain("<html");
    }

    @Test
    void anEncodedSlashInAPagePathGetsAChinesePageNotTomcats() {
        Http.Response page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/records/1%2F2"))
                .header("Accept", "text/html").GET());

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("lang=\"zh-CN\"").contains("请求有误").doesNotContain("Tomcat").doesNotContain("HTTP Status");
    }

    @Test
    void errorAskedForDirectlyIsNotFoundNeverAServerError() {
        Http.Response api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                .header("Accept", "application/json").GET());
        Http.Response browser = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                .header("Accept", "text/html").GET());

        assertProblem(api, 404, "NOT_FOUND");
        assertThat(browser.status()).isEqualTo(404);
        assertThat(browser.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(browser.body()).contains("资源不存在").contains("页面不存在").doesNotContain("Exception").doesNotContain("at org.");
    }

    private static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("title").asString()).matches(".*[\\u4e00-\\u9fa5].*");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }
}
