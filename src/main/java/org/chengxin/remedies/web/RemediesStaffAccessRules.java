package org.chengxin.remedies.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The platform's screening and overdue page, the reviewers' queue, and the API of department systems. */
@Component
class RemediesStaffAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/remedies/screening", "/remedies/screening/**", "/remedies/attachments/*").hasRole("SYSTEM_ADMIN")
                .requestMatchers("/review/cases", "/review/cases/**", "/review/objections/**", "/review/repairs/**", "/review/attachments/*")
                .hasRole("REVIEWER")
                .requestMatchers("/api/v1/objections", "/api/v1/objections/**", "/api/v1/repairs", "/api/v1/repairs/**")
                .hasAuthority("SCOPE_remedies:decide");
    }
}
