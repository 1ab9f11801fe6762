package org.chengxin.inquiry.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class ReportsAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/reports", "/api/v1/reports/**").hasAuthority("SCOPE_reports:read")
                .requestMatchers("/my/report", "/my/report/**", "/my/authorizations", "/my/authorizations/**", "/my/queries")
                .hasRole("CITIZEN")
                .requestMatchers("/inquiry", "/inquiry/**").hasRole("CLERK")
                .requestMatchers("/audit/queries", "/audit/queries/**").hasRole("AUDITOR")
                .requestMatchers("/reports/issued", "/reports/issued/**").hasAnyRole("CLERK", "AUDITOR");
    }
}
