package org.chengxin.evaluation;

import java.time.Instant;

import org.chengxin.evaluation.domain.Grade;

/** A person's current points and grade, as last computed. */
public record Score(String subjectIndex, int points, Grade grade, boolean disputed, String modelVersion, Instant computedAt) {
}
