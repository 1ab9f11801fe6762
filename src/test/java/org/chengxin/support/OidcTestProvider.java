package org.chengxin.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.servlet.Session;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A stand-in for the province's unified login: a real OpenID Connect provider (Spring Authorization Server with its
 * discovery, authorize, token and JWKS endpoints and its form login) in an application context of its own, on a
 * random port at {@code http://localhost}. It shares nothing with the platform under test: no auto-configuration, no
 * component scan, no configuration files (the application's listeners are removed), and this class is no
 * {@code @Component}, so the platform's scan of {@code org.chengxin} does not pick it up either.
 * <p>
 * Its one client, {@link #CLIENT_ID}, may be sent back to any port of {@code http://127.0.0.1} (the loopback rule of
 * OAuth 2.1), so the platform must be reached at 127.0.0.1. Any user name logs in with {@link #PASSWORD}; the ID
 * token of a user given a claim with {@link #person} carries it as {@link #CLAIM}, consent is not asked.
 */
public final class OidcTestProvider implements AutoCloseable {

    public static final String CLIENT_ID = "chengxin-test";
    public static final String CLIENT_SECRET = "provider-secret";
    public static final String PASSWORD = "provider-passw0rd";
    public static final String CLAIM = "id_number";

    private final ConfigurableApplicationContext context;
    private final Map<String, String> claims;

    private OidcTestProvider(ConfigurableApplicationContext context, Map<String, String> claims) {
        this.context = context;
        this.claims = claims;
    }

    public static OidcTestProvider start() {
        Map<String, String> claims = new ConcurrentHashMap<>();
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ProviderConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .initializers(context -> context.getBeanFactory().registerSingleton("providerClaims", new Claims(claims)));
        // no configuration files, no logging set-up of its own: the platform's settings stay the platform's
        builder.application().setListeners(List.of());
        return new OidcTestProvider(builder.run(), claims);
    }

    /** The issuer, {@code http://localhost:port}: what the platform's {@code issuer-uri} names. */
    public String issuer() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A user of the provider whose ID token carries {@code idNumber} as {@link #CLAIM} (null: no such claim). */
    public void person(String username, String idNumber) {
        if (idNumber == null) {
            claims.remove(username);
        } else {
            claims.put(username, idNumber);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /** Who gets which claim; a bean, so that the token customizer reads what the test sets. */
    record Claims(Map<String, String> byUser) {
    }

    @EnableWebSecurity
    static class ProviderConfiguration {

        @Bean
        TomcatServletWebServerFactory providerServer() {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            Session session = new Session();
            // a cookie of its own name: the provider's session must not be the platform's
            session.getCookie().setName("PROVIDER_SESSION");
            factory.setSession(session);
            // Spring Security's filters answer every request; Tomcat runs filters only for a request some servlet maps
            factory.setRegisterDefaultServlet(true);
            return factory;
        }

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, s -> s.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                    .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(rules -> rules.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService users() {
            return username -> User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
        }

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://127.0.0.1/login/oauth2/code/province")
                    .scope(OidcScopes.OPENID)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build());
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idNumberClaim(Claims claims) {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    String idNumber = claims.byUser().get(context.getPrincipal().getName());
                    if (idNumber != null) {
                        context.getClaims().claim(CLAIM, idNumber);
                    }
                }
            };
        }

        @Bean
        KeyPair signingKey() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }

        @Bean
        JWKSource<SecurityContext> keys(KeyPair pair) {
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** The OpenID Connect user info endpoint's check of its access tokens (the platform does not call it). */
        @Bean
        JwtDecoder accessTokens(KeyPair pair) {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) pair.getPublic()).build();
        }

        @Bean
        AuthorizationServerSettings settings() {
            // no issuer set: the server names itself after the address it is asked at, http://localhost:port
            return AuthorizationServerSettings.builder().build();
        }
    }
}
