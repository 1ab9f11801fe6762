package org.chengxin.notifications.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** A citizen reads only their own inbox and sets only their own channels. */
@Component
class NotificationsAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/my/inbox", "/my/notification-settings").hasRole("CITIZEN");
    }
}
