package org.chengxin.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The administrator's overview on the workbench (工作台, issue 16): the city's credit work at a glance, counts only,
 * never a person. Each figure is one grouped read through the owning module's API (records, evaluation, lists, inquiry,
 * measures), read afresh on every call; every day and month counts on the platform's clock.
 */
public interface AdminOverview {

    int MONTHS = 12;
    int DAYS = 30;

    /** The overview as of now. */
    Overview now();

    /**
     * One reading of the overview.
     *
     * @param months            the last twelve months, oldest first, the current one last
     * @param recordsByDomain   per catalog domain's name, the records first accepted in each of {@code months} (domains
     *                          with none left out)
     * @param grades            the persons with a stored score per grade, best first
     * @param listEntriesInForce serious-dishonesty list entries in force today
     * @param goodCreditInForce good-credit records (优良信用记录) shown and used today
     * @param days              the last thirty days, oldest first, today last
     * @param queries           per day of {@code days}: queries of credit information (reports and credit status)
     * @param refusedQueries    per day of {@code days}: those refused
     * @param checks            per month of {@code months}: measure checks and their feedback
     */
    record Overview(LocalDate today, List<YearMonth> months, Map<String, List<Long>> recordsByDomain, List<GradeShare> grades,
            long listEntriesInForce, long goodCreditInForce, List<LocalDate> days, List<Long> queries, List<Long> refusedQueries,
            List<CheckMonth> checks) {

        /** Records first accepted over the twelve months. */
        public long recordsTotal() {
            return recordsByDomain.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
        }

        /** Records first accepted in one of {@code months} (by index), all domains together. */
        public long recordsIn(int month) {
            return recordsByDomain.values().stream().mapToLong(series -> series.get(month)).sum();
        }

        /** Persons with a stored score. */
        public long personsGraded() {
            return grades.stream().mapToLong(GradeShare::persons).sum();
        }

        /** Queries over the thirty days. */
        public long queriesTotal() {
            return queries.stream().mapToLong(Long::longValue).sum();
        }

        public long refusedTotal() {
            return refusedQueries.stream().mapToLong(Long::longValue).sum();
        }

        /** Measure checks made over the twelve months. */
        public long checksTotal() {
            return checks.stream().mapToLong(CheckMonth::checks).sum();
        }

        /** Of those, the checks with feedback given. */
        public long feedbackTotal() {
            return checks.stream().mapToLong(CheckMonth::feedbackGiven).sum();
        }

        /** Checks without feedback past their due date. */
        public long overdueTotal() {
            return checks.stream().mapToLong(CheckMonth::overdue).sum();
        }

        /** The share of the twelve months' checks with feedback, in percent to one decimal; null when there were none. */
        public Double feedbackRate() {
            return CheckMonth.rate(checksTotal(), feedbackTotal());
        }
    }

    /** How many persons hold a grade (优秀, 良好, ...). */
    record GradeShare(String grade, String label, long persons) {
    }

    /** The measure checks made in a month, with feedback given and without feedback past the due date. */
    record CheckMonth(YearMonth month, long checks, long feedbackGiven, long overdue) {

        /** The share with feedback, in percent to one decimal; null when there were no checks. */
        public Double feedbackRate() {
            return rate(checks, feedbackGiven);
        }

        static Double rate(long checks, long given) {
            return checks == 0 ? null : Math.round(1000.0 * given / checks) / 10.0;
        }
    }
}
