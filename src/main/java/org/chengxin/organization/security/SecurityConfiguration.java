package org.chengxin.organization.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.AccessRules;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.security.SecondFactorPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three filter chains: the OAuth2 token endpoint for department systems, the stateless JWT-protected
 * {@code /api/**}, and the pages with form login (and, when configured, citizens' single sign-on,
 * {@link SingleSignOn}), sessions and CSRF. Every module contributes its
 * {@link AccessRules}; whatever no rule allows is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /** No page or answer of the platform uses any of these; a script injected despite the CSP gets none. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), browsing-topics=()";

    @Bean
    PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
        return encoder;
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients,
            RevokedAccessTokens revoked, ApplicationEventPublisher events, Clock clock) {
        return new DenylistingAuthorizationService(new JdbcOAuth2AuthorizationService(jdbc, clients), revoked, events, clock);
    }

    @Bean
    TokenIssuer tokenIssuer(@Value("${chengxin.security.issuer}") String issuer) {
        return TokenIssuer.of(issuer);
    }

    /** The issuer is the configured one: left unset, the server would take it from each request's Host. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(TokenIssuer issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer.value()).build();
    }

    /** Puts the client's department into its tokens and writes each issue to the audit trail. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> departmentClaim(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        return context -> {
            if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                return;
            }
            String clientId = context.getRegisteredClient().getClientId();
            DepartmentCode department = jdbc.sql("select department_code from organization_api_client where client_id = :id")
                    .param("id", clientId).query(String.class).optional().map(DepartmentCode::of).orElse(null);
            if (department != null) {
                context.getClaims().claim(CurrentActor.DEPARTMENT_CLAIM, department.value());
            }
            events.publishEvent(AuditEvent.of(new Actor(clientId, Role.API_CLIENT.name(), department), Instant.now(clock),
                    "auth.token", null, null, AuditOutcome.SUCCESS, "签发访问令牌，范围 " + context.getAuthorizedScopes()));
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, ApplicationEventPublisher events, Clock clock,
            TokenIssuer issuer) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .addFilterAfter(new ForeignHostRefusal(issuer), HeaderWriterFilter.class)
                .with(authorizationServer, server -> server.clientAuthentication(client ->
                        client.errorResponseHandler(new ClientAuthenticationAuditing(events, clock))))
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                        ProblemResponses.write(response, 401, "AUTHENTICATION_REQUIRED", "需要客户端身份认证")))
                .headers(headers -> headers.permissionsPolicyHeader(policy -> policy.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, List<AccessRules> rules, UnknownPathAccess unknownPaths) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(registry -> apply(registry, rules, unknownPaths))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(SecurityConfiguration::refuseBearer)
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response, 403,
                                "ACCESS_DENIED", "访问令牌的授权范围不允许此操作")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'"))
                        .permissionsPolicyHeader(policy -> policy.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    /** Who must log in with a second factor (the one list; in production never without the administrators). */
    @Bean
    SecondFactorPolicy secondFactorPolicy(
            @Value("${" + SecondFactorPolicy.PROPERTY + ":" + SecondFactorPolicy.DEFAULT + "}") String roles) {
        return SecondFactorPolicy.of(roles);
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, List<AccessRules> rules, SingleSignOn singleSignOn,
            UnknownPathAccess unknownPaths, StaffLoginSuccess loginSuccess, LoginAddressLimit addressLimit, Clock clock,
            ApplicationEventPublisher events, @Value("${chengxin.security.idle-timeout:PT15M}") Duration idle) throws Exception {
        http.addFilterBefore(new IdleTimeout(idle, clock, events), SecurityContextHolderFilter.class)
                .addFilterBefore(new LoginAddressLimitFilter(addressLimit), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new LoginStepsFilter(), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(registry -> apply(registry, rules, unknownPaths))
                .formLogin(form -> form.loginPage("/login").loginProcessingUrl("/login")
                        .usernameParameter("account").passwordParameter("password")
                        // the second factor, one session per staff account, the password change an administrator asks for
                        .successHandler(loginSuccess)
                        // the same answer whether the password was wrong, the account unknown or locked:
                        // a login page must not tell an attacker which accounts exist
                        .failureUrl("/login?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(policy -> policy.policy(PERMISSIONS_POLICY)));
        // citizens' OpenID Connect login (the province's unified login), when chengxin.sso.enabled
        singleSignOn.configure(http);
        return http.build();
    }

    private static void refuseBearer(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        if (NotRevokedValidator.refusedAsRevoked(refusal)) {
            ProblemResponses.write(response, 401, "TOKEN_REVOKED", "访问令牌已被撤销：请重新获取令牌");
            return;
        }
        ProblemResponses.write(response, 401, "AUTHENTICATION_REQUIRED",
                "缺少有效的访问令牌：请先以客户端凭证获取令牌，并以 Bearer 方式携带");
    }

    /** What no rule allows is denied, except a path nobody maps: a logged-in caller gets its 404 (UnknownPathAccess). */
    @Bean
    UnknownPathAccess unknownPathAccess(ApplicationContext context) {
        return new UnknownPathAccess(context);
    }

    private static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry,
            List<AccessRules> rules, UnknownPathAccess unknownPaths) {
        rules.forEach(rule -> rule.configure(registry));
        registry.anyRequest().access(unknownPaths);
    }

}
