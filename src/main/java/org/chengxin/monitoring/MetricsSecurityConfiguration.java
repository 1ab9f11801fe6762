package org.chengxin.monitoring;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/prometheus} has a filter chain of its own, before the platform's: HTTP Basic with the metrics
 * account alone ({@link MetricsCredentials}), no session read or made, no CSRF (a scraper posts nothing): anyone else gets
 * 401, a person's session included. Its authentication manager is its own and publishes no events, so a wrong metrics
 * password never counts towards a person's login lockout, and the people's login is untouched.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurityConfiguration {

    static final String PATH = "/actuator/prometheus";
    static final String ROLE = "METRICS";

    @Bean
    @Order(0)
    SecurityFilterChain metricsChain(HttpSecurity http, MetricsCredentials credentials) throws Exception {
        http.securityMatcher(PATH)
                .authenticationManager(new ProviderManager(new MetricsAuthentication(credentials)))
                .authorizeHttpRequests(rules -> rules.anyRequest().hasRole(ROLE))
                .httpBasic(basic -> basic.realmName("chengxin-metrics"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** The metrics account's authentication, built here for this chain alone (never a bean). */
    private record MetricsAuthentication(MetricsCredentials credentials) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            Object password = authentication.getCredentials();
            if (!credentials.matches(authentication.getName(), password == null ? null : password.toString())) {
                throw new BadCredentialsException("监控接口账号或密码错误");
            }
            return UsernamePasswordAuthenticationToken.authenticated(credentials.username(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
