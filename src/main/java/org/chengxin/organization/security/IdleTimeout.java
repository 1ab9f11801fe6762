package org.chengxin.organization.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A logged-in session idle longer than {@code chengxin.security.idle-timeout} (15 minutes by default) ends on its next
 * request, measured on the platform's clock; the session store's own idle limit is the same (the backstop for a
 * session nobody comes back to). The last request is noted at most every 30 seconds, not on every request.
 */
class IdleTimeout extends OncePerRequestFilter {

    static final String LAST_SEEN = "chengxin.session.last-seen";

    /** A login starts the count (the session is new, or changed its id). */
    static void noteLogin(HttpSession session, Clock clock) {
        session.setAttribute(LAST_SEEN, Instant.now(clock).getEpochSecond());
    }
    private static final Duration NOTE_EVERY = Duration.ofSeconds(30);

    private final Duration idle;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    IdleTimeout(Duration idle, Clock clock, ApplicationEventPublisher events) {
        this.idle = idle;
        this.clock = clock;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Object context = session == null ? null : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (!(context instanceof SecurityContext login) || login.getAuthentication() == null) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = Instant.now(clock);
        Object noted = session.getAttribute(LAST_SEEN);
        Instant last = noted instanceof Long seconds ? Instant.ofEpochSecond(seconds) : null;
        if (last != null && Duration.between(last, now).compareTo(idle) > 0) {
            String who = login.getAuthentication().getName();
            session.invalidate();
            events.publishEvent(AuditEvent.of(new Actor(who, "UNKNOWN", null), now, "auth.idle-timeout", null, null,
                    AuditOutcome.SUCCESS, "会话空闲超过 " + idle.toMinutes() + " 分钟，已自动退出"));
            response.sendRedirect(request.getContextPath() + "/login?timeout");
            return;
        }
        if (last == null || Duration.between(last, now).compareTo(NOTE_EVERY) >= 0) {
            session.setAttribute(LAST_SEEN, now.getEpochSecond());
        }
        chain.doFilter(request, response);
    }
}
