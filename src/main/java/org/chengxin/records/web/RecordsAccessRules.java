package org.chengxin.records.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class RecordsAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/records/*/revocation", "/api/v1/records/revocation").hasAuthority("SCOPE_records:write")
                .requestMatchers("/records", "/records/**").hasRole("DATA_OFFICER");
    }
}
