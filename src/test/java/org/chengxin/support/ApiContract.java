package org.chengxin.support;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultHandler;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API as a contract (issue 18, item 5): every answer an integration test receives from {@code /api/v1} through
 * {@link Http} or through MockMvc ({@link #mockMvc}) is checked against the description the same server serves
 * ({@code /v3/api-docs}). Its status must be
 * declared for the operation, a problem must come as {@code application/problem+json} with its {@code code}, and a
 * success must come in a media type the operation declares. A difference fails the test that met it, naming the
 * operation and the status, so that the description cannot drift from what the platform answers. Addresses the
 * description has no operation for (an unknown path, a method not offered) are not the contract's: the platform
 * answers them 404 and 405 as problems of their own.
 */
public final class ApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM_JSON = "application/problem+json";
    /** The description of each server (by base address), read once; empty where none is served. */
    private static final Map<String, Optional<Description>> DESCRIPTIONS = new ConcurrentHashMap<>();
    /** The same for the tests that call through MockMvc, by application context. */
    private static final Map<WebApplicationContext, Optional<Description>> MOCK_DESCRIPTIONS = new ConcurrentHashMap<>();

    private ApiContract() {
    }

    /** One operation of the description: its path template and, per method, the statuses and their media types. */
    record Operation(String template, Pattern pattern, int variables, Map<String, Map<String, Set<String>>> answers) {
    }

    record Description(List<Operation> operations) {

        Optional<Operation> find(String path) {
            return operations.stream().filter(o -> o.pattern().matcher(path).matches())
                    .min(Comparator.comparingInt(Operation::variables));
        }
    }

    /** Whether answers through MockMvc on this context are checked (its description was read): the tests check the checker. */
    public static boolean checks(WebApplicationContext context) {
        return MOCK_DESCRIPTIONS.getOrDefault(context, Optional.empty()).isPresent();
    }

    /** Whether answers through {@link Http} from this server are checked. */
    public static boolean checks(String base) {
        return DESCRIPTIONS.getOrDefault(base, Optional.empty()).isPresent();
    }

    /** Checks one answer; throws an {@link AssertionError} where it differs from the description. */
    static void check(String base, HttpClient client, HttpRequest request, int status, HttpHeaders headers, String body) {
        String path = request.uri().getRawPath();
        if (!path.startsWith("/api/v1/")) {
            return;
        }
        Description description = DESCRIPTIONS.computeIfAbsent(base, b -> load(b, client)).orElse(null);
        if (description != null) {
            check(description, request, status, headers, body);
        }
    }

    /** Checks one answer against a description. */
    static void check(Description description, HttpRequest request, int status, HttpHeaders headers, String body) {
        check(description, request.method(), request.uri().getRawPath(), status, headers.firstValue("Content-Type").orElse(""), body);
    }

    /** MockMvc on the whole application with its security, every API answer checked against the description. */
    public static MockMvc mockMvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).alwaysDo(checking(context)).build();
    }

    /** The result handler of {@link #mockMvc}: the same check for the tests that call the API through MockMvc. */
    public static ResultHandler checking(WebApplicationContext context) {
        return result -> {
            String path = result.getRequest().getRequestURI();
            if (!path.startsWith("/api/v1/")) {
                return;
            }
            Description description = MOCK_DESCRIPTIONS.computeIfAbsent(context, ApiContract::load).orElse(null);
            if (description != null) {
                String contentType = result.getResponse().getContentType();
                check(description, result.getRequest().getMethod(), path, result.getResponse().getStatus(),
                        contentType == null ? "" : contentType, result.getResponse().getContentAsString(StandardCharsets.UTF_8));
            }
        };
    }

    private static Optional<Description> load(WebApplicationContext context) {
        try {
            MockHttpServletResponse answer = MockMvcBuilders.webAppContextSetup(context).build()
                    .perform(MockMvcRequestBuilders.get("/v3/api-docs")).andReturn().getResponse();
            return answer.getStatus() == 200 ? Optional.of(parse(JSON.readTree(answer.getContentAsString(StandardCharsets.UTF_8))))
                    : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static void check(Description description, String requestMethod, String path, int status, String contentTypeHeader, String body) {
        Optional<Operation> found = description.find(path);
        if (found.isEmpty()) {
            return;
        }
        Operation operation = found.get();
        Map<String, Set<String>> answers = operation.answers().get(requestMethod.toLowerCase());
        if (answers == null) {
            return;
        }
        String what = requestMethod + " " + operation.template();
        Set<String> declared = answers.get(String.valueOf(status));
        if (declared == null) {
            throw new AssertionError("接口描述未声明 " + what + " 的状态 " + status + "（已声明：" + new TreeSet<>(answers.keySet())
                    + "）；响应：" + shortened(body));
        }
        String contentType = contentTypeHeader.split(";")[0].trim().toLowerCase();
        if (status >= 400) {
            if (!contentType.equals(PROBLEM_JSON)) {
                throw new AssertionError(what + " 的 " + status + " 应为 " + PROBLEM_JSON + "，实际为 “" + contentType + "”");
            }
            JsonNode problem = JSON.readTree(body);
            if (problem.get("code") == null || problem.get("code").asString().isBlank()) {
                throw new AssertionError(what + " 的 " + status + " 问题详情缺少 code：" + shortened(body));
            }
            return;
        }
        if (!declared.isEmpty() && !declared.contains("*/*") && !contentType.isEmpty() && !declared.contains(contentType)) {
            throw new AssertionError(what + " 的 " + status + " 以 “" + contentType + "” 返回，描述声明的是 " + declared);
        }
    }

    private static String shortened(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static Optional<Description> load(String base, HttpClient client) {
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(parse(JSON.readTree(answer.body())));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Description parse(JsonNode api) {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = api.get("paths");
        for (String template : paths.propertyNames()) {
            StringBuilder regex = new StringBuilder();
            int variables = 0;
            for (String part : template.split("(?=\\{)|(?<=\\})")) {
                if (part.startsWith("{") && part.endsWith("}")) {
                    regex.append("[^/]+");
                    variables++;
                } else {
                    regex.append(Pattern.quote(part));
                }
            }
            Map<String, Map<String, Set<String>>> answers = new ConcurrentHashMap<>();
            JsonNode methods = paths.get(template);
            for (String method : methods.propertyNames()) {
                JsonNode responses = methods.get(method).get("responses");
                if (responses == null) {
                    continue;
                }
                Map<String, Set<String>> statuses = new ConcurrentHashMap<>();
                for (String status : responses.propertyNames()) {
                    JsonNode content = responses.get(status).get("content");
                    Set<String> types = new TreeSet<>();
                    if (content != null) {
                        types.addAll(content.propertyNames());
                    }
                    statuses.put(status, types);
                }
                answers.put(method, statuses);
            }
            operations.add(new Operation(template, Pattern.compile(regex.toString()), variables, answers));
        }
        return new Description(List.copyOf(operations));
    }
}
