package org.chengxin.figures.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chengxin.figures.PublicFigures;
import org.chengxin.figures.PublicFigures.Snapshot;
import org.chengxin.shared.error.ApiAnswers;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 数据统计 (public): the figures as a page with Apache ECharts charts (the numbers also as tables, for screen readers
 * and without script) and as JSON, counts only. No login, no token.
 */
@Controller
@Tag(name = "公开数据", description = "信用岳阳公开的统计数据（无需令牌）")
class PublicFiguresController {

    private final PublicFigures figures;

    PublicFiguresController(PublicFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/public/figures")
    String page(Model model) {
        model.addAttribute("figures", figures.now());
        return "figures/public";
    }

    @ApiAnswers(open = true)
    @GetMapping("/api/v1/public/figures")
    @ResponseBody
    @Operation(summary = "信用工作统计数据", description = "近12个月按领域归集的记录数、现行有效记录（按类别）、严重失信主体名单在册数、"
            + "联合奖惩核查与措施数、异议和信用修复按期办结率，以及供 Apache ECharts 使用的图表配置（charts）。只含统计数，不含任何个人信息；"
            + "数据每10分钟更新一次。")
    ResponseEntity<Map<String, Object>> json() {
        Snapshot s = figures.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", s.at().toString());
        body.put("months", s.months().stream().map(Object::toString).toList());
        body.put("recordsByDomain", s.recordsByDomain());
        body.put("inForceByKind", s.inForceByKind());
        body.put("listEntriesInForce", s.listEntries());
        body.put("checks", Map.of("made", s.checks().made(), "withHits", s.checks().withHits(),
                "measuresApplied", s.checks().measuresApplied()));
        body.put("remedies", Map.of("objections", s.remedies().objections(), "objectionsOnTimePercent", s.remedies().objectionsOnTime(),
                "repairs", s.remedies().repairs(), "repairsOnTimePercent", s.remedies().repairsOnTime()));
        body.put("charts", FigureCharts.of(s));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic()).body(body);
    }
}
