package org.chengxin.catalog.domain;

/** Who may see a record of an item. */
public enum DisclosureScope {
    PUBLIC("社会公开"),
    AUTHORIZED("授权查询"),
    GOVERNMENT("政务共享"),
    NOT_DISCLOSED("不予公开");

    private final String label;

    DisclosureScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
