package org.chengxin.organization.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.identity.PopulationRegister;
import org.chengxin.organization.CitizenEnrolment;
import org.chengxin.organization.CitizenEnrolment.IssuedCode;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.error.Problems;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.InvalidIdNumberException;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 公民账号开户（窗口）: a clerk types the ID number and name from the document of the person at the window (checked
 * against the population register), sees whether the person has an account, and has the platform open it (or
 * issue a new code: a password reset) and print the one-time code as a PDF to hand over. As on the other window
 * pages, the number travels between the steps only in POST bodies, never in an address.
 */
@Controller
class WindowEnrolmentPageController {

    private static final String PAGE = "account/window";

    private final CitizenEnrolment enrolment;
    private final PopulationRegister register;
    private final Departments departments;
    private final ActivationLetter letter;
    private final Clock clock;

    WindowEnrolmentPageController(CitizenEnrolment enrolment, PopulationRegister register, Departments departments,
            ActivationLetter letter, Clock clock) {
        this.enrolment = enrolment;
        this.register = register;
        this.departments = departments;
        this.letter = letter;
        this.clock = clock;
    }

    @GetMapping("/window/accounts")
    String start() {
        return PAGE;
    }

    /** Step 2: the number and name checked, the account's state shown with what the window can do. */
    @PostMapping("/window/accounts/person")
    String person(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            IdNumber number = parse(form.get("idNumber"));
            String name = name(form.get("name"));
            PopulationRegister.NameMatch match = register.checkName(number, name);
            if (match == PopulationRegister.NameMatch.MISMATCH) {
                throw ChengxinException.badRequest("ENROLMENT_NAME_MISMATCH", "姓名与人口基础信息登记的不一致，请核对当事人的身份证件");
            }
            return show(number, name, match == PopulationRegister.NameMatch.MATCH, model);
        } catch (ChengxinException e) {
            return refuse(e, form, model, response);
        }
    }

    /** Step 3: the account opened or its code renewed; the answer is the letter to print, or the page with the refusal. */
    @PostMapping("/window/accounts/code")
    Object issue(@RequestParam Map<String, String> form, @AuthenticationPrincipal ChengxinPrincipal clerk, Model model,
            HttpServletResponse response) {
        IdNumber number;
        String name;
        try {
            number = parse(form.get("idNumber"));
            name = name(form.get("name"));
        } catch (ChengxinException e) {
            return refuse(e, form, model, response);
        }
        IssuedCode issued;
        try {
            issued = enrolment.issueAtWindow(number, name, "true".equals(form.get("personPresent")));
        } catch (ChengxinException e) {
            if ("ENROLMENT_NAME_MISMATCH".equals(e.code())) {
                return refuse(e, form, model, response);
            }
            // still the same person: the second step again, with the refusal
            response.setStatus(Problems.statusOf(e.kind()).value());
            model.addAttribute("error", e);
            return show(number, name, register.checkName(number, name) == PopulationRegister.NameMatch.MATCH, model);
        }
        String window = clerk.departmentCode() == null ? "政务服务窗口"
                : departments.find(clerk.departmentCode()).map(Department::name).orElse(clerk.departmentCode().value());
        byte[] pdf = letter.pdf(issued, name, window, clerk.displayName());
        String file = (issued.purpose() == CitizenEnrolment.Purpose.RESET ? "密码重置通知书-" : "账号激活通知书-")
                + issued.maskedId().substring(issued.maskedId().length() - 4) + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(file, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    private String show(IdNumber number, String name, boolean registered, Model model) {
        model.addAttribute("idNumber", number.value());
        model.addAttribute("maskedId", number.masked());
        model.addAttribute("name", name);
        model.addAttribute("registered", registered);
        model.addAttribute("state", enrolment.stateOf(number));
        return PAGE;
    }

    private static String refuse(ChengxinException e, Map<String, String> form, Model model, HttpServletResponse response) {
        response.setStatus(Problems.statusOf(e.kind()).value());
        model.addAttribute("error", e);
        model.addAttribute("typed", form);
        return PAGE;
    }

    private static String name(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty()) {
            throw ChengxinException.badRequest("ENROLMENT_NAME_REQUIRED", "请填写当事人姓名");
        }
        if (name.codePointCount(0, name.length()) > 50) {
            throw ChengxinException.badRequest("ENROLMENT_NAME_TOO_LONG", "姓名不能超过50个字符");
        }
        return name;
    }

    private IdNumber parse(String idNumber) {
        try {
            return IdNumber.parse(idNumber, clock);
        } catch (InvalidIdNumberException e) {
            throw ChengxinException.invalidIdNumber(e);
        }
    }
}
