package org.chengxin.assessment;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.chengxin.assessment.domain.CityFigures;
import org.chengxin.assessment.domain.Monitoring;
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
     * Every county-level division's scorecard for the period (市本级 for the city's own departments, then each county or
     * district), best first: the sum of its assessed departments' tallies, scored with the same {@link Scoring}; a
     * division without departments or figures has no score (不适用) and ranks after all others. Each with its last 12
     * months.
     */
    CountyRanking counties(Period period);

    /**
     * One division's scorecard, its departments' scorecards (with their city-wide ranks) and its last 12 months; refused
     * with ASSESSMENT_COUNTY_NOT_FOUND for a code that is not one of the city's divisions.
     */
    CountyReport county(String regionCode, Period period);

    /**
     * The national city credit monitoring indicators ({@link Monitoring}) the platform can compute, for the city as a
     * whole (every department, whatever its kind) and the period.
     */
    MonitoringReport monitoring(Period period);

    /**
     * A department's figures for a period.
     *
     * @param rank       1 for the best score, equal scores sharing a rank; 0 without a score
     * @param regionCode the GB/T 2260 code of the division it belongs to (430600 for the city's own departments)
     */
    record Scorecard(int rank, DepartmentCode code, String name, String kind, String regionCode, Tally tally, Scoring.Result result) {

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

    /**
     * A county-level division's figures for a period: the sum of its departments'.
     *
     * @param rank        1 for the best score, equal scores sharing a rank; 0 without a score
     * @param regionCode  its GB/T 2260 code (never shown as text, only in a tooltip)
     * @param name        its name from the GB/T 2260 table; 市本级 for the city's own code
     * @param departments how many assessed departments it has
     * @param trend       its last 12 months to the period's end
     */
    record CountyScorecard(int rank, String regionCode, String name, int departments, Tally tally, Scoring.Result result,
            List<MonthPoint> trend) {

        public Double score() {
            return result.score();
        }
    }

    record CountyRanking(Period period, List<CountyScorecard> scorecards) {
    }

    /** A division, its departments' scorecards (best first, ranked city-wide) and the period. */
    record CountyReport(Period period, CountyScorecard scorecard, List<Scorecard> departments) {
    }

    /**
     * The monitoring indicators of the city for a period.
     *
     * @param values per indicator its value (a percentage or a count), or null where it has no base
     */
    record MonitoringReport(Period period, CityFigures figures, Map<Monitoring, Double> values) {

        public Double value(Monitoring indicator) {
            return values.get(indicator);
        }

        public String basis(Monitoring indicator) {
            return indicator.basis(figures);
        }
    }
}
