package org.chengxin.portal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.chengxin.organization.ApiClients;
import org.chengxin.shared.error.ApiAnswers;
import org.chengxin.shared.error.Problems;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description: department systems authenticate with OAuth2 client credentials. Every operation declares, from
 * its {@link ApiAnswers}, the status of its success, each problem status it can answer (an RFC 9457 problem with its
 * stable {@code code}, schema {@value #PROBLEM}) and the scopes that open it (or none, for open data), so that a client
 * generated from the description knows the errors.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SCHEME = "departmentSystem";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI chengxinOpenApi() {
        Scopes scopes = new Scopes();
        ApiClients.SCOPE_LABELS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(scope -> scopes.addString(scope.getKey(), scope.getValue()));
        return new OpenAPI()
                .info(new Info().title("诚信·个人公共信用信息平台 API").version("v1")
                        .description("供各部门业务系统对接。身份证号码只放在请求体中，不得放入 URL。错误以 RFC 9457 问题详情返回"
                                + "（application/problem+json），含稳定的 code；每个接口声明其可能返回的全部状态码及所需的授权范围（scope）。"))
                .components(new Components()
                        .addSecuritySchemes(SCHEME, new SecurityScheme()
                                .type(SecurityScheme.Type.OAUTH2)
                                .description("客户端凭证模式：POST /oauth2/token，HTTP Basic 传 client_id 与 client_secret")
                                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token").scopes(scopes))))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }

    /** The problem every refusal answers (shared.error.Problems): RFC 9457 members and the platform's stable code. */
    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Schema<?> schema = new ObjectSchema()
                .description("RFC 9457 问题详情。code 为稳定的错误代码（如 ID_NUMBER_INVALID），对接系统据此处理；detail 为中文说明")
                .addProperty("type", new StringSchema().format("uri").description("urn:chengxin:problem:{code}"))
                .addProperty("title", new StringSchema().description("状态的中文名称"))
                .addProperty("status", new IntegerSchema().description("HTTP 状态码"))
                .addProperty("detail", new StringSchema().description("中文说明（身份证号码已遮蔽）"))
                .addProperty("instance", new StringSchema().description("请求路径（身份证号码已遮蔽）"))
                .addProperty("code", new StringSchema().description("稳定的错误代码"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema().additionalProperties(Boolean.TRUE))
                        .description("逐项的错误（如校验未通过的字段），有时才有"));
        schema.setRequired(List.of("status", "code"));
        return schema;
    }

    /** Each operation's statuses and scopes, from its {@link ApiAnswers}. */
    @Bean
    OperationCustomizer declaredAnswers() {
        return (operation, handler) -> {
            ApiAnswers answers = handler.getMethodAnnotation(ApiAnswers.class);
            if (answers == null) {
                return operation;
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            ApiResponse success = responses.remove("200");
            if (success == null) {
                // two handlers of one path and method (the JSON and the file push) are one operation: the first one's
                // customizing already moved its answer's schema to the status of success
                success = responses.get(String.valueOf(answers.success()));
            }
            if (success == null) {
                success = new ApiResponse();
            }
            success.setDescription(switch (answers.success()) {
                case 201 -> "已创建";
                case 202 -> "已受理，稍后处理（按返回的地址查询进度）";
                default -> "成功";
            });
            if (answers.media().length > 0) {
                Content files = new Content();
                for (String type : answers.media()) {
                    files.addMediaType(type, new MediaType().schema(new StringSchema().format("binary")));
                }
                success.setContent(files);
            }
            ApiResponses declared = new ApiResponses();
            declared.addApiResponse(String.valueOf(answers.success()), success);
            Set<Integer> problems = new TreeSet<>(List.of(400, 500, 503));
            if (operation.getRequestBody() != null) {
                problems.add(415);
            }
            if (answers.open()) {
                operation.setSecurity(List.of());
            } else {
                problems.add(401);
                problems.add(403);
                operation.setSecurity(List.of(new SecurityRequirement().addList(SCHEME, List.of(answers.scopes()))));
            }
            for (int status : answers.problems()) {
                problems.add(status);
            }
            for (int status : problems) {
                declared.addApiResponse(String.valueOf(status), new ApiResponse().description(Problems.titleOf(status))
                        .content(new Content().addMediaType(PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
            operation.setResponses(declared);
            return operation;
        };
    }
}
