package org.chengxin.statements.domain;

/** What the automatic pre-check points out to the reviewer: a hint, never a refusal. */
public enum PrecheckFlag {

    ID_NUMBER("疑似含有身份证号码（已自动遮蔽）"),
    MOBILE_NUMBER("疑似含有手机号码");

    private final String label;

    PrecheckFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
