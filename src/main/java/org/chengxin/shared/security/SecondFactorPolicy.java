package org.chengxin.shared.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who must log in with a second factor (TOTP, RFC 6238) besides the password: the roles named in
 * {@value #PROPERTY}, by default the administrators, the auditors and the reviewers (GB/T 22239-2019,
 * level 3: two combined factors for administrators and for whoever reaches personal data in bulk).
 * The one place that says so: the login, the production check and the pages ask here.
 */
public final class SecondFactorPolicy {

    public static final String PROPERTY = "chengxin.security.second-factor.required-roles";

    /** The roles that administer the platform: in production they can never log in with a password alone. */
    public static final Set<Role> ADMINISTRATORS = Set.copyOf(EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN));

    public static final String DEFAULT = "SYSTEM_ADMIN,SECURITY_ADMIN,AUDIT_ADMIN,AUDITOR,REVIEWER";

    private final Set<Role> required;

    private SecondFactorPolicy(Set<Role> required) {
        this.required = Set.copyOf(required);
    }

    /**
     * The policy of a comma-separated list of role names (blank: nobody); a name that is no staff role is refused, so
     * that a typo cannot silently leave a role with a password alone.
     */
    public static SecondFactorPolicy of(String roleNames) {
        if (roleNames == null || roleNames.isBlank()) {
            return new SecondFactorPolicy(Set.of());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames.split(",")) {
            String trimmed = name.trim().toUpperCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(trimmed)).findFirst()
                    .filter(Role::isStaff)
                    .orElseThrow(() -> new IllegalArgumentException(PROPERTY + " 含有不是工作人员角色的名称: " + trimmed));
            roles.add(role);
        }
        return new SecondFactorPolicy(roles);
    }

    public boolean requires(Role role) {
        return required.contains(role);
    }

    /** The administrator roles the policy leaves with a password alone (in production: refused at start). */
    public Set<Role> administratorsWithoutSecondFactor() {
        return ADMINISTRATORS.stream().filter(role -> !required.contains(role)).collect(Collectors.toUnmodifiableSet());
    }

    public Set<Role> requiredRoles() {
        return required;
    }
}
