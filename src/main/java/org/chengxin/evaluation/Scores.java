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

    /** Queues everybody with a record for recomputation; returns how many were queued. */
    long recomputeEverybody();

    /** People waiting for recomputation. */
    long pending();

    /** Recomputes the waiting people, up to a batch; returns how many were done. */
    int recomputePending(int max);
}
