package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The API description as a contract (issue 18, item 5): every operation declares the status of its success, the
 * problems it can answer with the problem schema and its code, and the scopes that open it. {@code ApiContract} checks
 * every answer the integration tests receive against it.
 */
@ChengxinIntegrationTest
class ApiDescriptionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    private JsonNode description() {
        Http.Response answer = new Http(port).get("/v3/api-docs", null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void everyOperationDeclaresItsSuccessItsProblemsAndItsScopes() {
        JsonNode api = description();
        List<String> undeclared = new ArrayList<>();
        int operations = 0;
        for (String path : api.get("paths").propertyNames()) {
            JsonNode methods = api.get("paths").get(path);
            for (String method : methods.propertyNames()) {
                JsonNode operation = methods.get(method);
                String what = method.toUpperCase() + " " + path;
                operations++;
                JsonNode responses = operation.get("responses");
                Set<String> statuses = new TreeSet<>(responses.propertyNames());
                if (!statuses.contains("503")) {
                    undeclared.add(what + "（未用 @ApiAnswers 声明）");
                    continue;
                }
                assertThat(statuses.stream().filter(s -> s.startsWith("2"))).as(what + " 的成功状态").hasSize(1);
                assertThat(statuses).as(what).contains("400");
                for (String status : statuses) {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        assertThat(responses.get(status).get("content").get("application/problem+json").get("schema").get("$ref").asString())
                                .as(what + " " + status).isEqualTo("#/components/schemas/Problem");
                    }
                }
                JsonNode security = operation.get("security");
                assertThat(security).as(what + " 的授权声明").isNotNull();
                if (security.isEmpty()) {
                    assertThat(statuses).as(what + "：开放数据不回答 401").doesNotContain("401", "403");
                } else {
                    assertThat(statuses).as(what).contains("401", "403");
                    assertThat(security.get(0).get(OpenApiConfiguration.SCHEME)).as(what + " 的 scope").isNotEmpty();
                }
            }
        }
        assertThat(undeclared).as("每个接口都须声明其应答").isEmpty();
        assertThat(operations).as("the platform's API operations (the two pushes, JSON and a file, are one operation)").isGreaterThanOrEqualTo(33);
    }

    @Test
    void creationsAndAcceptedWorkAnswerTheirOwnStatus() {
        JsonNode paths = description().get("paths");
        assertThat(paths.get("/api/v1/record-batches").get("post").get("responses").propertyNames()).contains("202", "413", "415")
                .doesNotContain("200");
        assertThat(paths.get("/api/v1/measure-checks").get("post").get("responses").propertyNames()).contains("201").doesNotContain("200");
        // the JSON and the file push are one operation: both bodies, and the batch the 202 answers (for a generated client)
        JsonNode push = paths.get("/api/v1/record-batches").get("post");
        assertThat(push.get("requestBody").get("content").get("application/json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/RecordBatch");
        assertThat(push.get("requestBody").get("content").propertyNames()).contains("multipart/form-data");
        assertThat(push.get("responses").get("202").get("content").get("application/json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/BatchReport");
        assertThat(paths.get("/api/v1/record-batches/{id}").get("get").get("security").get(0).get(OpenApiConfiguration.SCHEME).get(0)
                .asString()).isEqualTo("records:write");
        assertThat(paths.get("/api/v1/public/double-publicity").get("get").get("responses").propertyNames()).contains("200", "429");
        assertThat(paths.get("/api/v1/public/double-publicity").get("get").get("security")).isEmpty();
    }

    /** The checker runs on both paths the tests use: it read the description for the server and for MockMvc. */
    @Test
    void answersThroughHttpAndMockMvcAreChecked() throws Exception {
        assertThat(new Http(port).get("/api/v1/whoami", null).status()).isEqualTo(401);
        assertThat(ApiContract.checks("http://localhost:" + port)).isTrue();
        MockMvc mvc = ApiContract.mockMvc(context);
        mvc.perform(get("/api/v1/whoami")).andExpect(status().isUnauthorized());
        assertThat(ApiContract.checks(context)).isTrue();
    }

    /**
     * A generated client names its methods after the operation ids: springdoc numbers a repeated name ({@code report_1}) in
     * the order it meets the handlers, so each operation names itself once.
     */
    @Test
    void everyOperationHasAnIdOfItsOwn() {
        JsonNode paths = description().get("paths");
        List<String> ids = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                ids.add(paths.get(path).get(method).get("operationId").asString());
            }
        }
        assertThat(ids).doesNotHaveDuplicates().noneMatch(id -> id.matches(".*_\\d+"));
        assertThat(ids).contains("pushRecordBatch", "batchReport", "check");
    }

    @Test
    void theProblemSchemaCarriesItsStableCode() {
        JsonNode problem = description().get("components").get("schemas").get("Problem");
        assertThat(problem.get("properties").propertyNames()).contains("type", "title", "status", "detail", "instance", "code");
        assertThat(problem.get("required").toString()).contains("\"code\"");
    }
}
