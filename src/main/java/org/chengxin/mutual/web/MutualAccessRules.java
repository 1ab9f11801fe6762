package org.chengxin.mutual.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Only another credit platform's system, with the scope only such systems may be granted. */
@Component
class MutualAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/mutual/credit-status").hasAuthority("SCOPE_mutual:query");
    }
}
