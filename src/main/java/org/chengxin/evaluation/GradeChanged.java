package org.chengxin.evaluation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chengxin.evaluation.domain.Grade;
import org.chengxin.shared.subject.SubjectKey;

/**
 * A person's grade changed: from what to what, when (the time of the grade history's row), and the record
 * whose change caused it (null for a recomputation of everybody). A first grade is no change: it is kept
 * on the person's score and not published. The audit module hears it after commit, through the event
 * publication registry, as JSON whose shape predates the key's type ("subjectIndex": hex), so that
 * publications stored before it still read.
 */
public record GradeChanged(@JsonProperty("subjectIndex") SubjectKey subject, String oldGrade, String newGrade, Integer oldPoints,
        int newPoints, Long recordId, Instant changedAt) {

    /** The grade in words, with its letter (for example "良好（AA）"). */
    public static String labelOf(String grade) {
        if (grade == null) {
            return "无";
        }
        try {
            return Grade.valueOf(grade).label() + "（" + grade + "）";
        } catch (IllegalArgumentException e) {
            return grade;
        }
    }
}
