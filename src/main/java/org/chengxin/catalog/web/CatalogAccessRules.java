package org.chengxin.catalog.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The catalog is public (policy 十一: a published catalog); only the system administrator changes it. */
@Component
class CatalogAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/catalog", "/catalog", "/catalog/items/**").permitAll()
                .requestMatchers("/admin/catalog", "/admin/catalog/**").hasRole("SYSTEM_ADMIN");
    }
}
