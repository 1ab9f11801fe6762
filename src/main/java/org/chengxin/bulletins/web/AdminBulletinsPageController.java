package org.chengxin.bulletins.web;

import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.bulletins.Bulletins;
import org.chengxin.bulletins.Bulletins.Article;
import org.chengxin.bulletins.Bulletins.Kind;
import org.chengxin.bulletins.Bulletins.Status;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.error.Problems;
import org.chengxin.shared.id.Masking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator's editor of 通知公告 and 政策法规: the list, a form to write or change an article, a preview
 * (htmx: the text as the public page will show it, without saving), saving as a draft or publishing, withdrawing.
 */
@Controller
class AdminBulletinsPageController {

    private static final String PAGE = "bulletins/admin";

    private final Bulletins bulletins;

    AdminBulletinsPageController(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping("/admin/bulletins")
    String list(@RequestParam(required = false) Long edit, Model model) {
        Article editing = edit == null ? null
                : bulletins.find(edit).orElseThrow(() -> ChengxinException.notFound("BULLETIN_NOT_FOUND", "文章不存在"));
        fill(model, editing == null ? Draft.EMPTY : Draft.of(editing));
        return PAGE;
    }

    @PostMapping("/admin/bulletins")
    String save(@RequestParam(required = false) Long id, @RequestParam(required = false) Kind kind,
            @RequestParam(required = false) String title, @RequestParam(required = false) String body,
            @RequestParam(required = false) String source, @RequestParam(defaultValue = "draft") String action,
            HttpServletResponse response, Model model) {
        try {
            Article saved = bulletins.save(id, kind, title, body, source, "publish".equals(action));
            return "redirect:/admin/bulletins?saved=" + saved.id();
        } catch (ChengxinException e) {
            response.setStatus(Problems.statusOf(e.kind()).value());
            model.addAttribute("error", e);
            // the typed text comes back with any ID-shaped run masked: a number typed by mistake is not shown again
            fill(model, new Draft(id, kind == null ? Kind.NOTICE : kind, masked(title), masked(body), masked(source)));
            return PAGE;
        }
    }

    @PostMapping("/admin/bulletins/preview")
    String preview(@RequestParam(required = false) Kind kind, @RequestParam(required = false) String title,
            @RequestParam(required = false) String body, @RequestParam(required = false) String source, Model model) {
        model.addAttribute("article", new Article(0, kind == null ? Kind.NOTICE : kind, title == null ? "" : title,
                body == null ? "" : body, source, Status.DRAFT, null, null, null));
        return "bulletins/article :: preview";
    }

    @PostMapping("/admin/bulletins/{id}/withdrawal")
    String withdraw(@PathVariable long id) {
        bulletins.withdraw(id);
        return "redirect:/admin/bulletins?withdrawn=" + id;
    }

    private static String masked(String text) {
        return text == null ? null : Masking.maskIdShaped(text);
    }

    private void fill(Model model, Draft draft) {
        model.addAttribute("articles", bulletins.all());
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("draft", draft);
    }

    /** What the form shows. */
    record Draft(Long id, Kind kind, String title, String body, String source) {

        static final Draft EMPTY = new Draft(null, Kind.NOTICE, "", "", "");

        static Draft of(Article a) {
            return new Draft(a.id(), a.kind(), a.title(), a.body(), a.source());
        }
    }
}
