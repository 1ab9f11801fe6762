package org.chengxin.shared.error;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A page whose request fails for a reason the user can act on (a record of another department, a
 * wrong id) answers with that reason's status and Chinese message on the error page: no stack
 * trace, no server error in the log; so does a page that failed because the database is out of reach
 * ({@link DatabaseUnavailable}, 503). API requests are left to {@link ApiProblemAdvice}.
 */
@Configuration(proxyBeanMethods = false)
class PageErrorConfiguration implements WebMvcConfigurer {

    /** The request attribute the error page reads the failure from. */
    public static final String ATTRIBUTE = "chengxin.error";

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new PageExceptionResolver());
    }

    private static final class PageExceptionResolver implements HandlerExceptionResolver {
        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                return null;
            }
            ChengxinException e = ex instanceof ChengxinException refusal ? refusal : DatabaseUnavailable.of(ex);
            if (e == null) {
                return null;
            }
            try {
                request.setAttribute(ATTRIBUTE, e);
                response.sendError(Problems.statusOf(e.kind()).value());
                return new ModelAndView();
            } catch (IOException io) {
                return null;
            }
        }
    }
}
