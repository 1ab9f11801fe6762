package org.chengxin.firms.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who sees firms' records: the staff who handle or check records (data officers, reviewers, window clerks, auditors,
 * the system administrator) on the page; a department's system holding {@code records:write} or {@code measures:check} through the
 * API. A firm's code and records hold no personal data; the persons they name are shown by their record's number only.
 */
@Component
class FirmsAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/firm-records/revocation").hasAuthority("SCOPE_records:write")
                .requestMatchers(HttpMethod.GET, "/api/v1/firms/*/records")
                .hasAnyAuthority("SCOPE_records:write", "SCOPE_measures:check")
                .requestMatchers(HttpMethod.GET, "/firms", "/firms/*")
                .hasAnyRole("DATA_OFFICER", "REVIEWER", "CLERK", "AUDITOR", "SYSTEM_ADMIN");
    }
}
