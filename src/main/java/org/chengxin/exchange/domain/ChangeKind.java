package org.chengxin.exchange.domain;

/**
 * What happened to a shared thing, as the feed and the files announce it. The last three withdraw it: the receiving
 * platform must stop showing what it got before.
 */
public enum ChangeKind {
    NEW("新增", false),
    CORRECTED("更正", false),
    REVOKED("撤销", true),
    REPAIRED("信用修复", true),
    EXPIRED("公示期满", true);

    private final String label;
    private final boolean withdraws;

    ChangeKind(String label, boolean withdraws) {
        this.label = label;
        this.withdraws = withdraws;
    }

    public String label() {
        return label;
    }

    /** The thing is no longer to be shared from this change on. */
    public boolean withdraws() {
        return withdraws;
    }
}
