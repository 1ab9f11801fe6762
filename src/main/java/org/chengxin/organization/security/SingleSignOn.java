package org.chengxin.organization.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.organization.security.SingleSignOnCitizens.Refusal;
import org.chengxin.organization.security.SingleSignOnCitizens.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Citizens' single sign-on through an OpenID Connect provider, the province's unified government-service login:
 * off unless {@code chengxin.sso.enabled}, with the client registration {@value #REGISTRATION_ID} from Spring
 * Boot's {@code spring.security.oauth2.client.registration.province.*} and {@code provider.province.issuer-uri}.
 * The login page then offers a button to {@code /oauth2/authorization/province}; the provider sends the person back
 * to {@code /login/oauth2/code/province}, the ID number claim ({@code chengxin.sso.id-number-claim}) is mapped to
 * the citizen ({@link SingleSignOnCitizens}), and the session's principal becomes the same
 * {@link CitizenPrincipal} a password login gives. A refusal goes back to {@code /login?sso=code}.
 * The platform keeps none of the provider's tokens: it only needed to know who the person is.
 */
@Component
class SingleSignOn {

    static final String REGISTRATION_ID = "province";

    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

    private final boolean enabled;
    private final String idNumberClaim;
    private final SingleSignOnCitizens citizens;
    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contextRepository = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    SingleSignOn(@Value("${chengxin.sso.enabled:false}") boolean enabled,
            @Value("${chengxin.sso.id-number-claim:id_number}") String idNumberClaim, SingleSignOnCitizens citizens,
            ObjectProvider<ClientRegistrationRepository> registrations) {
        this.enabled = enabled;
        this.idNumberClaim = idNumberClaim;
        this.citizens = citizens;
        this.registrations = registrations;
    }

    boolean enabled() {
        return enabled;
    }

    /** Adds the OpenID Connect login to the pages' filter chain, when enabled. */
    void configure(HttpSecurity http) throws Exception {
        if (!enabled) {
            return;
        }
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        ClientRegistration registration = repository == null ? null : repository.findByRegistrationId(REGISTRATION_ID);
        if (registration == null) {
            throw new IllegalStateException("已启用统一身份认证登录（chengxin.sso.enabled=true），但未配置客户端注册 "
                    + REGISTRATION_ID + "：请设置 spring.security.oauth2.client.registration.province.client-id、client-secret、"
                    + "scope=openid 及 spring.security.oauth2.client.provider.province.issuer-uri（docs/operations.md）");
        }
        if (!registration.getScopes().contains(OidcScopes.OPENID)) {
            throw new IllegalStateException("统一身份认证登录须使用 OpenID Connect：spring.security.oauth2.client.registration.province.scope 应包含 openid");
        }
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(repository,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(repository)
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(onlyKnown(resolver)))
                .authorizedClientRepository(new NoAuthorizedClients())
                .userInfoEndpoint(info -> info.oidcUserService(new CitizenUserService(idNumberClaim, citizens)))
                .successHandler(this::signedOn)
                .failureHandler(this::refused));
    }

    /** An unknown registration id is no authorization request (the address is then not found), not an error 500. */
    private static OAuth2AuthorizationRequestResolver onlyKnown(OAuth2AuthorizationRequestResolver resolver) {
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                try {
                    return resolver.resolve(request);
                } catch (IllegalArgumentException unknown) {
                    return null;
                }
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
                try {
                    return resolver.resolve(request, clientRegistrationId);
                } catch (IllegalArgumentException unknown) {
                    return null;
                }
            }
        };
    }

    /** The session's principal becomes the citizen, as after a password login. */
    private void signedOn(HttpServletRequest request, HttpServletResponse response, Authentication authentication) throws IOException {
        if (!(authentication.getPrincipal() instanceof SignedOnCitizen signedOn)) {
            contexts.clearContext();
            contextRepository.saveContext(contexts.createEmptyContext(), request, response);
            redirects.sendRedirect(request, response, "/login?sso=" + Refusal.FAILED.code());
            return;
        }
        CitizenPrincipal citizen = signedOn.citizen();
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(citizen, null,
                citizen.getAuthorities());
        token.setDetails(authentication.getDetails());
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(token);
        contexts.setContext(context);
        contextRepository.saveContext(context, request, response);
        redirects.sendRedirect(request, response, "/home");
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        Refusal refusal = e instanceof Refused refused ? refused.refusal() : Refusal.FAILED;
        if (refusal == Refusal.FAILED) {
            // cancelled at the provider, an expired or replayed answer, an ID token that did not verify: audited with its code
            String code = e instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : e.getClass().getSimpleName();
            citizens.failed(code);
            log.info("统一身份认证登录未完成：{}", code);
        }
        redirects.sendRedirect(request, response, "/login?sso=" + refusal.code());
    }

    /** The provider's user, mapped to the citizen by the ID number claim of its ID token (or user info). */
    private static final class CitizenUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

        private final OidcUserService delegate = new OidcUserService();
        private final String claim;
        private final SingleSignOnCitizens citizens;

        CitizenUserService(String claim, SingleSignOnCitizens citizens) {
            this.claim = claim;
            this.citizens = citizens;
        }

        @Override
        public OidcUser loadUser(OidcUserRequest request) {
            OidcUser user = delegate.loadUser(request);
            return new SignedOnCitizen(user, citizens.signIn(user.getClaims().get(claim)));
        }
    }

    /** The platform calls none of the provider's APIs: the provider's tokens are not kept, in the session or anywhere. */
    private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId, Authentication principal,
                HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String clientRegistrationId, Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {
        }
    }
}
