package org.chengxin.exchange.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class ExchangeAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/exchange/**").hasAuthority("SCOPE_exchange:read")
                .requestMatchers("/admin/exchange", "/admin/exchange/**").hasRole("SYSTEM_ADMIN");
    }
}
