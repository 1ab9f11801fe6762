package org.chengxin.measures.domain;

import java.util.Set;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.text.UnicodeText;

/**
 * One measure of the lists: what it is, what triggers it, for which matters (事项) and departments it
 * applies ("*" for all), its legal basis or memorandum, and whether applying it is mandatory or at the
 * department's discretion. A punishment rests on a dishonesty record or a list entry, never on a
 * grade ({@link PunishmentBasisPolicy}).
 */
public record Measure(String code, String name, MeasureKind kind, String content, Trigger trigger, Set<String> matters,
        Set<String> departments, String legalBasis, boolean mandatory) {

    public static final String ALL = "*";

    public Measure {
        if (code == null || !code.matches("[A-Z][A-Z0-9-]{1,39}")) {
            throw new IllegalArgumentException("措施编码须为 2 至 40 位大写字母、数字或连字符，以字母开头");
        }
        if (name == null || name.isBlank() || UnicodeText.longerThan(name, 100)) {
            throw new IllegalArgumentException("请填写措施名称（不超过 100 字）");
        }
        if (kind == null || trigger == null) {
            throw new IllegalArgumentException("请选择措施类别和触发条件");
        }
        if (legalBasis == null || legalBasis.isBlank()) {
            throw new IllegalArgumentException("每项措施须写明法律、法规、政策依据或合作备忘录");
        }
        if (kind == MeasureKind.INCENTIVE && trigger.kind() == TriggerKind.SERIOUS_DISHONESTY_LIST
                || kind == MeasureKind.INCENTIVE && trigger.kind() == TriggerKind.DISHONESTY_RECORD) {
            throw new IllegalArgumentException("激励措施不得以失信情形为条件");
        }
        if (kind == MeasureKind.PUNISHMENT && (trigger.kind() == TriggerKind.THREE_YEARS_CLEAN
                || trigger.kind() == TriggerKind.GOOD_CREDIT_RECORD)) {
            throw new IllegalArgumentException("惩戒措施不得以守信情形为条件");
        }
        PunishmentBasisPolicy.require(kind, trigger);
        matters = Set.copyOf(matters == null || matters.isEmpty() ? Set.of(ALL) : matters);
        departments = Set.copyOf(departments == null || departments.isEmpty() ? Set.of(ALL) : departments);
        content = content == null ? "" : content.strip();
    }

    /** Whether the measure is used for this matter handled by this department. */
    public boolean appliesTo(String matterCode, DepartmentCode departmentCode) {
        return (matters.contains(ALL) || matters.contains(matterCode))
                && (departments.contains(ALL) || departments.contains(departmentCode.value()));
    }
}
