package org.chengxin.evaluation;

import java.time.Instant;

/** One entry of a person's grade history. */
public record GradeChange(Instant changedAt, String oldGrade, String newGrade, Integer oldPoints, int newPoints, Long recordId,
        String reason) {
}
