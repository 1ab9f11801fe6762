package org.chengxin.organization.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The last step of every staff or citizen password login: the full login into the session, the staff account's other
 * sessions ended, and, for an account whose password an administrator set, the password change before anything else.
 */
@Component
class LoginCompletion {

    static final String PASSWORD_CHANGE_REQUIRED = "chengxin.login.password-change-required";
    static final String PASSWORD_PAGE = "/account/password";

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SingleStaffSession singleSession;
    private final JdbcClient jdbc;
    private final Clock clock;

    LoginCompletion(SingleStaffSession singleSession, JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.singleSession = singleSession;
        this.jdbc = jdbc;
    }

    /** After the password alone (whose login has already given the session a new id). */
    void complete(HttpServletRequest request, HttpServletResponse response, Authentication login) throws IOException {
        response.sendRedirect(request.getContextPath() + logIn(request, response, login, false));
    }

    /**
     * Puts the full login into the session, with a new session id if asked (after the second factor); returns where the
     * person goes next.
     */
    String logIn(HttpServletRequest request, HttpServletResponse response, Authentication login, boolean newSessionId) {
        if (login.getPrincipal() instanceof StaffPrincipal staff) {
            // before a new id: the store still knows this session by its current one, and it must stay
            singleSession.endOthers(staff, request.getSession().getId());
        }
        if (newSessionId) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(login);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        HttpSession session = request.getSession();
        session.removeAttribute(SecondFactorPending.PASSWORD_PASSED);
        IdleTimeout.noteLogin(session, clock);
        String target = "/home";
        if (login.getPrincipal() instanceof StaffPrincipal staff) {
            if (mustChangePassword(staff)) {
                session.setAttribute(PASSWORD_CHANGE_REQUIRED, Boolean.TRUE);
                target = PASSWORD_PAGE + "?required";
            }
        }
        return target;
    }

    private boolean mustChangePassword(StaffPrincipal staff) {
        return jdbc.sql("select must_change_password from organization_staff_account where id = :id").param("id", staff.accountId())
                .query(Boolean.class).optional().orElse(false);
    }
}
