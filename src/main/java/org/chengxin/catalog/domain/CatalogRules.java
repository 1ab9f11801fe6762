package org.chengxin.catalog.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a catalog version acceptable: every item names a legal basis (policy 九), a known
 * domain, pushing departments and well-formed fields, and keeps the disclosure-period rule.
 */
public final class CatalogRules {

    private CatalogRules() {
    }

    /** The problems of one item, each prefixed with its code; empty when the item is acceptable. */
    public static List<String> problemsOf(Item item, Set<String> domains, Set<String> groups) {
        List<String> problems = new ArrayList<>();
        if (item.code() == null || !item.code().matches("[A-Z][A-Z0-9-]{2,39}")) {
            problems.add("信息项代码应为3至40位大写字母、数字或连字符");
        }
        if (item.name() == null || item.name().isBlank()) {
            problems.add("信息项名称不能为空");
        }
        if (item.legalBasis() == null || !item.legalBasis().isComplete()) {
            problems.add("必须注明法律依据（法律法规名称及条款）");
        }
        if (!domains.contains(item.domain())) {
            problems.add("所属领域不存在：" + item.domain());
        }
        if (!groups.containsAll(item.groups())) {
            problems.add("重点人群不存在：" + item.groups());
        }
        if (item.kind() == null || item.scope() == null) {
            problems.add("必须标明信息类别和公开范围");
        } else {
            if (!item.isDishonesty() && item.severity() != null) {
                problems.add("只有失信信息有严重程度");
            }
            problems.addAll(DisclosurePeriodPolicy.problemsOf(item));
        }
        if (item.departments().isEmpty()) {
            problems.add("必须指定可报送的部门");
        }
        Set<String> names = new HashSet<>();
        for (ItemField field : item.fields()) {
            if (field.name() == null || !field.name().matches("[a-z][A-Za-z0-9]{0,39}") || field.type() == null) {
                problems.add("字段定义不正确：" + field.name());
            } else if (!names.add(field.name()) || RecordEnvelope.NAMES.contains(field.name())) {
                problems.add("字段名重复或与通用字段冲突：" + field.name());
            }
        }
        return problems.stream().map(p -> item.code() + "：" + p).toList();
    }

    /** The envelope every record carries, whatever its item. */
    public static final class RecordEnvelope {
        public static final Set<String> NAMES = Set.of("sourceId", "itemCode", "idNumber", "name", "decisionDate", "documentNumber");

        private RecordEnvelope() {
        }
    }
}
