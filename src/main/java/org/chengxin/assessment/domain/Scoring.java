package org.chengxin.assessment.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The score of a department in a period: the weighted mean of the indicators that apply, on 100.
 *
 * <pre>score = 100 × Σ (weight × share) ÷ Σ weight, over the indicators that apply</pre>
 *
 * An indicator that does not apply (no base in the period) is left out of both sums, so its weight is shared among the
 * others in proportion; a department with no applicable indicator has no score and ranks after all others. The volume
 * of records is shown, not scored: departments differ too much in the matters they handle. The score is rounded to one
 * decimal.
 */
public final class Scoring {

    private Scoring() {
    }

    /**
     * @param shares per indicator its share between 0 and 1, or null where it does not apply
     * @param score  on 100, one decimal; null when no indicator applies
     */
    public record Result(Map<Indicator, Double> shares, Double score) {

        public Result {
            shares = Collections.unmodifiableMap(shares.isEmpty() ? new EnumMap<>(Indicator.class) : new EnumMap<>(shares));
        }

        /** The share of an indicator in percent, one decimal; null when it does not apply. */
        public Double percent(Indicator indicator) {
            Double s = shares.get(indicator);
            return s == null ? null : Math.round(s * 1000) / 10.0;
        }

        public boolean applies(Indicator indicator) {
            return shares.get(indicator) != null;
        }
    }

    /**
     * Competition ranks (1, 2, 2, 4) for scores in descending order, equal scores sharing a rank; a department without
     * a score gets 0 (no rank).
     */
    public static int[] ranks(List<Double> descending) {
        int[] ranks = new int[descending.size()];
        for (int i = 0; i < ranks.length; i++) {
            Double s = descending.get(i);
            if (s == null) {
                ranks[i] = 0;
            } else if (i > 0 && s.equals(descending.get(i - 1))) {
                ranks[i] = ranks[i - 1];
            } else {
                ranks[i] = i + 1;
            }
        }
        return ranks;
    }

    public static Result score(Tally tally) {
        Map<Indicator, Double> shares = new EnumMap<>(Indicator.class);
        double weighted = 0;
        int weights = 0;
        for (Indicator i : Indicator.values()) {
            Double share = i.share(tally);
            shares.put(i, share);
            if (share != null) {
                weighted += i.weight() * share;
                weights += i.weight();
            }
        }
        Double score = weights == 0 ? null : Math.round(1000 * weighted / weights) / 10.0;
        return new Result(shares, score);
    }
}
