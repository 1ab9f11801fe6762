package org.chengxin.catalog.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.DisclosureScope;
import org.chengxin.catalog.domain.FieldRole;
import org.chengxin.catalog.domain.FieldType;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemField;
import org.chengxin.catalog.domain.ItemKind;
import org.chengxin.catalog.domain.LegalBasis;
import org.chengxin.catalog.domain.Severity;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.shared.error.ChengxinException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator adds or changes an item. Every change is a new catalog version with its own
 * effective date; records keep the version they were accepted under.
 */
@Controller
class CatalogEditorController {

    private final Catalog catalog;
    private final Clock clock;
    private final Departments departments;

    CatalogEditorController(Catalog catalog, Clock clock, Departments departments) {
        this.catalog = catalog;
        this.clock = clock;
        this.departments = departments;
    }

    /** Empty rows the editor offers below an item's fields, for new ones. */
    static final int BLANK_FIELD_ROWS = 3;

    /**
     * The editor's form: the item's fields as a table (one list per column: name, label, type, required, role), the
     * departments and key groups as picked. A department system may still send the fields as text lines
     * ({@code 字段名|中文名|类型|必填或选填|用途}) and the departments as a comma-separated list.
     */
    record ItemForm(String code, String name, String domain, ItemKind kind, Severity severity, DisclosureScope scope,
            Integer minMonths, Integer maxMonths, List<String> departments, List<String> groups, Boolean adultsOnly,
            String dishonestyCategory, List<String> fieldName, List<String> fieldLabel, List<String> fieldType,
            List<String> fieldRequired, List<String> fieldRole, String fields, String law, String article, String description) {

        static ItemForm of(Item i) {
            List<ItemField> f = i.fields();
            return new ItemForm(i.code(), i.name(), i.domain(), i.kind(), i.severity(), i.scope(), i.minMonths(),
                    i.maxMonths(), List.copyOf(i.departments()), List.copyOf(i.groups()), i.adultsOnly(),
                    i.dishonestyCategory(), f.stream().map(ItemField::name).toList(), f.stream().map(ItemField::label).toList(),
                    f.stream().map(x -> x.type().name()).toList(), f.stream().map(x -> x.required() ? "true" : "false").toList(),
                    f.stream().map(x -> x.effectiveRole().name()).toList(), null, i.legalBasis().law(), i.legalBasis().article(),
                    i.description());
        }

        /** The field rows to show: the item's, then blank ones for new fields. */
        public List<FieldRow> rows() {
            List<FieldRow> rows = new ArrayList<>();
            int n = fieldName == null ? 0 : fieldName.size();
            for (int r = 0; r < n; r++) {
                rows.add(new FieldRow(at(fieldName, r), at(fieldLabel, r), at(fieldType, r), "true".equals(at(fieldRequired, r)),
                        at(fieldRole, r)));
            }
            for (int r = 0; r < BLANK_FIELD_ROWS; r++) {
                rows.add(new FieldRow("", "", FieldType.STRING.name(), false, FieldRole.OTHER.name()));
            }
            return rows;
        }

        public boolean hasDepartment(String code) {
            return departments != null && departments.contains(code);
        }

        Item toItem() {
            return new Item(trim(code), trim(name), domain, kind, kind == ItemKind.DISHONESTY ? severity : null, scope,
                    minMonths == null ? 0 : minMonths, maxMonths == null ? 0 : maxMonths, split(departments),
                    groups == null ? Set.of() : Set.copyOf(groups), Boolean.TRUE.equals(adultsOnly),
                    dishonestyCategory == null || dishonestyCategory.isBlank() ? null : dishonestyCategory.strip(),
                    fieldName != null ? tableFields() : parseFields(fields), new LegalBasis(trim(law), trim(article)), trim(description));
        }

        private static String trim(String s) {
            return s == null ? null : s.strip();
        }

        private static String at(List<String> list, int i) {
            return list == null || i >= list.size() ? null : list.get(i);
        }

        private static Set<String> split(List<String> values) {
            return values == null ? Set.of() : values.stream().flatMap(v -> Arrays.stream(v.split("[,，\\s]+")))
                    .filter(x -> !x.isBlank()).collect(Collectors.toSet());
        }

        /** The table's rows; a row without a field name is left out (that is how a field is removed). */
        private List<ItemField> tableFields() {
            List<ItemField> out = new ArrayList<>();
            for (int r = 0; r < fieldName.size(); r++) {
                String n = trim(fieldName.get(r));
                if (n == null || n.isEmpty()) {
                    continue;
                }
                String label = trim(at(fieldLabel, r));
                if (label == null || label.isEmpty()) {
                    throw ChengxinException.badRequest("CATALOG_INVALID", "第" + (r + 1) + "行字段“" + n + "”缺少中文名");
                }
                FieldType type;
                try {
                    type = FieldType.valueOf(String.valueOf(at(fieldType, r)));
                } catch (IllegalArgumentException e) {
                    throw ChengxinException.badRequest("CATALOG_INVALID", "第" + (r + 1) + "行字段“" + label + "”的类型无效");
                }
                FieldRole role = FieldRole.parse(at(fieldRole, r) == null ? "" : at(fieldRole, r));
                out.add(new ItemField(n, label, type, "true".equals(at(fieldRequired, r)), role != null ? role : FieldRole.byName(n)));
            }
            return out;
        }

        private static List<ItemField> parseFields(String text) {
            List<ItemField> fields = new ArrayList<>();
            if (text == null) {
                return fields;
            }
            for (String line : text.strip().split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] p = line.split("\\|");
                if (p.length != 4 && p.length != 5) {
                    throw ChengxinException.badRequest("CATALOG_INVALID", "字段定义每行应为“字段名|中文名|类型|必填或选填|用途（可省略）”：" + line);
                }
                FieldType type;
                try {
                    type = FieldType.valueOf(p[2].strip());
                } catch (IllegalArgumentException e) {
                    throw ChengxinException.badRequest("CATALOG_INVALID", "字段类型应为 " + Arrays.toString(FieldType.values()) + "：" + line);
                }
                FieldRole role = p.length == 5 ? FieldRole.parse(p[4]) : null;
                if (p.length == 5 && !p[4].isBlank() && role == null) {
                    throw ChengxinException.badRequest("CATALOG_INVALID", "字段用途应为 " + Arrays.stream(FieldRole.values())
                            .map(FieldRole::label).collect(Collectors.joining("、")) + " 之一：" + line);
                }
                fields.add(new ItemField(p[0].strip(), p[1].strip(), type, p[3].strip().equals("必填"),
                        role != null ? role : FieldRole.byName(p[0].strip())));
            }
            return fields;
        }
    }

    /** The rows of a new item's fields table: blank ones only. */
    static List<FieldRow> blankRows() {
        return new ItemForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null).rows();
    }

    /** One row of the fields table. */
    record FieldRow(String name, String label, String type, boolean required, String role) {
    }

    @GetMapping("/admin/catalog")
    String editor(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("form", code == null ? null : catalog.item(code).map(ItemForm::of).orElse(null));
        return page(model);
    }

    @PostMapping("/admin/catalog")
    String publish(@ModelAttribute ItemForm form,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        try {
            LocalDate from = effectiveFrom == null ? LocalDate.now(clock) : effectiveFrom;
            var version = catalog.publishItem(form.toItem(), from, note == null || note.isBlank() ? "修订信息项 " + form.code() : note);
            redirect.addFlashAttribute("notice", "已发布目录版本 " + version.label() + "，自 " + from + " 起生效");
            return "redirect:/admin/catalog";
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            model.addAttribute("form", form);
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("version", catalog.current());
        model.addAttribute("versions", catalog.versions());
        model.addAttribute("domains", catalog.domains());
        model.addAttribute("groups", catalog.groups());
        model.addAttribute("kinds", ItemKind.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("scopes", DisclosureScope.values());
        ItemForm form = (ItemForm) model.getAttribute("form");
        model.addAttribute("fieldRows", form == null ? blankRows() : form.rows());
        model.addAttribute("fieldTypes", FieldType.values());
        model.addAttribute("fieldRoles", FieldRole.values());
        model.addAttribute("departments", departments.all().stream().filter(Department::active).toList());
        model.addAttribute("today", LocalDate.now(clock));
        return "admin/catalog";
    }
}
