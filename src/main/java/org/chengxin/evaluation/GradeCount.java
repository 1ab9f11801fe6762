package org.chengxin.evaluation;

/**
 * How many persons hold a grade in their stored score (the administrator's overview).
 *
 * @param grade   the grade's code: AAA, AA, A, B, C or D
 * @param label   the grade in words (优秀, 良好, ...)
 * @param persons the persons whose stored score has that grade
 */
public record GradeCount(String grade, String label, long persons) {
}
