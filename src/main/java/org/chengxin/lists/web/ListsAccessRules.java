package org.chengxin.lists.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class ListsAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/lists", "/lists/**").hasRole("REVIEWER");
        rules.requestMatchers("/my/list-notices", "/my/list-notices/**").hasRole("CITIZEN");
        rules.requestMatchers("/admin/agency-blacklist", "/admin/agency-blacklist/**").hasRole("SYSTEM_ADMIN");
    }
}
