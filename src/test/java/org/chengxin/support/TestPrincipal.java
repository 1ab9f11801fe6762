package org.chengxin.support;

import java.util.Collection;
import java.util.List;

import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A logged-in person for slice and MockMvc tests, without a password round trip. */
public record TestPrincipal(String displayName, Role role, DepartmentCode departmentCode) implements ChengxinPrincipal, UserDetails {

    /** A person of this role in the department with this code (null for none). */
    public static Authentication of(Role role, String departmentCode) {
        TestPrincipal p = new TestPrincipal(role.name().toLowerCase() + "-test", role,
                departmentCode == null ? null : DepartmentCode.of(departmentCode));
        return UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return displayName;
    }
}
