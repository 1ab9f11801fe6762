package org.chengxin.assessment.web;

import org.chengxin.shared.security.AccessRules;
import org.chengxin.shared.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The assessment is read by the leading group, the system administrator and the auditor; nothing on it changes anything.
 * The overview on the workbench is the system administrator's only.
 */
@Component
class AssessmentAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/assessment", "/assessment/**")
                .hasAnyRole(Role.LEADER.name(), Role.SYSTEM_ADMIN.name(), Role.AUDITOR.name())
                .requestMatchers(HttpMethod.GET, "/home/overview/charts").hasRole(Role.SYSTEM_ADMIN.name());
    }
}
