package org.chengxin.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.chengxin.measures.domain.PersonFacts.ListFact;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * A check (联合奖惩核查): a department handling a matter for a person asked which measures apply. What the
 * person's status was, the measures that applied with what they rest on, and the department's feedback
 * once given. Names the person by masked number only.
 */
public record MeasureCheck(long id, Instant checkedAt, String maskedIdNumber, String matterCode, String matterName,
        DepartmentCode departmentCode, String checkedBy, String listVersion, Status status, List<Applicable> incentives,
        List<Applicable> punishments, LocalDate feedbackDue, Feedback feedback) {

    /**
     * The person's status at the time of the check.
     *
     * @param lists the serious-dishonesty list entries in force, as the rules saw them
     */
    public record Status(String grade, String gradeLabel, int points, boolean threeYearsClean, boolean disputed,
            boolean seriouslyDishonest, List<ListFact> lists) {
    }

    /** A measure that applies, with its basis and what triggered it. */
    public record Applicable(String code, String name, String kind, String content, boolean mandatory, String legalBasis,
            String condition, String reason, List<ListFact> listEntries, List<BasisRecord> records) {
    }

    /**
     * A record a measure rests on.
     *
     * @param disputed  under objection when the check was made (checks stored before read false)
     * @param substance what the record said when the check was made, labelled in Chinese (checks stored before read null)
     */
    public record BasisRecord(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, String documentNumber,
            LocalDate decisionDate, boolean disputed, String substance) {

        public BasisRecord(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, String documentNumber,
                LocalDate decisionDate, boolean disputed) {
            this(recordId, itemCode, itemName, departmentCode, documentNumber, decisionDate, disputed, null);
        }
    }

    /** What the department did: each measure applied or not (and why not), the outcome, when. */
    public record Feedback(List<MeasureDecision> measures, String outcome, LocalDate handledOn, String note, Instant givenAt,
            String givenBy, boolean late) {
    }

    public record MeasureDecision(String code, boolean applied, String reason) {
    }

    public boolean hasFeedback() {
        return feedback != null;
    }

    public boolean overdue(LocalDate today) {
        return feedback == null && today.isAfter(feedbackDue);
    }

    public int hits() {
        return incentives.size() + punishments.size();
    }
}
