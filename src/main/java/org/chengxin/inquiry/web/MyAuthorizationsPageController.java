package org.chengxin.inquiry.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.inquiry.Authorizations;
import org.chengxin.inquiry.domain.Authorization;
import org.chengxin.inquiry.domain.ReportScope;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的授权: the person's authorizations to query them (online and paper), granting one online and withdrawing
 * one with an optional reason. A refused grant is answered directly so that what was typed is kept.
 */
@Controller
class MyAuthorizationsPageController {

    private final Authorizations authorizations;
    private final Citizens citizens;
    private final Clock clock;

    MyAuthorizationsPageController(Authorizations authorizations, Citizens citizens, Clock clock) {
        this.authorizations = authorizations;
        this.citizens = citizens;
        this.clock = clock;
    }

    @GetMapping("/my/authorizations")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        return page(me(who), Map.of(), model);
    }

    @PostMapping("/my/authorizations")
    String grant(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        CitizenRef me = me(who);
        try {
            Authorization a = authorizations.grant(me.subject(), form.get("granteeName"), form.get("granteeCode"),
                    form.get("purpose"), scope(form.get("scope")), date(form.get("validUntil")));
            redirect.addFlashAttribute("notice", "已授权 #" + a.id() + "：" + a.granteeName() + "，" + a.scope().label() + "，至 "
                    + a.validUntil());
            return "redirect:/my/authorizations";
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return page(me, form, model);
        }
    }

    @PostMapping("/my/authorizations/{id}/withdrawal")
    String withdraw(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CitizenRef me = me(who);
        try {
            authorizations.withdraw(id, me.subject(), reason == null || reason.isBlank() ? null : reason.strip());
            redirect.addFlashAttribute("notice", "已撤回授权 #" + id + "，此后不能再据此查询。");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/my/authorizations";
    }

    private CitizenRef me(ChengxinPrincipal who) {
        return citizens.signedIn(who);
    }

    private String page(CitizenRef me, Map<String, String> typed, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("maskedId", me.maskedId());
        model.addAttribute("authorizations", authorizations.of(me.subject()));
        model.addAttribute("today", today);
        model.addAttribute("scopes", GRANTABLE);
        model.addAttribute("typed", typed);
        model.addAttribute("defaultUntil", today.plusMonths(1));
        return "inquiry/my-authorizations";
    }

    /** What a person may grant; the service holds the same rule and refuses the rest. */
    static final List<ReportScope> GRANTABLE = List.of(ReportScope.PUBLIC, ReportScope.AUTHORIZED);

    /** An unknown scope is passed on as null, for the service to refuse with its code. */
    static ReportScope scope(String text) {
        try {
            return text == null || text.isBlank() ? null : ReportScope.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A missing or malformed date is passed on as null, for the service to refuse with its code. */
    static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
