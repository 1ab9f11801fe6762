package org.chengxin.statements.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** A citizen writes and withdraws their own statements; the platform's staff review them. */
@Component
class StatementsAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/my/statements", "/my/statements/**").hasRole("CITIZEN")
                .requestMatchers("/statements/review", "/statements/review/**").hasRole("SYSTEM_ADMIN");
    }
}
