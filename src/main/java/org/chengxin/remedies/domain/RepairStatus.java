package org.chengxin.remedies.domain;

/** Where a repair application stands, with the words a person reads. */
public enum RepairStatus {
    OPEN("认定部门审核中", true),
    GRANTED("已修复", false),
    REFUSED("不予修复", false),
    WITHDRAWN("本人已撤回", false);

    private final String label;
    private final boolean open;

    RepairStatus(String label, boolean open) {
        this.label = label;
        this.open = open;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return open;
    }
}
