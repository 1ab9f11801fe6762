package org.chengxin.organization.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.organization.CitizenEnrolment;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.error.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 激活账号 (public): the person types their ID number, the code printed at the window and a new password, then logs
 * in. A refusal keeps nothing typed but the number (never the code or the password) and says the same for every
 * reason a code can fail.
 */
@Controller
class ActivationPageController {

    private static final String PAGE = "account/activate";

    private final CitizenEnrolment enrolment;

    ActivationPageController(CitizenEnrolment enrolment) {
        this.enrolment = enrolment;
    }

    @GetMapping("/activate")
    String form() {
        return PAGE;
    }

    @PostMapping("/activate")
    String activate(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String code,
            @RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            if (newPassword == null || !newPassword.equals(confirmPassword)) {
                throw ChengxinException.badRequest("ACCOUNT_PASSWORD_MISMATCH", "两次输入的新密码不一致");
            }
            enrolment.activate(idNumber, code, newPassword, request.getRemoteAddr());
        } catch (ChengxinException e) {
            response.setStatus(Problems.statusOf(e.kind()).value());
            model.addAttribute("error", e);
            model.addAttribute("typedId", idNumber);
            return PAGE;
        }
        return "redirect:/login?activated";
    }
}
