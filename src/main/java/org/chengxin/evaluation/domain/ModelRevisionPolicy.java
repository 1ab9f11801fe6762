package org.chengxin.evaluation.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.chengxin.shared.error.ChengxinException;

/**
 * What a new version of the points model may be: a version name of letters, digits, dots,
 * underscores or hyphens; in force from today or later (a grade once given is not changed backwards);
 * starting points from 1 to 10,000; points for the kinds and severities the current model knows,
 * each from -1,000 to 1,000, good-credit records only adding and dishonesty only subtracting; whether a
 * record under objection counts ({@link ObjectedRecords}, carried over when not given). The items' own
 * points and the grade bands are carried over.
 */
public final class ModelRevisionPolicy {

    private ModelRevisionPolicy() {
    }

    /** The next model, keeping the current rule for records under objection, or the refusal of the first rule it breaks. */
    public static PointsModel revise(PointsModel current, String version, LocalDate effectiveFrom, int basePoints,
            Map<String, Integer> points, LocalDate today) {
        return revise(current, version, effectiveFrom, basePoints, points, null, today);
    }

    /**
     * The next model, or the refusal of the first rule it breaks.
     *
     * @param objected whether a record under objection counts under the new version; null keeps the current rule
     */
    public static PointsModel revise(PointsModel current, String version, LocalDate effectiveFrom, int basePoints,
            Map<String, Integer> points, ObjectedRecords objected, LocalDate today) {
        String v = version == null ? "" : version.strip();
        if (!v.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
            throw ChengxinException.badRequest("EVALUATION_MODEL_VERSION_INVALID", "版本号须为 1 至 40 位字母、数字、点、下划线或连字符，如 yueyang-2");
        }
        if (effectiveFrom == null || effectiveFrom.isBefore(today)) {
            throw ChengxinException.badRequest("EVALUATION_MODEL_DATE_PAST", "施行日期不得早于今天：已评定的等级不追溯改变");
        }
        if (basePoints < 1 || basePoints > 10000) {
            throw ChengxinException.badRequest("EVALUATION_MODEL_INVALID", "起始分须在 1 至 10000 之间");
        }
        Map<String, Integer> byKey = new TreeMap<>(current.byKindAndSeverity());
        for (var e : points.entrySet()) {
            if (!byKey.containsKey(e.getKey())) {
                throw ChengxinException.badRequest("EVALUATION_MODEL_INVALID", "未知的积分类别：" + e.getKey());
            }
            if (e.getValue() == null || Math.abs(e.getValue()) > 1000) {
                throw ChengxinException.badRequest("EVALUATION_MODEL_INVALID", "每条记录的积分须在 -1000 至 1000 之间");
            }
            byKey.put(e.getKey(), e.getValue());
        }
        try {
            return new PointsModel(v, effectiveFrom, basePoints, byKey, current.byItem(), current.bands(),
                    objected == null ? current.objectedRecords() : objected);
        } catch (IllegalArgumentException e) {
            throw ChengxinException.badRequest("EVALUATION_MODEL_INVALID", e.getMessage());
        }
    }
}
