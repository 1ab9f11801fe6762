package org.chengxin.measures.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * Which measures apply (policy 十三, 十四): every measure of the list in force that is used for the
 * matter and the department, and whose trigger the person's facts meet on the day. Incentives and
 * punishments are both returned when both apply: the department decides, and reports back.
 *
 * <p>A record under objection triggers a measure only when the list's rule allows it
 * ({@link ObjectedRecords}); then the hit says so. The grade and three-years-clean follow the points
 * model's own rule for such records.
 */
public final class MeasureRules {

    private MeasureRules() {
    }

    /** Under the default rule: records under objection trigger, marked disputed. */
    public static List<Hit> applicable(List<Measure> measures, PersonFacts person, String matterCode, DepartmentCode departmentCode,
            LocalDate day) {
        return applicable(measures, ObjectedRecords.COUNT, person, matterCode, departmentCode, day);
    }

    /** The measures of a list version that apply, under its rule for records under objection. */
    public static List<Hit> applicable(MeasureList list, PersonFacts person, String matterCode, DepartmentCode departmentCode,
            LocalDate day) {
        return applicable(list.measures(), list.objectedRecords(), person, matterCode, departmentCode, day);
    }

    public static List<Hit> applicable(List<Measure> measures, ObjectedRecords objected, PersonFacts person, String matterCode,
            DepartmentCode departmentCode, LocalDate day) {
        PersonFacts usable = usable(person, objected);
        List<Hit> hits = new ArrayList<>();
        for (Measure m : measures) {
            if (!m.appliesTo(matterCode, departmentCode)) {
                continue;
            }
            Hit hit = triggered(m, usable, day);
            if (hit != null) {
                hits.add(hit);
            }
        }
        return hits;
    }

    /** The person's facts without the records under objection when the rule sets them aside. */
    static PersonFacts usable(PersonFacts p, ObjectedRecords objected) {
        if (ObjectedRecords.orDefault(objected) == ObjectedRecords.COUNT) {
            return p;
        }
        return new PersonFacts(p.grade(), p.points(), p.threeYearsClean(), p.disputed(), p.listEntries(),
                p.goodCredit().stream().filter(r -> !r.disputed()).toList(),
                p.dishonesty().stream().filter(r -> !r.disputed()).toList());
    }

    /** The reason with the records under objection among those it rests on, said. */
    private static String marked(String reason, List<PersonFacts.RecordFact> records) {
        long disputed = records.stream().filter(PersonFacts.RecordFact::disputed).count();
        return disputed == 0 ? reason : reason + "（其中 " + disputed + " 条正在异议处理中，请审慎适用）";
    }

    /** The hit when the measure's trigger is met, else null. */
    static Hit triggered(Measure m, PersonFacts p, LocalDate day) {
        Trigger t = m.trigger();
        return switch (t.kind()) {
            case SERIOUS_DISHONESTY_LIST -> p.listEntries().isEmpty() ? null
                    : new Hit(m, "已列入严重失信主体名单", p.listEntries(), List.of());
            case GRADE_RANGE -> {
                int g = Trigger.GRADES.indexOf(p.grade());
                boolean in = g >= Trigger.GRADES.indexOf(t.bestGrade()) && g <= Trigger.GRADES.indexOf(t.worstGrade());
                yield in ? new Hit(m, "信用等级为 " + p.grade() + "（" + p.points() + " 分），" + t.describe(), List.of(), List.of())
                        : null;
            }
            case THREE_YEARS_CLEAN -> p.threeYearsClean() ? new Hit(m, "连续三年以上无不良信用记录", List.of(), List.of()) : null;
            case GOOD_CREDIT_RECORD -> p.goodCredit().isEmpty() ? null
                    : new Hit(m, marked("有优良信用记录 " + p.goodCredit().size() + " 条", p.goodCredit()), List.of(), p.goodCredit());
            case DISHONESTY_RECORD -> {
                int least = Trigger.SEVERITIES.indexOf(t.minSeverity());
                LocalDate since = t.withinMonths() == null ? null : day.minusMonths(t.withinMonths());
                List<PersonFacts.RecordFact> matching = p.dishonesty().stream()
                        .filter(r -> r.severity() != null && Trigger.SEVERITIES.indexOf(r.severity()) >= least)
                        .filter(r -> since == null || r.decisionDate().isAfter(since))
                        .toList();
                yield matching.isEmpty() ? null
                        : new Hit(m, marked(t.describe() + "：" + matching.size() + " 条", matching), List.of(), matching);
            }
        };
    }
}
