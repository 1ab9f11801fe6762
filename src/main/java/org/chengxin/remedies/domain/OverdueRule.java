package org.chengxin.remedies.domain;

/**
 * What happens to the record when its objection is not verified in time (征信业管理条例 第二十五条: an
 * answer within 20 days), besides the escalation to the platform's administrator, which always happens
 * ({@code chengxin.remedies.overdue-rule}).
 */
public enum OverdueRule {

    /** The administrator is told; the record stays in use, marked as disputed. */
    ESCALATE_ONLY("仅提请督办，记录照常使用并标注异议"),

    /**
     * The administrator is told and the record is suspended from use (异议逾期未核查，暂停使用): still shown,
     * marked, but used for neither points, lists nor measures until the department decides. The default:
     * the delay is the department's, not the person's, and a suspension is undone by the decision.
     */
    SUSPEND("提请督办，并暂停使用该记录直至认定部门作出处理");

    private final String label;

    OverdueRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether escalating this objection suspends its record: only under SUSPEND, and only a still open objection. */
    public boolean suspendsRecordOf(Objection escalated) {
        return this == SUSPEND && escalated.status().isOpen() && escalated.escalatedAt() != null;
    }
}
