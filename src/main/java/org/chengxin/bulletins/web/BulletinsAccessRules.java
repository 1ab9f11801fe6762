package org.chengxin.bulletins.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Anybody reads the published articles; only the system administrator writes them. */
@Component
class BulletinsAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/public/notices", "/public/laws", "/public/bulletins/*").permitAll()
                .requestMatchers("/admin/bulletins", "/admin/bulletins/**").hasRole("SYSTEM_ADMIN");
    }
}
