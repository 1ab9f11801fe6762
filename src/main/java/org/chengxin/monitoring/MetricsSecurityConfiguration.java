package org.chengxin.monitoring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/prometheus} has a filter chain of its own, before the platform's: HTTP Basic with the metrics
 * account alone ({@link MetricsCredentials}), no session, no CSRF (a scraper posts nothing). Anonymous callers get 401,
 * a person's session 403. Its authentication manager publishes no events, so a wrong metrics password never counts
 * towards a person's login lockout.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurityConfiguration {

    static final String PATH = "/actuator/prometheus";

    @Bean
    @Order(0)
    SecurityFilterChain metricsChain(HttpSecurity http, MetricsCredentials credentials) throws Exception {
        http.securityMatcher(PATH)
                .authenticationManager(new ProviderManager(credentials))
                .authorizeHttpRequests(rules -> rules.anyRequest().hasRole(MetricsCredentials.ROLE))
                .httpBasic(basic -> basic.realmName("chengxin-metrics"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
