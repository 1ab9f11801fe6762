package org.chengxin.organization.security;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Refuses an access token whose id is on the denylist, and one without an id: every token the
 * platform issues has one, and a token without it could not be revoked.
 */
final class NotRevokedValidator implements OAuth2TokenValidator<Jwt> {

    private static final String REVOKED = "The access token has been revoked";
    private static final OAuth2Error REVOKED_ERROR = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, REVOKED, null);
    private static final OAuth2Error NO_ID_ERROR = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The access token has no id (jti)", null);

    private final RevokedAccessTokens revoked;

    NotRevokedValidator(RevokedAccessTokens revoked) {
        this.revoked = revoked;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String jti = token.getId();
        if (jti == null || jti.isBlank()) {
            return OAuth2TokenValidatorResult.failure(NO_ID_ERROR);
        }
        return revoked.contains(jti) ? OAuth2TokenValidatorResult.failure(REVOKED_ERROR) : OAuth2TokenValidatorResult.success();
    }

    /** Whether a bearer token was refused because it had been revoked. */
    static boolean refusedAsRevoked(AuthenticationException refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                return invalid.getErrors().stream().anyMatch(error -> REVOKED.equals(error.getDescription()));
            }
        }
        return false;
    }
}
