package org.chengxin.remedies.domain;

/** How the person gave the credit commitment (信用承诺书) a repair asks for. */
public enum Commitment {
    ONLINE("网上确认承诺"),
    SIGNED("签署书面承诺书");

    private final String label;

    Commitment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
