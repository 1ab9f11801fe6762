package org.chengxin.statements.domain;

/** Why a reviewer does not publish a statement; the label is what the person reads. */
public enum RejectionGround {

    OTHERS_PERSONAL_DATA("含有他人的个人信息"),
    ABUSIVE("含有侮辱、诽谤等不当内容"),
    NOT_ABOUT_RECORD("与该条信用记录无关"),
    OTHER("其他原因");

    private final String label;

    RejectionGround(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
