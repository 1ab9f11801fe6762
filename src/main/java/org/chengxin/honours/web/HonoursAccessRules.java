package org.chengxin.honours.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Anybody reads the honesty models; only the person gives or withdraws their own consent. */
@Component
class HonoursAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/public/honesty-models").permitAll()
                .requestMatchers("/my/honesty-model", "/my/honesty-model/**").hasRole("CITIZEN");
    }
}
