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

/** A logged-in staff member of a department. */
final class StaffPrincipal implements UserDetails, CredentialsContainer, ChengxinPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private final String fullName;
    private final Role role;
    private final DepartmentCode departmentCode;
    private final boolean enabled;
    private final boolean locked;
    private String passwordHash;

    StaffPrincipal(long accountId, String username, String fullName, Role role, DepartmentCode departmentCode,
            String passwordHash, boolean enabled, boolean locked) {
        this.accountId = accountId;
        this.username = username;
        this.fullName = fullName;
        this.role = role;
        this.departmentCode = departmentCode;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    long accountId() {
        return accountId;
    }

    public String fullName() {
        return fullName;
    }

    @Override
    public String displayName() {
        return username;
    }

    @Override
    public String personName() {
        return fullName;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public DepartmentCode departmentCode() {
        return departmentCode;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
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
