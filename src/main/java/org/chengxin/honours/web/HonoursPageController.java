package org.chengxin.honours.web;

import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.honours.HonestyModels;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.error.Problems;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 诚信典型: the public page (persons who consented, with their honours in force) and the citizen's page where the
 * consent is given and withdrawn.
 */
@Controller
class HonoursPageController {

    static final int PAGE_SIZE = 20;

    private final HonestyModels models;
    private final Citizens citizens;

    HonoursPageController(HonestyModels models, Citizens citizens) {
        this.models = models;
        this.citizens = citizens;
    }

    @GetMapping("/public/honesty-models")
    String published(@RequestParam(defaultValue = "0") int page, Model model) {
        int shown = Math.max(0, Math.min(page, 10_000));
        long total = models.countPublished();
        model.addAttribute("models", models.published(shown, PAGE_SIZE));
        model.addAttribute("page", shown);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        return "honours/public";
    }

    @GetMapping("/my/honesty-model")
    String mine(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        fill(citizens.signedIn(who), model);
        return "honours/mine";
    }

    @PostMapping("/my/honesty-model/consent")
    String consent(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(required = false) String confirm,
            HttpServletResponse response, Model model) {
        CitizenRef me = citizens.signedIn(who);
        try {
            if (!"true".equals(confirm)) {
                throw ChengxinException.badRequest("HONOURS_CONSENT_NOT_CONFIRMED", "请勾选确认同意公开的内容");
            }
            models.consent(me.id(), me.subject());
        } catch (ChengxinException e) {
            response.setStatus(Problems.statusOf(e.kind()).value());
            model.addAttribute("error", e);
            fill(me, model);
            return "honours/mine";
        }
        return "redirect:/my/honesty-model?consented";
    }

    @PostMapping("/my/honesty-model/withdrawal")
    String withdraw(@AuthenticationPrincipal ChengxinPrincipal who) {
        models.withdraw(citizens.signedIn(who).subject());
        return "redirect:/my/honesty-model?withdrawn";
    }

    private void fill(CitizenRef me, Model model) {
        model.addAttribute("honours", models.honoursOf(me.subject()));
        model.addAttribute("consentedAt", models.consentOf(me.subject()).orElse(null));
    }
}
