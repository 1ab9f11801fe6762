package org.chengxin.complaints.domain;

/** Where a complaint stands. */
public enum ComplaintStatus {
    RECEIVED("已登记，待受理"),
    ACKNOWLEDGED("已受理，办理中"),
    ANSWERED("已答复");

    private final String label;

    ComplaintStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
