package org.chengxin.shared.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's access rules for its pages and API endpoints. The security configuration collects
 * every module's rules and denies whatever no rule allows.
 */
public interface AccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules);
}
