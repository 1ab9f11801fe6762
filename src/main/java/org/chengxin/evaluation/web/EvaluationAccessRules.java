package org.chengxin.evaluation.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class EvaluationAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/my/credit").hasRole("CITIZEN")
                .requestMatchers("/admin/evaluation", "/admin/evaluation/**").hasRole("SYSTEM_ADMIN");
    }
}
