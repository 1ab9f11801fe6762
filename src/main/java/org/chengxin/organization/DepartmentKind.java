package org.chengxin.organization;

/** The kinds of organization that take part in the platform. */
public enum DepartmentKind {
    PLATFORM("信用平台运营机构"),
    GOVERNMENT("政府部门"),
    ASSOCIATION("行业协会商会"),
    CREDIT_AGENCY("征信机构");

    private final String label;

    DepartmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
