package org.chengxin.portal;

import org.chengxin.shared.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** What anybody may see, and what every logged-in person may see. */
@Component
class PortalAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/", "/login", "/error", "/error/**", "/favicon.ico", "/css/**", "/js/**", "/img/**", "/webjars/**")
                .permitAll()
                // the public portal's lists and their open data: everybody, no token (PublicRateLimit guards them)
                .requestMatchers(HttpMethod.GET, "/public/double-publicity", "/public/serious-dishonesty").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/public/double-publicity", "/api/v1/public/double-publicity.csv",
                        "/api/v1/public/serious-dishonesty", "/api/v1/public/serious-dishonesty.csv", "/api/v1/public/honesty-models",
                        "/api/v1/public/honesty-models.csv").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll()
                .requestMatchers("/home", "/account/password").authenticated();
    }
}
