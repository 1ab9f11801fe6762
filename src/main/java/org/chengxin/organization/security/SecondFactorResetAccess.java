package org.chengxin.organization.security;

import org.chengxin.shared.security.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may reset another staff member's lost second factor: the one rule, for the pages and for the use case
 * (request and approval are made by two different holders of this role).
 */
final class SecondFactorResetAccess {

    /** 三员分立: accounts and their factors are the security administrator's; two of them, one asking and one approving. */
    static final Role ROLE = Role.SECURITY_ADMIN;

    static final String PAGES = "/admin/second-factor-resets";

    private SecondFactorResetAccess() {
    }

    static void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(PAGES, PAGES + "/**").hasRole(ROLE.name());
    }

    static boolean mayReset(Role role) {
        return role == ROLE;
    }
}
