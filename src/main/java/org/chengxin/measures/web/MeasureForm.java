package org.chengxin.measures.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.measures.domain.Measure;
import org.chengxin.measures.domain.MeasureKind;
import org.chengxin.measures.domain.Trigger;
import org.chengxin.measures.domain.TriggerKind;
import org.chengxin.shared.error.ChengxinException;
import org.springframework.util.MultiValueMap;

/**
 * The administrator's form for one measure, as typed: kept as text so that a refused form comes back
 * as it was. {@link #toMeasure()} leaves the rules to the domain constructors and turns their
 * {@code IllegalArgumentException} into {@code MEASURE_INVALID}; a refusal that carries its own code
 * (a punishment triggered by a grade, {@code MEASURE_PUNISHMENT_BY_GRADE}) passes through unchanged.
 */
record MeasureForm(String code, String name, String kind, String content, String triggerKind, String bestGrade,
        String worstGrade, String minSeverity, String withinMonths, List<String> matters, String departments,
        String legalBasis, boolean mandatory, String version, String effectiveFrom) {

    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)$");

    static MeasureForm blank(String currentVersion, String today) {
        return new MeasureForm("", "", MeasureKind.INCENTIVE.name(), "", TriggerKind.GRADE_RANGE.name(), "AAA", "AA", "GENERAL",
                "", List.of(), Measure.ALL, "", false, nextVersion(currentVersion), today);
    }

    /** The form filled with a measure of the list in force, to modify it. */
    static MeasureForm of(Measure m, String currentVersion, String today) {
        Trigger t = m.trigger();
        return new MeasureForm(m.code(), m.name(), m.kind().name(), m.content(), t.kind().name(),
                t.bestGrade() == null ? "AAA" : t.bestGrade(), t.worstGrade() == null ? "AA" : t.worstGrade(),
                t.minSeverity() == null ? "GENERAL" : t.minSeverity(), t.withinMonths() == null ? "" : t.withinMonths().toString(),
                m.matters().stream().sorted().toList(), String.join(",", m.departments().stream().sorted().toList()), m.legalBasis(),
                m.mandatory(), nextVersion(currentVersion), today);
    }

    static MeasureForm of(MultiValueMap<String, String> form) {
        return new MeasureForm(text(form, "code"), text(form, "name"), text(form, "kind"), text(form, "content"),
                text(form, "triggerKind"), text(form, "bestGrade"), text(form, "worstGrade"), text(form, "minSeverity"),
                text(form, "withinMonths"), form.getOrDefault("matters", List.of()).stream().map(String::strip).toList(),
                departments(form), text(form, "legalBasis"), "true".equals(form.getFirst("mandatory")),
                text(form, "version"), text(form, "effectiveFrom"));
    }

    /** Whether the department picker shows this code ("*" for every department) as picked. */
    public boolean hasDepartment(String code) {
        return Arrays.stream(departments.split("[,，、\\s]+")).map(String::strip).anyMatch(code::equals);
    }

    /** The departments as picked from the checkboxes (one value each), or as typed by an older client. */
    private static String departments(MultiValueMap<String, String> form) {
        return String.join(",", form.getOrDefault("departments", List.of()).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList());
    }

    Measure toMeasure() {
        try {
            return new Measure(code, name, enumOf(MeasureKind.class, kind, "措施类别"), content, trigger(), Set.copyOf(matters),
                    departmentCodes(), legalBasis, mandatory);
        } catch (IllegalArgumentException e) {
            throw ChengxinException.badRequest("MEASURE_INVALID", e.getMessage());
        }
    }

    private Trigger trigger() {
        Integer months;
        try {
            months = withinMonths.isEmpty() ? null : Integer.valueOf(withinMonths);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("失信记录的期限须为整数（月）");
        }
        return new Trigger(enumOf(TriggerKind.class, triggerKind, "触发条件"), bestGrade, worstGrade, minSeverity, months);
    }

    private Set<String> departmentCodes() {
        Set<String> codes = new LinkedHashSet<>();
        Arrays.stream(departments.split("[,，、\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(codes::add);
        if (codes.contains(Measure.ALL) && codes.size() > 1) {
            throw new IllegalArgumentException("适用部门填写“*”（全部部门）或部门编码，二者不能同时填写");
        }
        return codes;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("请选择" + what);
        }
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    /** "yueyang-measures-1" -> "yueyang-measures-2": a suggestion only, the administrator may change it. */
    static String nextVersion(String current) {
        Matcher m = NUMBERED.matcher(current == null ? "" : current);
        return m.matches() ? m.group(1) + (Long.parseLong(m.group(2)) + 1) : (current == null ? "" : current + "-2");
    }
}
