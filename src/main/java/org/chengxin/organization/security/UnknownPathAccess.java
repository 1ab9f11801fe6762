package org.chengxin.organization.security;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The last rule of every filter chain, for what no module's rule named. A path the application maps
 * (with any method) stays refused: 403 for a logged-in person, the login or 401 for anybody else. A path
 * it does not map is let through for a logged-in person or department system, so the dispatcher answers
 * it as it is, 404 (a Chinese page, or {@code API_PATH_NOT_FOUND}); an anonymous caller is still sent
 * to log in (or answered 401), so nobody learns which paths exist without an account.
 */
final class UnknownPathAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final ApplicationContext context;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private volatile List<PathPattern> mapped;

    UnknownPathAccess(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext request) {
        boolean known = isMapped(request.getRequest());
        return new AuthorizationDecision(!known && trust.isAuthenticated(authentication.get()));
    }

    boolean isMapped(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return patterns().stream().anyMatch(pattern -> pattern.matches(path));
    }

    /** Read once, on the first request: the handler mappings are complete by then and do not change. */
    private List<PathPattern> patterns() {
        List<PathPattern> patterns = mapped;
        if (patterns == null) {
            patterns = context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().stream()
                    .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                    .flatMap(info -> info.getPatternValues().stream())
                    .distinct().map(PathPatternParser.defaultInstance::parse).toList();
            mapped = patterns;
        }
        return patterns;
    }
}
