package org.chengxin.organization.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.organization.CitizenEnrolment;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.error.Problems;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 我的账号: what closing the account means, and closing it with the password. The records about the person stay
 * (they are the departments'); the person is logged out and can be enrolled again at a window.
 */
@Controller
class MyAccountPageController {

    private static final String PAGE = "account/my-account";

    private final CitizenEnrolment enrolment;

    MyAccountPageController(CitizenEnrolment enrolment) {
        this.enrolment = enrolment;
    }

    @GetMapping("/my/account")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        model.addAttribute("maskedId", who.displayName());
        model.addAttribute("hasPassword", enrolment.hasPassword(who));
        return PAGE;
    }

    @PostMapping("/my/account/closure")
    String close(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirm, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            if (!"true".equals(confirm)) {
                throw ChengxinException.badRequest("ACCOUNT_CLOSE_NOT_CONFIRMED", "请勾选确认已了解注销账号的后果");
            }
            enrolment.close(who, password);
        } catch (ChengxinException e) {
            response.setStatus(Problems.statusOf(e.kind()).value());
            model.addAttribute("error", e);
            model.addAttribute("maskedId", who.displayName());
            model.addAttribute("hasPassword", enrolment.hasPassword(who));
            return PAGE;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/login?closed";
    }
}
