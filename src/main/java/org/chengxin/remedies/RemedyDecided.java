package org.chengxin.remedies;

import java.time.Instant;

import org.chengxin.shared.subject.SubjectKey;

/**
 * An objection or a repair application about a person's record was answered: dismissed at screening,
 * or decided by the department. Published in the deciding transaction; the person is told from it.
 *
 * @param caseId     the objection's or the application's number
 * @param outcome    the answer as the person reads it (维持原记录, 更正记录, 撤销记录, 不予受理, 准予修复, 不予修复)
 * @param reasons    the reasons given with the answer
 * @param late       answered after its deadline
 */
public record RemedyDecided(Kind kind, long caseId, long recordId, SubjectKey subject, String itemCode, String outcome,
        String reasons, boolean late, Instant decidedAt) {

    /** Which right the case is. */
    public enum Kind {
        OBJECTION("异议"), REPAIR("信用修复申请");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
