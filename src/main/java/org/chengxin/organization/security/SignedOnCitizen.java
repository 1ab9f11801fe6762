package org.chengxin.organization.security;

import java.io.Serial;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The provider's user, carried from the OpenID Connect login to its success handler together with the citizen
 * it was mapped to; the handler makes the session's principal that {@link CitizenPrincipal}, so nothing after
 * the login sees this class.
 */
final class SignedOnCitizen extends DefaultOidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final CitizenPrincipal citizen;

    SignedOnCitizen(OidcUser user, CitizenPrincipal citizen) {
        super(citizen.getAuthorities(), user.getIdToken(), user.getUserInfo());
        this.citizen = citizen;
    }

    CitizenPrincipal citizen() {
        return citizen;
    }

    /** The masked number: the provider's subject identifier may be the ID number itself. */
    @Override
    public String getName() {
        return citizen.getUsername();
    }

    /** Not the claims: they hold the full ID number. */
    @Override
    public String toString() {
        return "SignedOnCitizen[" + citizen.getUsername() + "]";
    }
}
