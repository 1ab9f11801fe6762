package org.chengxin.organization.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.security.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a staff login: the code of the authenticator app (or a recovery code), or, for an account that
 * has none yet, the enrolment: a new secret shown as a QR code and as text, confirmed by its first code, then ten
 * recovery codes shown once.
 */
@Controller
class SecondFactorPageController {

    static final String ENROLLING_SECRET = "chengxin.login.enrolling-secret";

    private final StaffSecondFactors secondFactors;
    private final LoginLockout lockout;
    private final LoginAddressLimit addressLimit;
    private final LoginCompletion completion;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String issuer;

    SecondFactorPageController(StaffSecondFactors secondFactors, LoginLockout lockout, LoginAddressLimit addressLimit,
            LoginCompletion completion, ApplicationEventPublisher events, Clock clock,
            @Value("${chengxin.portal.name}") String issuer) {
        this.secondFactors = secondFactors;
        this.lockout = lockout;
        this.addressLimit = addressLimit;
        this.completion = completion;
        this.events = events;
        this.clock = clock;
        this.issuer = issuer;
    }

    @GetMapping(StaffLoginSuccess.CODE_PAGE)
    String codeForm(HttpSession session) {
        Optional<StaffPrincipal> staff = waiting(session);
        if (staff.isEmpty()) {
            return "redirect:/login";
        }
        return secondFactors.enrolled(staff.get().accountId()) ? "login/second-factor" : "redirect:" + StaffLoginSuccess.ENROL_PAGE;
    }

    @PostMapping(StaffLoginSuccess.CODE_PAGE)
    String checkCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        HttpSession session = request.getSession();
        Optional<StaffPrincipal> staff = waiting(session);
        if (staff.isEmpty()) {
            return "redirect:/login";
        }
        if (secondFactors.verify(staff.get().accountId(), code)) {
            return "redirect:" + passed(staff.get(), request, response);
        }
        addressLimit.recordFailure(request.getRemoteAddr());
        if (lockout.onSecondFactorFailed(staff.get())) {
            session.invalidate();
            return "redirect:/login?error";
        }
        model.addAttribute("errorCode", "SECOND_FACTOR_WRONG_CODE");
        model.addAttribute("errorMessage", "验证码不正确或已过期，请输入验证器当前显示的6位数字，或一个未用过的恢复码");
        return "login/second-factor";
    }

    @GetMapping(StaffLoginSuccess.ENROL_PAGE)
    String enrolForm(HttpSession session, Model model) {
        Optional<StaffPrincipal> staff = waiting(session);
        if (staff.isEmpty()) {
            return "redirect:/login";
        }
        if (secondFactors.enrolled(staff.get().accountId())) {
            return "redirect:" + StaffLoginSuccess.CODE_PAGE;
        }
        return enrolPage(session, staff.get(), model);
    }

    @PostMapping(StaffLoginSuccess.ENROL_PAGE)
    String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        HttpSession session = request.getSession();
        Optional<StaffPrincipal> staff = waiting(session);
        if (staff.isEmpty() || !(session.getAttribute(ENROLLING_SECRET) instanceof String secret)) {
            return "redirect:/login";
        }
        OptionalLong step = TotpCodes.matchingStep(secret, code, Instant.now(clock));
        if (step.isEmpty()) {
            addressLimit.recordFailure(request.getRemoteAddr());
            model.addAttribute("errorCode", "SECOND_FACTOR_WRONG_CODE");
            model.addAttribute("errorMessage", "验证码不正确：请确认验证器已添加上面的密钥，并输入它当前显示的6位数字");
            return enrolPage(session, staff.get(), model);
        }
        List<String> recoveryCodes = secondFactors.enrol(staff.get().accountId(), secret, step.getAsLong());
        session.removeAttribute(ENROLLING_SECRET);
        events.publishEvent(AuditEvent.of(actor(staff.get()), Instant.now(clock), "auth.second-factor-enrol", null, null,
                AuditOutcome.SUCCESS, "绑定双因素认证（TOTP），生成 " + recoveryCodes.size() + " 个恢复码"));
        model.addAttribute("recoveryCodes", recoveryCodes);
        model.addAttribute("next", passed(staff.get(), request, response));
        return "login/recovery-codes";
    }

    private String enrolPage(HttpSession session, StaffPrincipal staff, Model model) {
        String secret = session.getAttribute(ENROLLING_SECRET) instanceof String s ? s : TotpCodes.newSecret();
        session.setAttribute(ENROLLING_SECRET, secret);
        String uri = TotpCodes.uri(issuer, staff.getUsername(), secret);
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("qrCode", TotpQrCode.svg(uri));
        model.addAttribute("account", staff.getUsername());
        return "login/second-factor-enrolment";
    }

    private String passed(StaffPrincipal staff, HttpServletRequest request, HttpServletResponse response) {
        Authentication login = (Authentication) request.getSession().getAttribute(SecondFactorPending.PASSWORD_PASSED);
        lockout.onSecondFactorPassed(staff);
        // a new session id for the full login, as for the password step
        return completion.logIn(request, response, login, true);
    }

    /** The staff member who gave the right password in this session, while the session is at the second step. */
    private static Optional<StaffPrincipal> waiting(HttpSession session) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof SecondFactorPending)) {
            return Optional.empty();
        }
        return session.getAttribute(SecondFactorPending.PASSWORD_PASSED) instanceof Authentication login
                && login.getPrincipal() instanceof StaffPrincipal staff ? Optional.of(staff) : Optional.empty();
    }

    private static Actor actor(StaffPrincipal staff) {
        return new Actor(staff.displayName(), staff.role().name(), staff.departmentCode());
    }
}
