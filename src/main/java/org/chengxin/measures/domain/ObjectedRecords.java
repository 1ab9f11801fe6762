package org.chengxin.measures.domain;

/**
 * Whether a record under objection can trigger a measure (a setting of the measure lists). Either way a
 * record suspended after an objection not verified in time triggers none: it is not in force for the rules.
 */
public enum ObjectedRecords {

    /** The default: the record triggers as it stands, and the hit is marked disputed (异议处理中). */
    COUNT("可以触发措施，标注异议"),

    /** The record triggers no measure while the objection is open; it does again if the record is upheld. */
    EXCLUDE("异议处理期间不触发措施");

    private final String label;

    ObjectedRecords(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The setting as stored; a list stored before the setting existed has the default. */
    public static ObjectedRecords orDefault(ObjectedRecords stored) {
        return stored == null ? COUNT : stored;
    }
}
