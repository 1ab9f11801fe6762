package org.chengxin.shared.security;

import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads who is acting from the security context: a staff member, a citizen or a department system. */
public final class CurrentActor {

    /** The JWT claim that names the department an API client acts for. */
    public static final String DEPARTMENT_CLAIM = "department";

    private CurrentActor() {
    }

    public static Actor get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Actor of(Authentication authentication) {
        if (authentication == null) {
            // no request behind it: start-up work, scheduled jobs
            return Actor.SYSTEM;
        }
        if (authentication instanceof AnonymousAuthenticationToken) {
            return Actor.ANONYMOUS;
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof ChengxinPrincipal p) {
            return new Actor(p.displayName(), p.role().name(), p.departmentCode());
        }
        if (principal instanceof Jwt jwt) {
            // a claim that is no department code counts as none: each API refuses a client without a department
            return new Actor(jwt.getSubject(), Role.API_CLIENT.name(),
                    DepartmentCode.parse(jwt.getClaimAsString(DEPARTMENT_CLAIM)).orElse(null));
        }
        return new Actor(authentication.getName(), "UNKNOWN", null);
    }
}
