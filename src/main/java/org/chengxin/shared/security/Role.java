package org.chengxin.shared.security;

/** The roles of the platform. Staff roles belong to a department; citizens and API clients are apart. */
public enum Role {
    ADMIN("平台管理员"),
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

    public boolean isStaff() {
        return this != CITIZEN && this != API_CLIENT;
    }
}
