package org.chengxin.remedies.domain;

/** How a person's request reached the platform. */
public enum Channel {
    ONLINE("本人网上提交"),
    WINDOW("窗口代为提交（本人到场）");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
