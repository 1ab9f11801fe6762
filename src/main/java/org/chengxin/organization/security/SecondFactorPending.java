package org.chengxin.organization.security;

import java.io.Serial;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A staff member who gave the right password but not yet the second factor: no role, only the authority to open
 * the second-factor pages ({@link LoginStepsFilter} sends every other request there). The full login waits in the
 * session under {@link #PASSWORD_PASSED}.
 */
final class SecondFactorPending extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String AUTHORITY = "FACTOR_PENDING";
    static final String PASSWORD_PASSED = "chengxin.login.password-passed";

    private final String username;

    SecondFactorPending(String username) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.username = username;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return username;
    }
}
