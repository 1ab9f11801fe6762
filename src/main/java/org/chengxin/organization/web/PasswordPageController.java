package org.chengxin.organization.web;

import org.chengxin.organization.Accounts;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everybody who logs in with a password can change it. */
@Controller
class PasswordPageController {

    private final Accounts accounts;

    PasswordPageController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String form() {
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam String currentPassword,
            @RequestParam String newPassword, @RequestParam String confirmPassword, Model model, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw ChengxinException.badRequest("ACCOUNT_PASSWORD_MISMATCH", "两次输入的新密码不一致");
            }
            accounts.changeOwnPassword(who, currentPassword, newPassword);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return "account/password";
        }
        redirect.addFlashAttribute("notice", "密码已修改");
        return "redirect:/account/password";
    }
}
