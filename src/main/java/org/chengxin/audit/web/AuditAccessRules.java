package org.chengxin.audit.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The audit trail, its export and the verification of its chain: the security audit administrator (安全审计员, one of
 * the three separated administrators) and the auditor (审计员, who reviews the use of personal information). Neither the
 * system nor the security administrator reads the trail of their own actions. The rest of {@code /audit/**} (queries,
 * flags) is the auditor's only, granted by the inquiry module.
 */
@Component
class AuditAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/audit", "/audit/export.xlsx", "/audit/verification").hasAnyRole("AUDITOR", "AUDIT_ADMIN")
                .requestMatchers("/audit/**").hasRole("AUDITOR")
                .requestMatchers("/actuator/auditchain", "/actuator/auditchain/**").hasAnyRole("AUDITOR", "AUDIT_ADMIN");
    }
}
