package org.chengxin.organization.web;

import org.chengxin.organization.ApiClients;
import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Any department system with a token, whatever its scopes; staff and citizens have no token to show. */
@Component
class WhoAmIAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/whoami")
                .hasAnyAuthority(ApiClients.SCOPES.stream().sorted().map(s -> "SCOPE_" + s).toArray(String[]::new));
    }
}
