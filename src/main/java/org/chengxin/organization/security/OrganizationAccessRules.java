package org.chengxin.organization.security;

import org.chengxin.shared.security.AccessRules;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class OrganizationAccessRules implements AccessRules {

    private final SingleSignOn singleSignOn;

    OrganizationAccessRules(SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        SecondFactorResetAccess.configure(rules);
        // the second factor's pages: only between the password and the code (LoginStepsFilter sends there)
        rules.requestMatchers(StaffLoginSuccess.CODE_PAGE, StaffLoginSuccess.CODE_PAGE + "/**").hasAuthority(SecondFactorPending.AUTHORITY);
        // 三员分立: departments and department systems are the system administrator's, staff accounts the security
        // administrator's
        rules.requestMatchers("/admin/departments", "/admin/departments/**", "/admin/clients", "/admin/clients/**")
                .hasRole("SYSTEM_ADMIN")
                .requestMatchers("/admin/staff", "/admin/staff/**").hasRole("SECURITY_ADMIN")
                // the activation page is public: the person has a code from the window, not a password yet
                .requestMatchers("/activate").permitAll()
                // so is asking for a code by SMS: the code goes to the mobile number the register holds, not to the asker
                .requestMatchers("/enrol").permitAll()
                .requestMatchers("/window/accounts", "/window/accounts/**").hasRole("CLERK")
                .requestMatchers("/my/account", "/my/account/**").hasRole("CITIZEN");
        if (singleSignOn.enabled()) {
            // the single sign-on's start and its return from the provider (Spring Security's filters answer both)
            rules.requestMatchers("/oauth2/authorization/" + SingleSignOn.REGISTRATION_ID,
                    "/login/oauth2/code/" + SingleSignOn.REGISTRATION_ID).permitAll();
        }
    }
}
