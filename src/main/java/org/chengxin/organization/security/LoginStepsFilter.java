package org.chengxin.organization.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The steps a login has left: who has given the password but not the second factor reaches only the second-factor
 * pages, and who must change an administrator-set password reaches only the password page, whatever they ask for.
 */
class LoginStepsFilter extends OncePerRequestFilter {

    private static final List<String> ALWAYS = List.of("/logout", "/error", "/css/", "/js/", "/img/", "/webjars/", "/favicon.ico");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who instanceof SecondFactorPending && !path.startsWith(StaffLoginSuccess.CODE_PAGE) && !always(path)) {
            response.sendRedirect(request.getContextPath() + StaffLoginSuccess.CODE_PAGE);
            return;
        }
        HttpSession session = request.getSession(false);
        boolean changeRequired = session != null && session.getAttribute(LoginCompletion.PASSWORD_CHANGE_REQUIRED) != null;
        if (changeRequired && !path.equals(LoginCompletion.PASSWORD_PAGE) && !always(path)) {
            response.sendRedirect(request.getContextPath() + LoginCompletion.PASSWORD_PAGE + "?required");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean always(String path) {
        return ALWAYS.stream().anyMatch(path::startsWith);
    }
}
