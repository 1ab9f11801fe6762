package org.chengxin.catalog.domain;

/** Severity tiers of dishonest behaviour, as departments identify and grade it (policy 十四). */
public enum Severity {
    MINOR("轻微"),
    GENERAL("一般"),
    GRAVE("较重"),
    SERIOUS("严重");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
