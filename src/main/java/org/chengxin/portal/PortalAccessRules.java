package org.chengxin.portal;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** What anybody may see, and what every logged-in person may see. */
@Component
class PortalAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/", "/login", "/error", "/error/**", "/favicon.ico", "/css/**", "/js/**", "/img/**", "/webjars/**")
                .permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll()
                .requestMatchers("/home", "/account/password").authenticated();
    }
}
