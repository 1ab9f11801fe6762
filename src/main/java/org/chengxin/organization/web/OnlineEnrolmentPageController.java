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
 * 网上开户 / 找回密码 (public): the person types their ID number and name; if they match the population register, a
 * code goes by SMS to the mobile number registered there, and the person goes on to the activation page. The answer
 * is the same whether or not anything was sent.
 */
@Controller
class OnlineEnrolmentPageController {

    private static final String PAGE = "account/enrol";

    private final CitizenEnrolment enrolment;

    OnlineEnrolmentPageController(CitizenEnrolment enrolment) {
        this.enrolment = enrolment;
    }

    @GetMapping("/enrol")
    String form() {
        return PAGE;
    }

    @PostMapping("/enrol")
    String request(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String name,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            enrolment.requestOnline(idNumber, name, request.getRemoteAddr());
        } catch (ChengxinException e) {
            response.setStatus(Problems.statusOf(e.kind()).value());
            model.addAttribute("error", e);
            return PAGE;
        }
        return "redirect:/activate?sent";
    }
}
