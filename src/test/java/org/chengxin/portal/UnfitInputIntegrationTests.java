package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A NUL or another control character, a lone surrogate or a non-character in a form field, a query
 * parameter or a JSON string is refused with INPUT_INVALID_CHARACTER before it can reach the
 * database: never a 500.
 */
@ChengxinIntegrationTest
class UnfitInputIntegrationTests {

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
    void aControlCharacterInAJsonStringIsRefusedNamingTheField() {
        for (String bad : new String[] {"\\u0000", "\\u0001", "\\u001f", "\\u0085", "\\ud800", "\\uffff"}) {
            Http.Response r = http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":\"4306" + bad + "02199001011235\"}");

            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(r.json().get("code").asString()).isEqualTo("INPUT_INVALID_CHARACTER");
            assertThat(r.json().get("detail").asString()).contains("idNumber").contains("U+");
        }
    }

    @Test
    void tabsAndLineBreaksInAJsonStringAreStillText() {
        Http.Response r = http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":\"\\t430602199001011235\\r\\n\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aControlCharacterInAQueryParameterOfTheApiIsAProblem() {
        Http.Response r = http.get("/api/v1/catalog?q=a%00b", null);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asString()).isEqualTo("INPUT_INVALID_CHARACTER");
        assertThat(r.json().get("detail").asString()).contains("字段 q").contains("U+0000");
    }

    @Test
    void aControlCharacterInALoginFormIsAChineseErrorPageNotA500() {
        Http.Response r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin%00&password=x")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("含有控制字符或无效字符").contains("INPUT_INVALID_CHARACTER").doesNotContain("Exception");
    }

    @Test
    void ordinaryChineseFormValuesStillPass() {
        Http.Response r = http.get("/api/v1/catalog?q=" + URLEncoder.encode("食品 𠮷\t", StandardCharsets.UTF_8), null);

        assertThat(r.status()).isEqualTo(200);
    }
}
