package org.chengxin.evaluation;

import java.time.Instant;

import org.chengxin.evaluation.domain.Grade;
import org.chengxin.shared.subject.SubjectKey;

/** A person's current points and grade, as last computed. */
public record Score(SubjectKey subject, int points, Grade grade, boolean disputed, String modelVersion, Instant computedAt) {
}
