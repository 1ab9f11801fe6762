package org.chengxin.statements.domain;

/** Where one version of a statement stands. Only a PUBLISHED version is shown beside the record. */
public enum StatementStatus {

    /** Submitted, under the platform's review (审核中): shown to the person only. */
    PENDING("审核中"),
    /** Passed review: shown beside the record on every output (已公布). */
    PUBLISHED("已公布"),
    /** Refused by the reviewer with a reason (未通过): never shown. */
    REJECTED("未通过"),
    /** Taken back by the person (已撤回): no longer shown. */
    WITHDRAWN("已撤回"),
    /** Replaced by a later version of the same statement (已被新版本替代). */
    SUPERSEDED("已被新版本替代");

    private final String label;

    StatementStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still in force for the person: under review or shown. */
    public boolean live() {
        return this == PENDING || this == PUBLISHED;
    }
}
