package org.chengxin.records;

/** Where a record stands. Only active records and records under objection are shown and used. */
public enum RecordStatus {
    ACTIVE("有效"),
    OBJECTED("异议处理中"),
    REPAIRED("已修复"),
    EXPIRED("已过公开期限"),
    REVOKED("已撤销");

    private final String label;

    RecordStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean counts() {
        return this == ACTIVE || this == OBJECTED;
    }
}
