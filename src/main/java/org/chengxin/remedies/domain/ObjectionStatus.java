package org.chengxin.remedies.domain;

/** Where an objection stands, with the words a person reads. */
public enum ObjectionStatus {
    SCREENING("平台初审中", true),
    WITH_DEPARTMENT("认定部门核查中", true),
    UPHELD("已处理：维持原记录", false),
    CORRECTED("已处理：记录已更正", false),
    REVOKED("已处理：记录已撤销", false),
    DISMISSED("不予受理", false),
    WITHDRAWN("本人已撤回", false);

    private final String label;
    private final boolean open;

    ObjectionStatus(String label, boolean open) {
        this.label = label;
        this.open = open;
    }

    public String label() {
        return label;
    }

    /** Still waiting for an answer: the record is marked as disputed meanwhile. */
    public boolean isOpen() {
        return open;
    }
}
