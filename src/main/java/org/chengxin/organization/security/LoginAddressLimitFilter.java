package org.chengxin.organization.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** A login or a second-factor code from an address past its limit of failures is not even tried. */
class LoginAddressLimitFilter extends OncePerRequestFilter {

    private final LoginAddressLimit limit;

    LoginAddressLimitFilter(LoginAddressLimit limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean attempt = "POST".equals(request.getMethod()) && (path.equals("/login") || path.startsWith(StaffLoginSuccess.CODE_PAGE));
        if (attempt && limit.refused(request.getRemoteAddr())) {
            response.sendRedirect(request.getContextPath() + "/login?limited");
            return;
        }
        chain.doFilter(request, response);
    }
}
