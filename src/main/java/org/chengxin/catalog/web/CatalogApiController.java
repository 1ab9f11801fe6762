package org.chengxin.catalog.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.CatalogVersion;
import org.chengxin.catalog.domain.Domain;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.KeyGroup;
import org.chengxin.shared.error.ApiAnswers;
import org.chengxin.shared.error.ChengxinException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog in force, published to everybody: what may be collected, under which law. */
@RestController
@Tag(name = "信息目录", description = "个人公共信用信息目录（公开）")
class CatalogApiController {

    private final Catalog catalog;

    CatalogApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    @ApiAnswers(open = true, problems = 404)
    @GetMapping("/api/v1/catalog")
    @Operation(summary = "信息目录", description = "无需令牌。列出领域、重点人群和全部信息项（含法律依据、严重程度、公开范围和公开期限）。"
            + "date=yyyy-MM-dd 时返回该日施行的版本，默认今天。")
    CatalogResponse current(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        CatalogVersion v = date == null ? catalog.current() : catalog.inForceOn(date).orElseThrow(() ->
                ChengxinException.notFound("CATALOG_NOT_IN_FORCE", "该日期没有施行的信息目录：" + date));
        return new CatalogResponse(v.label(), v.effectiveFrom(), v.note(), catalog.domains(), catalog.groups(),
                List.copyOf(v.allItems()));
    }

    record CatalogResponse(String version, LocalDate effectiveFrom, String note, List<Domain> domains, List<KeyGroup> groups,
            List<Item> items) {
    }
}
