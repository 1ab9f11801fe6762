package org.chengxin.ingestion.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class IngestionAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/record-batches", "/api/v1/record-batches/**").hasAuthority("SCOPE_records:write")
                .requestMatchers("/api/v1/inbound-lists", "/api/v1/inbound-lists/**").hasAuthority("SCOPE_lists:import")
                .requestMatchers("/admin/inbound-lists", "/admin/inbound-lists/**").hasRole("SYSTEM_ADMIN")
                .requestMatchers("/ingestion", "/ingestion/**").hasRole("DATA_OFFICER")
                .requestMatchers("/admin/figures").hasRole("SYSTEM_ADMIN");
    }
}
