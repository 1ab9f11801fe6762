package org.chengxin.measures.domain;

import java.time.LocalDate;
import java.util.List;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * What the measures need to know of a person on a day: plain facts, so the rules need neither the
 * database nor the other modules' types.
 *
 * @param grade            the grade code (AAA … D)
 * @param listEntries      serious-dishonesty list entries in force
 * @param goodCredit       good-credit records in force
 * @param dishonesty       dishonesty records in force (active or under objection, inside their period; never a
 *                         suspended one)
 */
public record PersonFacts(String grade, int points, boolean threeYearsClean, boolean disputed, List<ListFact> listEntries,
        List<RecordFact> goodCredit, List<RecordFact> dishonesty) {

    /** A serious-dishonesty list entry in force; a check records the entries as the rules saw them. */
    public record ListFact(long entryId, DepartmentCode departmentCode, String documentNumber, LocalDate startDate, LocalDate endDate) {
    }

    /**
     * A record in force.
     *
     * @param disputed  under objection (异议处理中)
     * @param substance what the record says, labelled in Chinese (违法事实：…；处罚依据：…), or null
     */
    public record RecordFact(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, String documentNumber,
            LocalDate decisionDate, String severity, boolean disputed, String substance) {

        public RecordFact(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, String documentNumber,
                LocalDate decisionDate, String severity, boolean disputed) {
            this(recordId, itemCode, itemName, departmentCode, documentNumber, decisionDate, severity, disputed, null);
        }

        /** A record not under objection. */
        public RecordFact(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, String documentNumber,
                LocalDate decisionDate, String severity) {
            this(recordId, itemCode, itemName, departmentCode, documentNumber, decisionDate, severity, false);
        }
    }
}
