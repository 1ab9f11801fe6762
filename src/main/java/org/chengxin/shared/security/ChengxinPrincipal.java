package org.chengxin.shared.security;

import org.chengxin.shared.organization.DepartmentCode;

/** What every logged-in person is, whoever authenticated them (form login now, city SSO later). */
public interface ChengxinPrincipal {

    /** Login name of staff; masked ID number of a citizen. Never a full ID number. */
    String displayName();

    /** The person's name as others read it (a staff member's full name); the display name where there is none. */
    default String personName() {
        return displayName();
    }

    Role role();

    /** The department code of staff; null for citizens. */
    DepartmentCode departmentCode();

    /** The credit subject's id for a citizen; null for staff. */
    default Long subjectId() {
        return null;
    }
}
