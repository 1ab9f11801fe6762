package org.chengxin.inquiry.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Report verification (报告核验) is public: whoever is shown a report may check it. */
@Component
class InquiryAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/verify").permitAll()
                .requestMatchers(HttpMethod.POST, "/verify").permitAll();
    }
}
