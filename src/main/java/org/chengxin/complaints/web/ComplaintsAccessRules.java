package org.chengxin.complaints.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * A citizen reads and files only their own complaints; a clerk files at the window; the system administrator handles them
 * all, a department's reviewer those routed to their department.
 */
@Component
class ComplaintsAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/my/complaints", "/my/complaints/**").hasRole("CITIZEN")
                .requestMatchers("/window/complaints", "/window/complaints/**").hasRole("CLERK")
                .requestMatchers("/admin/complaints", "/admin/complaints/**").hasRole("SYSTEM_ADMIN")
                .requestMatchers("/review/complaints", "/review/complaints/**").hasRole("REVIEWER");
    }
}
