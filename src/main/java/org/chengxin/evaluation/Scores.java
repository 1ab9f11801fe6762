package org.chengxin.evaluation;

import java.util.List;
import java.util.Optional;

import org.chengxin.evaluation.domain.Evaluation;
import org.chengxin.evaluation.domain.PointsModel;

/** The evaluation module's API. */
public interface Scores {

    /** The stored score; absent for a person never evaluated (who has the starting points). */
    Optional<Score> scoreOf(String subjectIndex);

    /** The score computed now, with its explanation record by record. */
    Evaluation explain(String subjectIndex);

    /** The standing computed now (not the stored score, which may wait in the queue). */
    Standing standingOf(String subjectIndex);

    List<GradeChange> historyOf(String subjectIndex);

    PointsModel model();

    /** Every published version of the points model, newest effective date first. */
    List<ModelVersion> modelVersions();

    /**
     * Publishes a new version of the points model from a date (today or later: grades already given are
     * not rewritten), keeping the grade bands and item overrides of the model in force. When it takes
     * effect today, everybody is queued for recomputation. Refused with a stable code when the numbers
     * break a rule or the version name is taken.
     */
    PointsModel publishModel(String version, java.time.LocalDate effectiveFrom, int basePoints,
            java.util.Map<String, Integer> byKindAndSeverity);

    /** Queues everybody with a record for recomputation; returns how many were queued. */
    long recomputeEverybody();

    /** People waiting for recomputation. */
    long pending();

    /** Recomputes the waiting people, up to a batch; returns how many were done. */
    int recomputePending(int max);
}
