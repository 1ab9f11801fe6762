package org.chengxin.audit.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class AuditAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/audit", "/audit/**").hasRole("AUDITOR")
                .requestMatchers("/actuator/auditchain").hasAnyRole("AUDITOR", "ADMIN");
    }
}
