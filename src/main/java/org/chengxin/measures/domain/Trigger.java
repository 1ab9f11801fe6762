package org.chengxin.measures.domain;

import java.util.List;

/**
 * The condition that makes a measure apply.
 *
 * @param bestGrade     for {@link TriggerKind#GRADE_RANGE}: the best grade included (e.g. AAA)
 * @param worstGrade    for {@link TriggerKind#GRADE_RANGE}: the worst grade included (e.g. AA)
 * @param minSeverity   for {@link TriggerKind#DISHONESTY_RECORD}: the least severity that counts
 *                      (MINOR, GENERAL, GRAVE, SERIOUS)
 * @param withinMonths  for {@link TriggerKind#DISHONESTY_RECORD}: decided within this many months
 *                      before the day of the check; null for the whole disclosure period
 */
public record Trigger(TriggerKind kind, String bestGrade, String worstGrade, String minSeverity, Integer withinMonths) {

    public static final List<String> GRADES = List.of("AAA", "AA", "A", "B", "C", "D");
    public static final List<String> SEVERITIES = List.of("MINOR", "GENERAL", "GRAVE", "SERIOUS");

    public Trigger {
        if (kind == null) {
            throw new IllegalArgumentException("请选择触发条件");
        }
        if (kind == TriggerKind.GRADE_RANGE) {
            if (!GRADES.contains(bestGrade) || !GRADES.contains(worstGrade)) {
                throw new IllegalArgumentException("信用等级范围须为 AAA、AA、A、B、C、D 之一");
            }
            if (GRADES.indexOf(bestGrade) > GRADES.indexOf(worstGrade)) {
                throw new IllegalArgumentException("等级范围的最高等级不得低于最低等级");
            }
        } else {
            bestGrade = null;
            worstGrade = null;
        }
        if (kind == TriggerKind.DISHONESTY_RECORD) {
            if (!SEVERITIES.contains(minSeverity)) {
                throw new IllegalArgumentException("请指定失信记录的最低严重程度");
            }
            if (withinMonths != null && (withinMonths < 1 || withinMonths > 120)) {
                throw new IllegalArgumentException("失信记录的期限须在 1 至 120 个月之间");
            }
        } else {
            minSeverity = null;
            withinMonths = null;
        }
    }

    public static Trigger of(TriggerKind kind) {
        return new Trigger(kind, null, null, null, null);
    }

    public static Trigger grades(String best, String worst) {
        return new Trigger(TriggerKind.GRADE_RANGE, best, worst, null, null);
    }

    public static Trigger dishonesty(String minSeverity, Integer withinMonths) {
        return new Trigger(TriggerKind.DISHONESTY_RECORD, null, null, minSeverity, withinMonths);
    }

    /** The condition in plain Chinese. */
    public String describe() {
        return switch (kind) {
            case GRADE_RANGE -> bestGrade.equals(worstGrade) ? "信用等级为 " + bestGrade
                    : "信用等级在 " + bestGrade + " 至 " + worstGrade + " 之间";
            case DISHONESTY_RECORD -> "有" + severityLabel(minSeverity) + (minSeverity.equals("SERIOUS") ? "" : "及以上")
                    + "失信记录" + (withinMonths == null ? "（在公示期内）" : "（" + withinMonths + " 个月内作出）");
            default -> kind.label();
        };
    }

    public static String severityLabel(String severity) {
        return switch (severity) {
            case "MINOR" -> "轻微";
            case "GENERAL" -> "一般";
            case "GRAVE" -> "较重";
            case "SERIOUS" -> "严重";
            default -> severity;
        };
    }
}
