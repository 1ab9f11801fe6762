package org.chengxin.measures.domain;

import java.util.Set;

import org.chengxin.shared.organization.DepartmentCode;

/** A matter (事项) departments handle for people, such as a subsidy application or a recruitment. */
public record Matter(String code, String name, Set<String> departments) {

    public Matter {
        if (code == null || !code.matches("[A-Z][A-Z0-9-]{1,39}")) {
            throw new IllegalArgumentException("事项编码须为 2 至 40 位大写字母、数字或连字符，以字母开头");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("请填写事项名称");
        }
        departments = Set.copyOf(departments == null || departments.isEmpty() ? Set.of(Measure.ALL) : departments);
    }

    public boolean handledBy(DepartmentCode departmentCode) {
        return departments.contains(Measure.ALL) || departments.contains(departmentCode.value());
    }
}
