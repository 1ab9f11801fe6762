package org.chengxin.shared.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last line for a database out of reach: a failure that escapes every handler because it happened where no handler
 * sees it (the bearer token's revocation check, the session's load from its table) is answered here, 503
 * {@value DatabaseUnavailable#CODE}, without the error page's dispatch, which would run the same filters against the
 * same missing database and end in an empty 500. The API gets its problem detail, a page a short page in Chinese that
 * needs nothing from the database. Runs first, after the request's character encoding is set.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.is(e) || response.isCommitted()) {
                throw e;
            }
            refuse(request, response);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Retry-After", "30");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            var problem = Problems.of(ChengxinException.unavailable(DatabaseUnavailable.CODE, DatabaseUnavailable.MESSAGE));
            JSON.writeValue(response.getOutputStream(), Map.of("type", problem.getType().toString(), "title", problem.getTitle(),
                    "status", problem.getStatus(), "detail", problem.getDetail(), "code", DatabaseUnavailable.CODE));
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            String page = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>服务暂时不可用</title></head><body>"
                    + "<h1>服务暂时不可用</h1><p>" + HtmlUtils.htmlEscape(DatabaseUnavailable.MESSAGE) + "</p>"
                    + "<p title=\"" + DatabaseUnavailable.CODE + "\">错误代码：" + DatabaseUnavailable.CODE + "</p></body></html>";
            response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
            FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter());
            // after CharacterEncodingFilter (highest precedence), before the session repository (highest + 50)
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
