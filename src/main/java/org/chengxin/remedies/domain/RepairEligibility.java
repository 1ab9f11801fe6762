package org.chengxin.remedies.domain;

import java.time.LocalDate;
import java.util.Map;

import org.chengxin.shared.error.ChengxinException;

/**
 * Whether a record can be repaired, and from which day (NDRC Order 36, policy 十): only a dishonesty
 * record, only while it is shown and not disputed, only once its minimum disclosure period has passed,
 * and never a record of an item the law excludes from repair.
 *
 * @param irreparable item codes the law excludes from repair, each with the reason a person reads
 */
public record RepairEligibility(Map<String, String> irreparable) {

    public RepairEligibility {
        irreparable = Map.copyOf(irreparable);
    }

    /** The record as the rule needs it. */
    public record Candidate(String itemCode, boolean dishonesty, String status, LocalDate minPeriodEnd, LocalDate expiresOn) {
    }

    /** What the rule answers: repairable from {@code earliestDay}, or excluded by law for {@code lawReason}. */
    public record Answer(LocalDate earliestDay, String lawReason) {

        public boolean excludedByLaw() {
            return lawReason != null;
        }

        public boolean openOn(LocalDate day) {
            return !excludedByLaw() && !day.isBefore(earliestDay);
        }
    }

    /** The answer shown before a person applies: the earliest day, or the law's reason. */
    public Answer of(Candidate record) {
        return new Answer(record.minPeriodEnd(), irreparable.get(record.itemCode()));
    }

    /**
     * Checks an application filed {@code today}. A record the law excludes is not refused here: the
     * application is kept and refused with the reason, so the person has a decision to hold.
     */
    public Answer check(Candidate record, LocalDate today) {
        if (!record.dishonesty()) {
            throw ChengxinException.badRequest("REPAIR_NOT_DISHONESTY", "只有失信记录可以申请信用修复");
        }
        if (!"ACTIVE".equals(record.status())) {
            throw switch (record.status()) {
                case "OBJECTED", "SUSPENDED" -> ChengxinException.conflict("REPAIR_WHILE_OBJECTED", "该记录正在异议处理中，异议处理完毕后方可申请信用修复");
                case "REPAIRED" -> ChengxinException.conflict("RECORD_ALREADY_REPAIRED", "该记录已修复，不再公示和使用");
                default -> ChengxinException.conflict("REPAIR_RECORD_NOT_IN_FORCE", "该记录已不再公示和使用，无需修复");
            };
        }
        if (!today.isBefore(record.expiresOn())) {
            throw ChengxinException.conflict("REPAIR_RECORD_NOT_IN_FORCE", "该记录已不再公示和使用，无需修复");
        }
        Answer answer = of(record);
        if (!answer.excludedByLaw() && today.isBefore(answer.earliestDay())) {
            throw ChengxinException.conflict("REPAIR_TOO_EARLY",
                    "该记录的最短公示期尚未届满，自 " + answer.earliestDay() + " 起方可申请信用修复");
        }
        return answer;
    }
}
