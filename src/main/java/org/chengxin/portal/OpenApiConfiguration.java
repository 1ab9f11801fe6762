package org.chengxin.portal;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.chengxin.organization.ApiClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description: department systems authenticate with OAuth2 client credentials. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SCHEME = "departmentSystem";

    @Bean
    OpenAPI chengxinOpenApi() {
        Scopes scopes = new Scopes();
        ApiClients.SCOPE_LABELS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(scope -> scopes.addString(scope.getKey(), scope.getValue()));
        return new OpenAPI()
                .info(new Info().title("诚信·个人公共信用信息平台 API").version("v1")
                        .description("供各部门业务系统对接。身份证号码只放在请求体中，不得放入 URL。错误以 RFC 9457 问题详情返回，含稳定的 code。"))
                .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("客户端凭证模式：POST /oauth2/token，HTTP Basic 传 client_id 与 client_secret")
                        .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token").scopes(scopes)))))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }
}
