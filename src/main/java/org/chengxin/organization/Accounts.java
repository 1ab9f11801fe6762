package org.chengxin.organization;

import java.util.List;
import java.util.Optional;

import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;

/** Creates staff and citizen accounts. Passwords are hashed (Argon2) before they are stored. */
public interface Accounts {

    /**
     * A staff account of one role. An administrator role (三员) is refused to a person (a name) who already holds one of
     * the three: {@code ACCOUNT_ADMINISTRATOR_ROLES_SEPARATED}.
     */
    long createStaff(String username, String displayName, Role role, DepartmentCode departmentCode, String rawPassword);

    long createCitizen(IdNumber idNumber, String rawPassword);

    boolean staffExists(String username);

    /** The real name (display name) of the staff member with this login name, as the administrator entered it. */
    Optional<String> staffName(String username);

    /** Whether an enabled account holds this administrator role. */
    boolean anyAdministrator(Role role);

    List<StaffAccount> staff();

    /** Lifts a lockout before its time, for a staff member the administrator has identified. */
    void unlockStaff(long accountId);

    /** A logged-in person changes their own password, proving the current one. */
    void changeOwnPassword(ChengxinPrincipal who, String currentPassword, String newPassword);

    /** Checks a password against the platform's rules ({@link PasswordRules}); null when it is acceptable. */
    static String passwordProblem(String password) {
        return PasswordRules.problem(password);
    }

    /**
     * The administrator set this staff member's password (a new account, the first administrator): the person must
     * change it at their next login before anything else.
     */
    void requirePasswordChange(String username);
}
