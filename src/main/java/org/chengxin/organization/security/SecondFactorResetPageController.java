package org.chengxin.organization.security;

import java.util.Set;

import org.chengxin.organization.Accounts;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A lost second factor: one administrator asks to reset it, another approves ({@link SecondFactorResetAccess}). */
@Controller
class SecondFactorResetPageController {

    private final StaffSecondFactors secondFactors;
    private final Accounts accounts;

    SecondFactorResetPageController(StaffSecondFactors secondFactors, Accounts accounts) {
        this.secondFactors = secondFactors;
        this.accounts = accounts;
    }

    @GetMapping(SecondFactorResetAccess.PAGES)
    String list(Model model) {
        model.addAttribute("requests", secondFactors.openResets());
        Set<Long> enrolled = secondFactors.enrolledAccounts();
        model.addAttribute("enrolled", accounts.staff().stream().filter(a -> enrolled.contains(a.id())).toList());
        model.addAttribute("me", CurrentActor.get().name());
        return "admin/second-factor-resets";
    }

    @PostMapping(SecondFactorResetAccess.PAGES)
    String request(@RequestParam long accountId, Model model, RedirectAttributes redirect) {
        try {
            secondFactors.requestReset(accountId, CurrentActor.get());
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return list(model);
        }
        redirect.addFlashAttribute("notice", "已提交重置申请，须由另一名管理员批准后生效");
        return "redirect:" + SecondFactorResetAccess.PAGES;
    }

    @PostMapping(SecondFactorResetAccess.PAGES + "/{id}/approval")
    String approve(@PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            secondFactors.approveReset(id, CurrentActor.get());
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return list(model);
        }
        redirect.addFlashAttribute("notice", "已批准重置：该工作人员下次登录时重新绑定验证器");
        return "redirect:" + SecondFactorResetAccess.PAGES;
    }
}
