package org.chengxin.remedies.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class RemediesAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/my/objections", "/my/objections/**", "/my/repairs", "/my/repairs/**").hasRole("CITIZEN")
                .requestMatchers("/window/remedies", "/window/remedies/**").hasRole("CLERK");
    }
}
