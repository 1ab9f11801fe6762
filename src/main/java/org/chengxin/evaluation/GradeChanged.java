package org.chengxin.evaluation;

/** A person's grade changed: from what to what, and the record whose change caused it (if one did). */
public record GradeChanged(String subjectIndex, String oldGrade, String newGrade, Integer oldPoints, int newPoints, Long recordId) {
}
