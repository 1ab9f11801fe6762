package org.chengxin.evaluation.domain;

/**
 * Whether a record under objection still counts for points (a setting of the points model). Either way
 * it is shown with the 异议标注; a record suspended after an objection not verified in time never counts.
 */
public enum ObjectedRecords {

    /** The default: the record counts as it stands, and the score is marked disputed. */
    COUNT("照常计分，标注异议"),

    /** The record is set aside while the objection is open; it counts again if the record is upheld. */
    EXCLUDE("异议处理期间不计分");

    private final String label;

    ObjectedRecords(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The setting as stored; a model stored before the setting existed has the default. */
    public static ObjectedRecords orDefault(ObjectedRecords stored) {
        return stored == null ? COUNT : stored;
    }
}
