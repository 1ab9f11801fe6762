package org.chengxin.evaluation;

/**
 * A person's grade changed: from what to what, and the record whose change caused it (if one did). A first
 * grade is no change: it is kept on the person's score and not published.
 */
public record GradeChanged(String subjectIndex, String oldGrade, String newGrade, Integer oldPoints, int newPoints, Long recordId) {
}
