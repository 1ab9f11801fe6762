package org.chengxin.shared.security;

/**
 * The roles of the platform. Staff roles belong to a department; citizens and API clients are apart. An account has
 * exactly one role. The platform's administration is split three ways (三员分立, docs/architecture.md, "Separated
 * administrators"): the system administrator runs the platform's configuration and business administration, the
 * security administrator the accounts, the audit administrator reads the audit trail; no account and no person holds
 * two of them.
 */
public enum Role {
    /** 系统管理员: departments, clients, catalog, models and the platform's business administration. */
    SYSTEM_ADMIN("系统管理员"),
    /** 安全管理员: staff accounts, their roles, lockouts. */
    SECURITY_ADMIN("安全管理员"),
    /** 安全审计员: reads the audit trail and verifies its chain; changes nothing. */
    AUDIT_ADMIN("安全审计员"),
    DATA_OFFICER("部门报送员"),
    REVIEWER("部门审核员"),
    CLERK("窗口人员"),
    AUDITOR("审计员"),
    /** The leading group (社会信用体系建设领导小组): reads the assessment of departments, changes nothing. */
    LEADER("领导小组"),
    CITIZEN("公民"),
    API_CLIENT("部门业务系统");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority, e.g. {@code ROLE_CLERK}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** One of the three separated administrators (三员). */
    public boolean isAdministrator() {
        return this == SYSTEM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }

    public boolean isStaff() {
        return this != CITIZEN && this != API_CLIENT;
    }
}
