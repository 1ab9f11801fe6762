package org.chengxin.evaluation;

import java.time.Instant;

/**
 * A recomputation of everybody, running or done: how far it is (parts of the population done out of
 * all parts), how many people it evaluated, how many scores changed and how many grades.
 *
 * @param trigger  who or what started it: the administrator, the nightly job, a model taking effect
 * @param failure  why it stopped, or null
 * @param millis   time taken so far (measured, not read from the business clock)
 */
public record Recomputation(boolean running, String trigger, Instant startedAt, Instant finishedAt, int partsDone,
        int partsTotal, long people, long scoresChanged, long gradesChanged, String failure, long millis) {

    public static final Recomputation NONE = new Recomputation(false, null, null, null, 0, 0, 0, 0, 0, null, 0);

    /** Percentage of the population done, 0 to 100. */
    public int percent() {
        return partsTotal == 0 ? 0 : partsDone * 100 / partsTotal;
    }

    public boolean started() {
        return startedAt != null;
    }
}
