package org.chengxin.ingestion.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.shared.upload.Uploads;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A data officer's upload over the limit goes back to the upload page, which says why, instead of
 * ending on an error page. It has to be caught before Spring Security: the CSRF check reads the form's
 * token from the body, and Tomcat fails that read for a body past its multipart limit. A browser states
 * the size of its upload, so the body is never read; one sent without a length (chunked) still meets
 * Tomcat's limit and the error page, which states the limit too.
 */
@Component
class UploadSizeFilter extends OncePerRequestFilter implements Ordered {

    static final String REFUSAL = "FILE_TOO_LARGE";
    /** Before Spring Security's filter chain (-100). */
    private static final int ORDER = -200;

    private final Uploads uploads;

    UploadSizeFilter(Uploads uploads) {
        this.uploads = uploads;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !(request.getContextPath() + "/ingestion").equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > uploads.maxBytes()) {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + "/ingestion?refused=" + REFUSAL);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
