package org.chengxin.organization.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A logged-in citizen. Its user name is the masked ID number, so nothing that prints a principal
 * (a log line, a page) can show the full number.
 */
final class CitizenPrincipal implements UserDetails, CredentialsContainer, ChengxinPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final long subjectId;
    private final String maskedId;
    private final boolean enabled;
    private final boolean locked;
    private String passwordHash;

    CitizenPrincipal(long accountId, long subjectId, String maskedId, String passwordHash, boolean enabled, boolean locked) {
        this.accountId = accountId;
        this.subjectId = subjectId;
        this.maskedId = maskedId;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    long accountId() {
        return accountId;
    }

    @Override
    public String displayName() {
        return maskedId;
    }

    @Override
    public Role role() {
        return Role.CITIZEN;
    }

    @Override
    public DepartmentCode departmentCode() {
        return null;
    }

    @Override
    public Long subjectId() {
        return subjectId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(Role.CITIZEN.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return maskedId;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
