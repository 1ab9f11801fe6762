package org.chengxin.organization.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.text.UnicodeText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** A department system that failed to authenticate at the token endpoint goes to the audit trail. */
final class ClientAuthenticationAuditing implements AuthenticationFailureHandler {

    private final AuthenticationFailureHandler delegate = new OAuth2ErrorAuthenticationFailureHandler();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientAuthenticationAuditing(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        String clientId = Masking.maskIdShaped(clientIdOf(request));
        events.publishEvent(AuditEvent.of(new Actor(clientId, Role.API_CLIENT.name(), null), Instant.now(clock),
                "auth.token", null, null, AuditOutcome.DENIED, "客户端认证失败"));
        if (e instanceof OAuth2AuthenticationException oauth && "invalid_client".equals(oauth.getError().getErrorCode())) {
            // RFC 6749 5.2: a client that failed to authenticate gets 401, as the server's own default does
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(
                    "{\"error\":\"invalid_client\",\"error_description\":\"客户端认证失败\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        delegate.onAuthenticationFailure(request, response, e);
    }

    /** The client id as claimed (never the secret): from HTTP Basic or the form. */
    private static String clientIdOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return cut(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException ignored) {
                return "(无法解析的凭证)";
            }
        }
        String formId = request.getParameter("client_id");
        return formId == null ? "(未提供)" : cut(formId);
    }

    private static String cut(String s) {
        return UnicodeText.truncate(s, 100);
    }
}
