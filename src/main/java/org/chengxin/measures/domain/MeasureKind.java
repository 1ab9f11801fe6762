package org.chengxin.measures.domain;

/** Incentive (守信激励) or punishment (失信惩戒). */
public enum MeasureKind {
    INCENTIVE("守信激励"), PUNISHMENT("失信惩戒");

    private final String label;

    MeasureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
