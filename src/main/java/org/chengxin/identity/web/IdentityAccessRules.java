package org.chengxin.identity.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class IdentityAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/identity/validations")
                .hasAnyAuthority("SCOPE_identity:validate", "SCOPE_records:write")
                .requestMatchers("/admin/population", "/admin/population/**").hasRole("SYSTEM_ADMIN");
    }
}
