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

    CatalogEditorController(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The editor's form: the item's fields as the administrator types them. */
    record ItemForm(String code, String name, String domain, ItemKind kind, Severity severity, DisclosureScope scope,
            Integer minMonths, Integer maxMonths, String departments, List<String> groups, Boolean adultsOnly,
            String dishonestyCategory, String fields, String law, String article, String description) {

        static ItemForm of(Item i) {
            return new ItemForm(i.code(), i.name(), i.domain(), i.kind(), i.severity(), i.scope(), i.minMonths(),
                    i.maxMonths(), String.join(",", i.departments()), List.copyOf(i.groups()), i.adultsOnly(),
                    i.dishonestyCategory(), i.fields().stream().map(f -> f.name() + "|" + f.label() + "|" + f.type()
                            + "|" + (f.required() ? "必填" : "选填") + "|" + f.effectiveRole().label()).collect(Collectors.joining("\n")),
                    i.legalBasis().law(), i.legalBasis().article(), i.description());
        }

        Item toItem() {
            return new Item(trim(code), trim(name), domain, kind, kind == ItemKind.DISHONESTY ? severity : null, scope,
                    minMonths == null ? 0 : minMonths, maxMonths == null ? 0 : maxMonths, split(departments),
                    groups == null ? Set.of() : Set.copyOf(groups), Boolean.TRUE.equals(adultsOnly),
                    dishonestyCategory == null || dishonestyCategory.isBlank() ? null : dishonestyCategory.strip(),
                    parseFields(fields), new LegalBasis(trim(law), trim(article)), trim(description));
        }

        private static String trim(String s) {
            return s == null ? null : s.strip();
        }

        private static Set<String> split(String s) {
            return s == null ? Set.of() : Arrays.stream(s.split("[,，\\s]+")).filter(x -> !x.isBlank()).collect(Collectors.toSet());
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
        model.addAttribute("today", LocalDate.now(clock));
        return "admin/catalog";
    }
}
