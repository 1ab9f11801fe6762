package org.chengxin.measures.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A version of the measure lists with the matters they name, in force from a date.
 *
 * @param objectedRecords whether a record under objection can trigger a measure (by default it can, marked disputed)
 */
public record MeasureList(String version, LocalDate effectiveFrom, List<Matter> matters, List<Measure> measures,
        ObjectedRecords objectedRecords) {

    /** A version under the default rule for records under objection: they trigger, marked disputed. */
    public MeasureList(String version, LocalDate effectiveFrom, List<Matter> matters, List<Measure> measures) {
        this(version, effectiveFrom, matters, measures, ObjectedRecords.COUNT);
    }

    public MeasureList {
        objectedRecords = ObjectedRecords.orDefault(objectedRecords);
        matters = List.copyOf(matters);
        measures = List.copyOf(measures);
        Set<String> codes = new HashSet<>();
        for (Matter m : matters) {
            if (!codes.add(m.code())) {
                throw new IllegalArgumentException("事项编码重复：" + m.code());
            }
        }
        Set<String> measureCodes = new HashSet<>();
        for (Measure m : measures) {
            if (!measureCodes.add(m.code())) {
                throw new IllegalArgumentException("措施编码重复：" + m.code());
            }
            for (String matter : m.matters()) {
                if (!matter.equals(Measure.ALL) && !codes.contains(matter)) {
                    throw new IllegalArgumentException("措施 " + m.code() + " 适用的事项不存在：" + matter);
                }
            }
        }
    }

    public Optional<Matter> matter(String code) {
        return matters.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    public Optional<Measure> measure(String code) {
        return measures.stream().filter(m -> m.code().equals(code)).findFirst();
    }
}
