package org.chengxin.organization.web;

import jakarta.servlet.http.HttpSession;

import org.chengxin.organization.Accounts;
import org.chengxin.organization.CitizenEnrolment;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
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

    /** Set by the login (organization.security.LoginCompletion) while an administrator-set password waits for its change. */
    static final String PASSWORD_CHANGE_REQUIRED = "chengxin.login.password-change-required";

    private final Accounts accounts;
    private final CitizenEnrolment enrolment;

    PasswordPageController(Accounts accounts, CitizenEnrolment enrolment) {
        this.accounts = accounts;
        this.enrolment = enrolment;
    }

    @GetMapping("/account/password")
    String form(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        model.addAttribute("withoutPassword", withoutPassword(who));
        return "account/password";
    }

    /** A citizen who signed on through the province's login and never set a password has none to change. */
    private boolean withoutPassword(ChengxinPrincipal who) {
        return who != null && who.role() == Role.CITIZEN && !enrolment.hasPassword(who);
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam String currentPassword,
            @RequestParam String newPassword, @RequestParam String confirmPassword, HttpSession session, Model model,
            RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw ChengxinException.badRequest("ACCOUNT_PASSWORD_MISMATCH", "两次输入的新密码不一致");
            }
            accounts.changeOwnPassword(who, currentPassword, newPassword);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            model.addAttribute("withoutPassword", withoutPassword(who));
            return "account/password";
        }
        redirect.addFlashAttribute("notice", "密码已修改");
        if (session.getAttribute(PASSWORD_CHANGE_REQUIRED) != null) {
            // the change an administrator's password asked for is done: the workbench opens
            session.removeAttribute(PASSWORD_CHANGE_REQUIRED);
            return "redirect:/home";
        }
        return "redirect:/account/password";
    }
}
