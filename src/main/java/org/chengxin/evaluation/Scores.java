package org.chengxin.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chengxin.evaluation.domain.Evaluation;
import org.chengxin.evaluation.domain.ObjectedRecords;
import org.chengxin.evaluation.domain.PointsModel;
import org.chengxin.records.CreditRecord;
import org.chengxin.shared.subject.SubjectKey;

/** The evaluation module's API. */
public interface Scores {

    /** The stored score; absent for a person never evaluated (who has the starting points). */
    Optional<Score> scoreOf(SubjectKey subject);

    /** The score computed now, with its explanation record by record. */
    Evaluation explain(SubjectKey subject);

    /** The standing computed now (not the stored score, which may wait in the queue). */
    Standing standingOf(SubjectKey subject);

    /**
     * The standing computed now from the person's records as the caller has just read them (every record
     * of the person, whatever its status: {@code Records.allFor}), so that a caller that needs the records
     * too reads them once.
     */
    Standing standingOf(SubjectKey subject, List<CreditRecord> records);

    List<GradeChange> historyOf(SubjectKey subject);

    /**
     * The persons with a stored score per grade, every grade in order from the best (none: zero), in one grouped
     * count; a person never evaluated has no stored score and is not counted.
     */
    List<GradeCount> gradeCounts();

    PointsModel model();

    /** Every published version of the points model, newest effective date first. */
    List<ModelVersion> modelVersions();

    /**
     * Publishes a new version of the points model from a date (today or later: grades already given are
     * not rewritten), keeping the grade bands and item overrides of the model in force. When it takes
     * effect today, a recomputation of everybody starts in the background. Refused with a stable code when the numbers
     * break a rule or the version name is taken.
     */
    PointsModel publishModel(String version, LocalDate effectiveFrom, int basePoints,
            Map<String, Integer> byKindAndSeverity);

    /**
     * Publishes a new version as {@link #publishModel(String, LocalDate, int, Map)} does, with the rule for
     * records under objection: {@code COUNT} (they count, marked disputed) or {@code EXCLUDE} (set aside while
     * the objection is open); null keeps the rule of the model in force.
     */
    PointsModel publishModel(String version, LocalDate effectiveFrom, int basePoints,
            Map<String, Integer> byKindAndSeverity, ObjectedRecords objectedRecords);

    /**
     * Recomputes everybody now, set-based, part by part (the nightly job, tests, benchmarks); refused
     * with an IllegalStateException while another recomputation of everybody runs.
     */
    Recomputation recomputeEverybody(String trigger);

    /** Starts a recomputation of everybody in the background unless one runs; returns the one that runs. */
    Recomputation startRecomputation(String trigger);

    /** The running or last recomputation of everybody, for the progress bar. */
    Recomputation recomputation();

    /** People waiting for recomputation. */
    long pending();

    /** Recomputes the waiting people, up to a batch; returns how many were done. */
    int recomputePending(int max);
}
