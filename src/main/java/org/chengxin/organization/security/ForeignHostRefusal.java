package org.chengxin.organization.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The authorization server answers only requests addressed to its issuer's host: a token endpoint
 * reached through another {@code Host} would otherwise hand out tokens to whoever controls that name's
 * links, and its metadata would describe a server that is not the platform.
 */
final class ForeignHostRefusal extends OncePerRequestFilter {

    static final String CODE = "FOREIGN_HOST";

    private final TokenIssuer issuer;

    ForeignHostRefusal(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!issuer.isHostOf(request)) {
            ProblemResponses.write(response, 400, CODE,
                    "请求的主机名不是本平台的令牌签发地址，不予签发令牌：请通过 " + issuer.value() + " 访问");
            return;
        }
        chain.doFilter(request, response);
    }
}
