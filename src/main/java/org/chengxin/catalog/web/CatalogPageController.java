package org.chengxin.catalog.web;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.TemplateColumns;
import org.chengxin.shared.error.ChengxinException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public catalog pages: every item, its law, who pushes it and how long it is disclosed. */
@Controller
class CatalogPageController {

    private final Catalog catalog;

    CatalogPageController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/catalog")
    String index(Model model) {
        model.addAttribute("version", catalog.current());
        model.addAttribute("domains", catalog.domains());
        model.addAttribute("groups", catalog.groups());
        return "catalog/index";
    }

    @GetMapping("/catalog/items/{code}")
    String item(@PathVariable String code, Model model) {
        Item item = catalog.item(code).orElseThrow(() -> ChengxinException.notFound("CATALOG_ITEM_NOT_FOUND", "信息项不存在：" + code));
        model.addAttribute("item", item);
        model.addAttribute("columns", TemplateColumns.of(item));
        model.addAttribute("domain", catalog.domains().stream().filter(d -> d.code().equals(item.domain())).findFirst().orElse(null));
        return "catalog/item";
    }
}
