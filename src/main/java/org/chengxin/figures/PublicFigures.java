package org.chengxin.figures;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** The city's figures as the public sees them: counts, never a person. */
public interface PublicFigures {

    /** The figures as of a few minutes ago at most. */
    Snapshot now();

    /**
     * One reading of the figures.
     *
     * @param months          the last twelve months, oldest first
     * @param recordsByDomain per catalog domain's name, the records first accepted in each of {@code months}
     * @param inForceByKind   per kind of item in words (守信信息, 失信信息, ...), the records shown and used today
     * @param listEntries     serious-dishonesty list entries in force today
     * @param checks          measure checks over the twelve months: made, with a hit, measures applied
     * @param remedies        objections and repair applications over all time: received, decided late or open past the deadline
     */
    record Snapshot(Instant at, List<YearMonth> months, Map<String, List<Long>> recordsByDomain, Map<String, Long> inForceByKind,
            long listEntries, Checks checks, Remedies remedies) {
    }

    record Checks(long made, long withHits, long measuresApplied) {
    }

    record Remedies(long objections, long objectionsLate, long repairs, long repairsLate) {

        /** The share decided on time (or still within the deadline), in percent; 100 when there were none. */
        public int objectionsOnTime() {
            return objections == 0 ? 100 : (int) Math.round(100.0 * (objections - objectionsLate) / objections);
        }

        public int repairsOnTime() {
            return repairs == 0 ? 100 : (int) Math.round(100.0 * (repairs - repairsLate) / repairs);
        }
    }
}
