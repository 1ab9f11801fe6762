package org.chengxin.shared.error;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.shared.text.UnicodeText;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a query or form field holding what no text may hold (a control character other than tab
 * and line breaks, a lone surrogate, a non-character) before anything reads it: such a value would
 * reach the database, which refuses NUL, and end in a 500. Runs after the request's character
 * encoding is set (the parameters are decoded once) and before Spring Security, whose login form
 * reads them too. Multipart forms are left to the upload handlers, which must not be parsed here.
 */
final class UnfitInputFilter extends OncePerRequestFilter {

    static final String CODE = "INPUT_INVALID_CHARACTER";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> refusal = refusalOf(request.getParameterMap());
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ChengxinException e = ChengxinException.badRequest(CODE, refusal.get());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            var problem = Problems.of(e);
            JSON.writeValue(response.getOutputStream(), Map.of("type", problem.getType().toString(), "title", problem.getTitle(),
                    "status", problem.getStatus(), "detail", problem.getDetail(), "code", e.code()));
        } else {
            // the error page shows the refusal's message and code
            request.setAttribute("chengxin.error", e);
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }

    /** The first unfit field, as a Chinese sentence that names it without echoing its value. */
    static Optional<String> refusalOf(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            boolean badName = UnicodeText.firstFlaw(p.getKey(), false).isPresent();
            for (String value : badName ? new String[] {p.getKey()} : p.getValue()) {
                var flaw = UnicodeText.firstFlaw(value, true);
                if (flaw.isPresent()) {
                    return Optional.of("提交的内容" + nameOf(badName ? "" : p.getKey()) + "含有控制字符或无效字符（"
                            + flaw.get().notation() + "），请删除后重新提交");
                }
            }
        }
        return Optional.empty();
    }

    /** A field name as a person may read it back: only plain names are repeated. */
    private static String nameOf(String name) {
        return name.matches("[A-Za-z][A-Za-z0-9_.\\-\\[\\]]{0,40}") ? "（字段 " + name + "）" : "";
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<UnfitInputFilter> unfitInputFilter() {
            FilterRegistrationBean<UnfitInputFilter> registration = new FilterRegistrationBean<>(new UnfitInputFilter());
            // after CharacterEncodingFilter (highest precedence), before Spring Security (-100)
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
            return registration;
        }
    }
}
