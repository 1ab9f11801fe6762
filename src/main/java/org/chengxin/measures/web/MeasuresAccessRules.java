package org.chengxin.measures.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class MeasuresAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/measures", "/measures").permitAll()
                .requestMatchers("/api/v1/measure-checks", "/api/v1/measure-checks/**").hasAuthority("SCOPE_measures:check")
                .requestMatchers("/checks", "/checks/**").hasRole("CLERK")
                .requestMatchers("/admin/measures", "/admin/measures/**").hasRole("SYSTEM_ADMIN");
    }
}
