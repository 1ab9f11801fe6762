package org.chengxin.evaluation;

import java.time.LocalDate;

/**
 * A person's standing computed on a day from the records that count: the points, the grade (code such as
 * {@code "AA"} and its Chinese label), whether a record under objection is among them, and the
 * "three or more consecutive years without a bad record" status (policy 十三). For the other modules,
 * which must not depend on the evaluation rules themselves.
 */
public record Standing(LocalDate day, String modelVersion, int points, String grade, String gradeLabel, boolean disputed,
        boolean threeYearsClean, int recordsCounted) {
}
