package org.chengxin.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.SortColumns;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

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

    /** How many of the department's checks are without feedback past their due date. */
    long overdueCount(DepartmentCode departmentCode);

    /** The feedback state of a check as the clerk's list filters it (each check is in exactly one). */
    enum FeedbackState {
        /** no feedback yet, not yet due */
        WAITING("待反馈"),
        /** no feedback yet, past the due date */
        OVERDUE("逾期未反馈"),
        /** feedback given by the due date */
        GIVEN("已反馈"),
        /** feedback given after the due date */
        GIVEN_LATE("逾期反馈");

        private final String label;

        FeedbackState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Which measures applied at the check. */
    enum Hits {
        ANY("有适用措施"), INCENTIVE("有激励措施"), PUNISHMENT("有惩戒措施"), NONE("无适用措施");

        private final String label;

        Hits(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What the department's check list may be narrowed to: the person (by blind index), the matter, the feedback state
     * on {@code today}, the measures that applied, the day of the check (from and to, both included, Beijing time).
     * Null means any.
     */
    record CheckFilter(DepartmentCode department, SubjectKey subject, String matterCode, FeedbackState state, Hits hits,
            LocalDate from, LocalDate to, LocalDate today) {
    }

    /** The columns the check list sorts by: the check time (the default, newest first) and the feedback due date. */
    SortColumns CHECK_SORTS = SortColumns.of(Map.of("checked", "checked_at", "due", "feedback_due"), "checked", true);

    /** A line of the check list: what the list and its export show, without the stored result. */
    record CheckLine(long id, Instant checkedAt, String maskedIdNumber, String matterCode, String matterName, String checkedBy,
            int incentives, int punishments, LocalDate feedbackDue, Instant feedbackAt, String feedbackBy, boolean feedbackLate) {

        public FeedbackState state(LocalDate today) {
            if (feedbackAt != null) {
                return feedbackLate ? FeedbackState.GIVEN_LATE : FeedbackState.GIVEN;
            }
            return today.isAfter(feedbackDue) ? FeedbackState.OVERDUE : FeedbackState.WAITING;
        }
    }

    /** One page of the department's checks matching the filter, with the total; filtered and counted in the database. */
    PageResult<CheckLine> page(CheckFilter filter, PageRequest request);

    /** The checks matching the filter in the request's order, at most {@code limit}, one at a time; returns how many. */
    long each(CheckFilter filter, PageRequest order, int limit, Consumer<CheckLine> each);

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
