package org.chengxin.organization.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The authorization server's store of issued tokens, which also puts every access token it marks
 * invalidated (by {@code /oauth2/revoke}, or by whatever else invalidates one) on the denylist that
 * bearer-authenticated calls are checked against.
 */
final class DenylistingAuthorizationService implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService delegate;
    private final RevokedAccessTokens revoked;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DenylistingAuthorizationService(OAuth2AuthorizationService delegate, RevokedAccessTokens revoked,
            ApplicationEventPublisher events, Clock clock) {
        this.delegate = delegate;
        this.revoked = revoked;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2AccessToken> accessToken = authorization.getAccessToken();
        if (accessToken != null && accessToken.isInvalidated()) {
            // denied before the invalidation is stored: a revocation half done still refuses the token
            denylist(authorization.getPrincipalName(), accessToken.getToken());
        }
        delegate.save(authorization);
    }

    private void denylist(String clientId, OAuth2AccessToken token) {
        JWTClaimsSet claims = claimsOf(token);
        // a token without an id or an expiry is never accepted (NotRevokedValidator, JwtTimestampValidator)
        if (claims == null || claims.getJWTID() == null || claims.getExpirationTime() == null) {
            return;
        }
        Instant now = Instant.now(clock);
        if (revoked.add(claims.getJWTID(), claims.getExpirationTime().toInstant(), now)) {
            DepartmentCode department = claims.getClaim(CurrentActor.DEPARTMENT_CLAIM) instanceof String code
                    ? DepartmentCode.parse(code).orElse(null) : null;
            events.publishEvent(AuditEvent.of(new Actor(clientId, Role.API_CLIENT.name(), department), now,
                    "auth.token-revoke", null, null, AuditOutcome.SUCCESS, "撤销访问令牌 " + claims.getJWTID()));
        }
    }

    private static JWTClaimsSet claimsOf(OAuth2AccessToken token) {
        try {
            return JWTParser.parse(token.getTokenValue()).getJWTClaimsSet();
        } catch (ParseException e) {
            return null;
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }
}
