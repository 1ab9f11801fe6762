package org.chengxin.organization.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After the right password: a staff member whose role needs a second factor (or who has one) gets only
 * {@link SecondFactorPending} and the code page (or the enrolment page when not enrolled yet); everybody else is
 * logged in at once ({@link LoginCompletion}).
 */
@Component
class StaffLoginSuccess implements AuthenticationSuccessHandler {

    static final String CODE_PAGE = "/login/second-factor";
    static final String ENROL_PAGE = "/login/second-factor/enrolment";

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final StaffSecondFactors secondFactors;
    private final LoginCompletion completion;
    private final Clock clock;

    StaffLoginSuccess(StaffSecondFactors secondFactors, LoginCompletion completion, Clock clock) {
        this.clock = clock;
        this.secondFactors = secondFactors;
        this.completion = completion;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication login)
            throws IOException {
        if (!(login.getPrincipal() instanceof StaffPrincipal staff) || !secondFactors.needsSecondFactor(staff)) {
            completion.complete(request, response, login);
            return;
        }
        request.getSession().setAttribute(SecondFactorPending.PASSWORD_PASSED, login);
        IdleTimeout.noteLogin(request.getSession(), clock);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new SecondFactorPending(staff.getUsername()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        boolean enrolled = secondFactors.enrolled(staff.accountId());
        response.sendRedirect(request.getContextPath() + (enrolled ? CODE_PAGE : ENROL_PAGE));
    }
}
