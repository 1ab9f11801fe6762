package org.chengxin.measures.domain;

/** What makes a measure apply to a person. */
public enum TriggerKind {
    /** The person is on the serious-dishonesty list (严重失信主体名单). */
    SERIOUS_DISHONESTY_LIST("列入严重失信主体名单"),
    /** The person's grade lies within a range (best and worst grade, both included). */
    GRADE_RANGE("信用等级在规定范围内"),
    /** Three or more consecutive years without a bad record (policy 十三). */
    THREE_YEARS_CLEAN("连续三年以上无不良信用记录"),
    /** A good-credit record (优良信用记录) in force. */
    GOOD_CREDIT_RECORD("有优良信用记录"),
    /** A dishonesty record of at least a severity, in force, decided within a number of months. */
    DISHONESTY_RECORD("有规定严重程度以上的失信记录");

    private final String label;

    TriggerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
