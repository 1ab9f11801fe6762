package org.chengxin.organization;

/** The kinds of organization that take part in the platform. */
public enum DepartmentKind {
    PLATFORM("信用平台运营机构"),
    GOVERNMENT("政府部门"),
    ASSOCIATION("行业协会商会"),
    CREDIT_AGENCY("征信机构"),
    /**
     * Another credit platform the city exchanges with (issue 18): the provincial platform (信用湖南), the national
     * sharing platform (信用中国) or another city's platform. Its systems may hold only the exchange scopes
     * ({@link ApiClients#EXTERNAL_SCOPES}); it pushes nothing as a department and is assessed nowhere.
     */
    EXTERNAL_PLATFORM("外部信用平台");

    private final String label;

    DepartmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
