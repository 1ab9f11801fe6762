package org.chengxin.catalog.domain;

/** What kind of credit information an item holds. */
public enum ItemKind {
    BASIC("基础信息"),
    GOOD_CREDIT("守信信息"),
    DISHONESTY("失信信息"),
    OTHER("其他信息");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
