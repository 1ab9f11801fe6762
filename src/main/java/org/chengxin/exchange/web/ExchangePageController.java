package org.chengxin.exchange.web;

import org.chengxin.exchange.internal.ChangeBaseline;
import org.chengxin.exchange.internal.FileExport;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The administrator's page of the exchange (信用信息交换): what waits for the next export, every delivery (to whom, which
 * positions, how many changes and withdrawals, where, when, acknowledged or not), an export now, and sending a file
 * delivery again.
 */
@Controller
class ExchangePageController {

    private final FileExport export;
    private final ChangeBaseline baseline;

    ExchangePageController(FileExport export, ChangeBaseline baseline) {
        this.export = export;
        this.baseline = baseline;
    }

    @GetMapping("/admin/exchange")
    String page(Model model) {
        export.acknowledged();
        model.addAttribute("deliveries", export.recent(100));
        model.addAttribute("waiting", export.waitingForExport());
        model.addAttribute("directory", export.directory().toAbsolutePath().normalize().toString());
        model.addAttribute("encoding", export.encoding().name());
        return "admin/exchange";
    }

    @PostMapping("/admin/exchange/export")
    String exportNow(Model model) {
        try {
            FileExport.Delivery d = export.exportNow(CurrentActor.get());
            model.addAttribute("notice", "已写出交换文件：变更 " + d.changes() + " 条（其中撤回 " + d.withdrawn() + " 条），目录 " + d.location());
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
        }
        return page(model);
    }

    /** The baseline for a platform connecting now: every decision published and every entry in force not in the feed yet. */
    @PostMapping("/admin/exchange/baseline")
    String baseline(Model model) {
        ChangeBaseline.Added added = baseline.run(CurrentActor.get());
        model.addAttribute("notice", "全量基线已生成：补充双公示决定 " + added.decisions() + " 条、严重失信主体名单条目 " + added.entries()
                + " 条的新增变更，将随接口和下一次交换文件交付");
        return page(model);
    }

    @PostMapping("/admin/exchange/deliveries/{id}/resend")
    String resend(@PathVariable long id, Model model) {
        try {
            FileExport.Delivery d = export.resend(id, CurrentActor.get());
            model.addAttribute("notice", "已重新交付第 " + id + " 次交付：变更 " + d.changes() + " 条，目录 " + d.location());
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
        }
        return page(model);
    }
}
