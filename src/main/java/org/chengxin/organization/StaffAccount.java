package org.chengxin.organization;

import java.time.Instant;

import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;

/** A staff account as the administrator sees it (never its password hash). */
public record StaffAccount(long id, String username, String displayName, Role role, DepartmentCode departmentCode,
        boolean enabled, Instant lockedUntil) {
}
