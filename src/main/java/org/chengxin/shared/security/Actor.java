package org.chengxin.shared.security;

import org.chengxin.shared.organization.DepartmentCode;

/** Who did something, as the audit trail records it; the department is null for citizens and the system. */
public record Actor(String name, String role, DepartmentCode department) {

    public static final Actor SYSTEM = new Actor("system", "SYSTEM", null);
    public static final Actor ANONYMOUS = new Actor("anonymous", "ANONYMOUS", null);
}
