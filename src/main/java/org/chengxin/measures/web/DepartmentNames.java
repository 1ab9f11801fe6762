package org.chengxin.measures.web;

import java.util.List;
import java.util.HashMap;
import java.util.Map;

import org.chengxin.measures.domain.Measure;
import org.chengxin.organization.Departments;
import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.stereotype.Component;

/** Department names for the pages, which store and pass department codes only. */
@Component
class DepartmentNames {

    private final Departments departments;

    DepartmentNames(Departments departments) {
        this.departments = departments;
    }

    /**
     * Every department's name by its plain code: the measures name departments by code or "*" as text, so
     * a page looks a typed code up by its {@code value()}.
     */
    Map<String, String> all() {
        Map<String, String> names = new HashMap<>();
        departments.all().forEach(d -> names.put(d.code().value(), d.name()));
        return names;
    }

    /** As {@link #all()}, with "*" read as every department. */
    Map<String, String> allWithEveryone() {
        Map<String, String> names = all();
        names.put(Measure.ALL, "全部部门");
        return names;
    }

    /** The active departments, by name, for a picker: code and name. */
    List<Map.Entry<String, String>> active() {
        return departments.all().stream().filter(d -> d.active())
                .map(d -> Map.entry(d.code().value(), d.name())).toList();
    }

    String name(DepartmentCode code) {
        return code == null ? "" : departments.find(code).map(d -> d.name()).orElse(code.value());
    }
}
