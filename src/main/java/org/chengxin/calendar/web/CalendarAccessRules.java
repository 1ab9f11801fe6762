package org.chengxin.calendar.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The holiday arrangement is public information anybody may read; only the system administrator keeps it. */
@Component
class CalendarAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/calendar/*").permitAll()
                .requestMatchers("/admin/calendar", "/admin/calendar/**").hasRole("SYSTEM_ADMIN");
    }
}
