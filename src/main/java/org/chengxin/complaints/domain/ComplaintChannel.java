package org.chengxin.complaints.domain;

/** How a complaint came in. */
public enum ComplaintChannel {
    ONLINE("网上提交"),
    WINDOW("窗口代办");

    private final String label;

    ComplaintChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
