package org.chengxin.notifications;

/**
 * The kinds of notice a person receives, each with the channels it takes unless the person chose otherwise: the
 * inbox always (it is the platform's record of having told the person), SMS by default only where the notice has a
 * legal effect or a deadline for the person (a new dishonesty record, a listing notice or decision), e-mail only when
 * the person asks for it.
 */
public enum NoticeKind {
    DISHONESTY_RECORD("新增失信记录", true),
    LIST_ENTRY("严重失信主体名单（告知、列入、移出）", true),
    DATA_USE("他人查询或核查我的信用信息", false),
    REMEDY_DECISION("异议与信用修复的处理结果", false),
    COMPLAINT_ANSWER("投诉举报的答复", false),
    GRADE_CHANGE("信用等级变化", false);

    private final String label;
    private final boolean smsByDefault;

    NoticeKind(String label, boolean smsByDefault) {
        this.label = label;
        this.smsByDefault = smsByDefault;
    }

    public String label() {
        return label;
    }

    public boolean smsByDefault() {
        return smsByDefault;
    }
}
