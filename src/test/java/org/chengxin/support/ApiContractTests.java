package org.chengxin.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The checker itself: it must fail on an undeclared status, a problem without its code or media type, a wrong media type. */
class ApiContractTests {

    private static final ApiContract.Description DESCRIPTION = ApiContract.parse(JsonMapper.builder().build().readTree("""
            {"paths": {
              "/api/v1/record-batches/{id}": {"get": {"responses": {
                "200": {"content": {"application/json": {}}},
                "404": {"content": {"application/problem+json": {}}}}}},
              "/api/v1/measure-checks/overdue": {"get": {"responses": {"200": {"content": {"*/*": {}}}}}}
            }}"""));

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:1" + path)).GET().build();
    }

    private static HttpHeaders type(String contentType) {
        return HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (a, b) -> true);
    }

    @Test
    void declaredAnswersPass() {
        assertThatCode(() -> ApiContract.check(DESCRIPTION, get("/api/v1/record-batches/7"), 200, type("application/json"), "{}"))
                .doesNotThrowAnyException();
        assertThatCode(() -> ApiContract.check(DESCRIPTION, get("/api/v1/record-batches/7"), 404,
                type("application/problem+json"), "{\"code\":\"BATCH_NOT_FOUND\"}")).doesNotThrowAnyException();
        assertThatCode(() -> ApiContract.check(DESCRIPTION, get("/api/v1/measure-checks/overdue"), 200, type("text/csv"), ""))
                .as("the literal path, not the template with a variable; any media type declared").doesNotThrowAnyException();
        assertThatCode(() -> ApiContract.check(DESCRIPTION, get("/api/v1/nowhere"), 404, type("application/problem+json"), "{}"))
                .as("an address the description has no operation for is not the contract's").doesNotThrowAnyException();
    }

    @Test
    void anUndeclaredStatusFails() {
        assertThatThrownBy(() -> ApiContract.check(DESCRIPTION, get("/api/v1/record-batches/7"), 409,
                type("application/problem+json"), "{\"code\":\"X\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /api/v1/record-batches/{id}").hasMessageContaining("409");
    }

    @Test
    void aProblemWithoutItsCodeOrMediaTypeFails() {
        assertThatThrownBy(() -> ApiContract.check(DESCRIPTION, get("/api/v1/record-batches/7"), 404, type("application/json"),
                "{\"code\":\"BATCH_NOT_FOUND\"}")).isInstanceOf(AssertionError.class).hasMessageContaining("application/problem+json");
        assertThatThrownBy(() -> ApiContract.check(DESCRIPTION, get("/api/v1/record-batches/7"), 404,
                type("application/problem+json"), "{\"detail\":\"没有\"}")).isInstanceOf(AssertionError.class).hasMessageContaining("code");
    }

    @Test
    void aSuccessInAnUndeclaredMediaTypeFails() {
        assertThatThrownBy(() -> ApiContract.check(DESCRIPTION, get("/api/v1/record-batches/7"), 200, type("text/html"), "<p>"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("text/html");
    }
}
