package org.chengxin.measures.domain;

import java.util.EnumSet;
import java.util.Set;

import org.chengxin.shared.error.ChengxinException;

/**
 * A punishment rests on the law, not on a score. 国办发〔2020〕49号 asks that dishonesty be punished
 * 依法依规 and 过罚相当, with no punishment measure beyond what laws and regulations provide; a grade or
 * points sum up many facts and serve incentives, and a person may not be punished for a sum. So a
 * punishment measure is triggered only by what a department found under its legal basis: a dishonesty
 * record (of a catalog item naming that basis) or an entry on the serious-dishonesty list. Any other
 * trigger, the grade range today and any score-like trigger added later, is refused.
 */
public final class PunishmentBasisPolicy {

    public static final String CODE = "MEASURE_PUNISHMENT_BY_GRADE";
    public static final String MESSAGE = "惩戒措施不能以信用等级或分数为触发条件，须以失信记录或名单为依据（国办发〔2020〕49号）";

    /** The triggers a punishment may rest on: each names the finding and, through it, its legal basis. */
    public static final Set<TriggerKind> LAWFUL_TRIGGERS = EnumSet.of(TriggerKind.DISHONESTY_RECORD,
            TriggerKind.SERIOUS_DISHONESTY_LIST);

    private PunishmentBasisPolicy() {
    }

    /** Whether a measure of this kind may be triggered so: incentives by anything, punishments by a finding only. */
    public static boolean allows(MeasureKind kind, Trigger trigger) {
        return kind != MeasureKind.PUNISHMENT || LAWFUL_TRIGGERS.contains(trigger.kind());
    }

    /** Refuses, with {@value #CODE}, a punishment that does not rest on a dishonesty record or a list entry. */
    public static void require(MeasureKind kind, Trigger trigger) {
        if (!allows(kind, trigger)) {
            throw ChengxinException.badRequest(CODE, MESSAGE);
        }
    }
}
