package org.chengxin.evaluation.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A version of the integrity-points model, held as configuration the administrator can read and
 * change: the starting points, points by kind and severity, points of particular items overriding
 * them, and the grade bands, in force from a date.
 *
 * @param byKindAndSeverity keys like {@code GOOD_CREDIT}, {@code DISHONESTY:SERIOUS}; absent keys give 0
 * @param byItem            points of particular items (catalog code), overriding the general ones
 * @param objectedRecords   whether a record under objection still counts (by default it does, marked disputed)
 */
public record PointsModel(String version, LocalDate effectiveFrom, int basePoints, Map<String, Integer> byKindAndSeverity,
        Map<String, Integer> byItem, GradeBands bands, ObjectedRecords objectedRecords) {

    /** A model under the default rule for records under objection: they count, marked disputed. */
    public PointsModel(String version, LocalDate effectiveFrom, int basePoints, Map<String, Integer> byKindAndSeverity,
            Map<String, Integer> byItem, GradeBands bands) {
        this(version, effectiveFrom, basePoints, byKindAndSeverity, byItem, bands, ObjectedRecords.COUNT);
    }

    /**
     * The Yueyang default: 1000 to start; honours and other good-credit records add 30; dishonesty
     * subtracts 5 (minor), 30 (general), 60 (grave) or 150 (serious).
     */
    public static PointsModel yueyang(LocalDate effectiveFrom) {
        return new PointsModel("yueyang-1", effectiveFrom, 1000,
                Map.of("GOOD_CREDIT", 30, "DISHONESTY:MINOR", -5, "DISHONESTY:GENERAL", -30, "DISHONESTY:GRAVE", -60,
                        "DISHONESTY:SERIOUS", -150),
                Map.of(), GradeBands.YUEYANG);
    }

    public PointsModel {
        // sorted, so the model reads the same on every page and every start
        byKindAndSeverity = Collections.unmodifiableMap(new TreeMap<>(byKindAndSeverity));
        byItem = Collections.unmodifiableMap(new TreeMap<>(byItem));
        objectedRecords = ObjectedRecords.orDefault(objectedRecords);
        if (basePoints < 0) {
            throw new IllegalArgumentException("起始分不得为负");
        }
        byKindAndSeverity.forEach((key, points) -> {
            if (key.startsWith("DISHONESTY") && points > 0 || key.equals("GOOD_CREDIT") && points < 0) {
                throw new IllegalArgumentException("守信信息只能加分，失信信息只能减分：" + key);
            }
        });
    }

    /** Whether the record counts on the day under this model (its status, its period, the rule for objected records). */
    public boolean counts(CountedRecord record, LocalDate day) {
        return CountingPolicy.counts(record, day, objectedRecords);
    }

    /** The points one record carries under this model. */
    public int pointsOf(CountedRecord record) {
        Integer item = byItem.get(record.itemCode());
        if (item != null) {
            return item;
        }
        String key = record.severity() == null ? record.kind() : record.kind() + ":" + record.severity();
        return byKindAndSeverity.getOrDefault(key, 0);
    }
}
