package org.chengxin.assessment;

import java.time.YearMonth;
import java.util.List;

import org.chengxin.assessment.domain.Period;
import org.chengxin.assessment.domain.Scoring;
import org.chengxin.assessment.domain.Tally;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * The assessment of departments (policy 十六): the government departments and associations that push records, scored
 * per month or quarter and ranked. Counts only, never a person.
 */
public interface DepartmentAssessment {

    /** Every assessed department's scorecard for the period, best first, and the city's last 12 months to its end. */
    Ranking ranking(Period period);

    /** One department's scorecard and its last 12 months; refused with ASSESSMENT_DEPARTMENT_NOT_FOUND for a department not assessed. */
    DepartmentReport department(DepartmentCode code, Period period);

    /**
     * A department's figures for a period.
     *
     * @param rank 1 for the best score, equal scores sharing a rank; 0 without a score
     */
    record Scorecard(int rank, DepartmentCode code, String name, String kind, Tally tally, Scoring.Result result) {

        public Double score() {
            return result.score();
        }
    }

    /** A month of a trend: what was counted, and the shares and score it gives. */
    record MonthPoint(YearMonth month, Tally tally, Scoring.Result result) {
    }

    record Ranking(Period period, List<Scorecard> scorecards, List<MonthPoint> cityTrend) {
    }

    record DepartmentReport(Period period, Scorecard scorecard, List<MonthPoint> trend) {
    }
}
