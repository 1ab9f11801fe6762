package org.chengxin.records.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class RecordsAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/records/*/revocation", "/api/v1/records/revocation").hasAuthority("SCOPE_records:write")
                // the department's reviewer reads the list and its export too; a record's page and its revocation stay the data officer's
                .requestMatchers(HttpMethod.GET, "/records", "/records/export.xlsx").hasAnyRole("DATA_OFFICER", "REVIEWER")
                .requestMatchers(HttpMethod.POST, "/records/filter").hasAnyRole("DATA_OFFICER", "REVIEWER")
                .requestMatchers("/records", "/records/**").hasRole("DATA_OFFICER");
    }
}
