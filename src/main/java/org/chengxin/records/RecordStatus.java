package org.chengxin.records;

/**
 * Where a record stands. Active records and records under objection are shown and used; a record whose
 * objection was not verified in time ({@link #SUSPENDED}) is shown, marked, but not used until the
 * department decides; the others are neither shown nor used.
 */
public enum RecordStatus {
    ACTIVE("有效"),
    OBJECTED("异议处理中"),
    SUSPENDED("异议逾期未核查，暂停使用"),
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

    /** Used for points, lists and measures (the points model and the measure lists may still set an objected record aside). */
    public boolean counts() {
        return this == ACTIVE || this == OBJECTED;
    }

    /** Shown on the outputs that show records in force (the person's pages, reports), with its mark when disputed. */
    public boolean shown() {
        return counts() || this == SUSPENDED;
    }

    /** Under an objection not yet answered: shown with the 异议标注. */
    public boolean disputed() {
        return this == OBJECTED || this == SUSPENDED;
    }
}
