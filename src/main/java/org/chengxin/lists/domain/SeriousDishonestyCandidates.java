package org.chengxin.lists.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * When the machine proposes a person to the reviewers as a candidate for the serious-dishonesty list
 * (policy 十四). It only proposes: an entry is made by a reviewer's decision with its document number,
 * legal basis and period. Two rules: a usable record of a serious item in one of the categories of
 * (十四); or the escalation the administrator configures, e.g. three serious records decided within
 * 36 months.
 * <p>
 * A department is proposed candidates on its own records only, and escalation counts one
 * department's records: a department finds dishonesty in its own field on its own legal basis and
 * may list only on records it pushed ({@code LIST_RECORD_NOT_OWN}), so a proposal resting on another
 * department's records could never be decided as offered, and would show that department's records
 * to it. The department whose records escalated is the one that may list; serious records spread
 * over several departments, none of them at the threshold alone, escalate nowhere.
 */
public final class SeriousDishonestyCandidates {

    /** The administrator's escalation rule: at least {@code records} serious records within {@code months}. */
    public record Escalation(int records, int months) {
        public static final Escalation YUEYANG = new Escalation(3, 36);

        public Escalation {
            if (records < 2 || months < 1) {
                throw new IllegalArgumentException("升级规则至少需要2条记录、1个月的期间");
            }
        }
    }

    /** Why a person is proposed, and the records it rests on. */
    public record Proposal(String rule, String reason, List<Long> recordIds) {
    }

    private SeriousDishonestyCandidates() {
    }

    /** What the machine proposes to the reviewers of the department, from a person's records (any department's). */
    public static List<Proposal> proposals(DepartmentCode departmentCode, List<ListRecord> records, Escalation escalation, LocalDate day) {
        List<Proposal> proposals = new ArrayList<>();
        List<ListRecord> serious = records.stream().filter(r -> departmentCode.equals(r.departmentCode()))
                .filter(r -> r.usable() && "SERIOUS".equals(r.severity()))
                .sorted(Comparator.comparing(ListRecord::decisionDate)).toList();
        for (ListRecord r : serious) {
            if (r.category() != null) {
                proposals.add(new Proposal("CATEGORY", "严重失信行为（" + labelOf(r.category()) + "）：" + r.itemName(),
                        List.of(r.recordId())));
            }
        }
        LocalDate since = day.minusMonths(escalation.months());
        List<ListRecord> recent = serious.stream().filter(r -> r.decisionDate().isAfter(since)).toList();
        if (recent.size() >= escalation.records()) {
            proposals.add(new Proposal("ESCALATION", escalation.months() + "个月内有" + recent.size() + "条严重失信记录（达到"
                    + escalation.records() + "条即提请认定）", recent.stream().map(ListRecord::recordId).toList()));
        }
        return proposals;
    }

    private static String labelOf(String category) {
        try {
            return DishonestyCategory.valueOf(category).label();
        } catch (IllegalArgumentException e) {
            return category;
        }
    }
}
