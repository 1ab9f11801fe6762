package org.chengxin.archives.web;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The archives are read by the department's reviewer (部门审核员), who decides for the department on its people's
 * records; the data officer pushes and does not browse people by group. Which archive a reviewer may open is decided by
 * the department's items ({@code ArchiveDesk#held}: 403 for another department's group).
 */
@Component
class ArchivesAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/archives", "/archives/**").hasRole("REVIEWER");
    }
}
