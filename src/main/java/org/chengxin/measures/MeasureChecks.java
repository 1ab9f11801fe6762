package org.chengxin.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * The check while handling a matter ("trigger") and the department's report back ("feedback").
 * Every check is a use of personal data: it must name its matter and is written to the audit trail.
 */
public interface MeasureChecks {

    /**
     * Checks a person for a matter handled by a department (the caller's own department). Refused with
     * a stable code when the matter is unknown or not handled by that department.
     */
    MeasureCheck check(IdNumber number, String matterCode, DepartmentCode departmentCode);

    /** A check of the department; refused as not found for another department's check. */
    MeasureCheck find(long checkId, DepartmentCode departmentCode);

    /**
     * Records the feedback of a check of the department: every measure that applied must be named as
     * applied or not, with a reason when not (a mandatory measure not applied needs one too). Given once.
     */
    MeasureCheck feedback(long checkId, DepartmentCode departmentCode, List<MeasureCheck.MeasureDecision> decisions, String outcome,
            LocalDate handledOn, String note);

    /** The department's checks, newest first. */
    List<MeasureCheck> recent(DepartmentCode departmentCode, int limit);

    /** The department's checks without feedback past their due date, oldest first. */
    List<MeasureCheck> overdue(DepartmentCode departmentCode);

    /** Per department over a period: checks, hits, measures applied, feedback given, on time and late. */
    List<DepartmentFigures> figures(LocalDate from, LocalDate to);

    /**
     * Per department and month of the check (Beijing time), for checks made from {@code from} up to the day before
     * {@code to}: the assessment of departments (policy 十六).
     */
    List<FeedbackMonth> feedbackPerMonth(LocalDate from, LocalDate to);

    /**
     * One department's checks of a month and their feedback.
     *
     * @param feedbackLate     feedback given after its due date
     * @param overdue          no feedback yet, past the due date
     * @param feedbackDays     the days from check to feedback, summed over the feedback given
     */
    record FeedbackMonth(DepartmentCode departmentCode, YearMonth month, long checks, long feedbackGiven, long feedbackLate,
            long overdue, double feedbackDays) {
    }

    record DepartmentFigures(DepartmentCode departmentCode, long checks, long checksWithHits, long incentivesShown,
            long punishmentsShown, long measuresApplied, long feedbackGiven, long feedbackLate, long overdue,
            double averageFeedbackDays) {

        public int feedbackRate() {
            return checks == 0 ? 0 : (int) Math.round(100.0 * feedbackGiven / checks);
        }
    }
}
