package org.chengxin.remedies.domain;

/** Why the platform's staff do not pass an objection on to the department (初审不予受理). */
public enum DismissalGround {
    INCOMPLETE("材料不全：未说明异议理由或缺少必要的证明材料"),
    DUPLICATE("重复提出：同一事项已提出过异议并已处理"),
    NOT_ABOUT_RECORD("不涉及信用记录：所提事项不属于该条信用记录的内容");

    private final String label;

    DismissalGround(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
