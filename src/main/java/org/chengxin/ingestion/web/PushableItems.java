package org.chengxin.ingestion.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.TemplateColumns;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.stereotype.Component;

/**
 * The items a department may push, for the pages' choices: named for it, or open to every government
 * department. The row checks decide again on every push; this only keeps the choices honest.
 */
@Component
class PushableItems {

    private final Catalog catalog;
    private final Departments departments;

    PushableItems(Catalog catalog, Departments departments) {
        this.catalog = catalog;
        this.departments = departments;
    }

    /**
     * The Chinese label of every column a rejection can name (the envelope's and every current
     * item's fields), so that a person reads 身份证号, not idNumber; the first label of a name wins.
     */
    Map<String, String> fieldLabels() {
        Map<String, String> labels = new HashMap<>();
        for (Item item : catalog.current().allItems()) {
            for (TemplateColumns.Column c : TemplateColumns.of(item)) {
                labels.putIfAbsent(c.name(), c.label());
            }
        }
        return labels;
    }

    List<Item> of(DepartmentCode department) {
        boolean government = departments.find(department).map(d -> d.kind() == DepartmentKind.GOVERNMENT
                || d.kind() == DepartmentKind.PLATFORM).orElse(false);
        return catalog.current().allItems().stream()
                .filter(i -> i.departments().contains(department.value()) || government && i.departments().contains(Item.ALL_GOVERNMENT))
                .toList();
    }
}
