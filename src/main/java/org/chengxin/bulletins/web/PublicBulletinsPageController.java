package org.chengxin.bulletins.web;

import org.chengxin.bulletins.Bulletins;
import org.chengxin.bulletins.Bulletins.Kind;
import org.chengxin.shared.error.ChengxinException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 通知公告 and 政策法规 on the public portal: lists, 20 a page, and one article; anybody, no login. */
@Controller
class PublicBulletinsPageController {

    static final int PAGE_SIZE = 20;

    private final Bulletins bulletins;

    PublicBulletinsPageController(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping("/public/notices")
    String notices(@RequestParam(defaultValue = "0") int page, Model model) {
        return list(Kind.NOTICE, page, model);
    }

    @GetMapping("/public/laws")
    String laws(@RequestParam(defaultValue = "0") int page, Model model) {
        return list(Kind.LAW, page, model);
    }

    @GetMapping("/public/bulletins/{id}")
    String article(@PathVariable long id, Model model) {
        model.addAttribute("article", bulletins.publishedById(id)
                .orElseThrow(() -> ChengxinException.notFound("BULLETIN_NOT_FOUND", "文章不存在或已撤回")));
        return "bulletins/article";
    }

    private String list(Kind kind, int page, Model model) {
        int shown = Math.max(0, Math.min(page, 10_000));
        long total = bulletins.countPublished(kind);
        model.addAttribute("kind", kind);
        model.addAttribute("articles", bulletins.published(kind, shown, PAGE_SIZE));
        model.addAttribute("page", shown);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("total", total);
        return "bulletins/list";
    }
}
