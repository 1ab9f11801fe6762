package org.chengxin.shared.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The last look at every problem detail a controller or handler returns: Spring fills
 * {@code instance} with the path as sent, which may hold an ID number; here it becomes the masked
 * path that was asked for (the original one, not {@code /error}, when an error page answers), and
 * every text in the problem is masked.
 */
@ControllerAdvice
class MaskedProblemAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            return Problems.masked(problem, requestedPath(request));
        }
        return body;
    }

    private static String requestedPath(ServerHttpRequest request) {
        if (!(request instanceof ServletServerHttpRequest servlet)) {
            return request.getURI().getRawPath();
        }
        HttpServletRequest http = servlet.getServletRequest();
        Object failed = http.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return failed != null ? failed.toString() : http.getRequestURI();
    }
}
