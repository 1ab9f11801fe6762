package org.chengxin.organization.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.security.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client address (a wrong password or second-factor code): past
 * {@code chengxin.security.login.max-failures-per-address} within {@code chengxin.security.login.address-window} the
 * address may not try again until the oldest failure leaves the window. The per-account limit is the account lockout.
 */
@Component
class LoginAddressLimit {

    static final String CODE = "LOGIN_RATE_LIMITED";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    LoginAddressLimit(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            @Value("${chengxin.security.login.max-failures-per-address:30}") int maxFailures,
            @Value("${chengxin.security.login.address-window:PT15M}") Duration window) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    boolean refused(String address) {
        Instant now = Instant.now(clock);
        long failures = jdbc.sql("select count(*) from organization_login_failure where address = :a and failed_at > :since")
                .param("a", address).param("since", now.minus(window).atOffset(ZoneOffset.UTC)).query(Long.class).single();
        if (failures < maxFailures) {
            return false;
        }
        events.publishEvent(AuditEvent.of(new Actor(address, "UNKNOWN", null), now, "auth.login", null, null,
                AuditOutcome.DENIED, "同一地址登录失败次数过多，暂停登录"));
        return true;
    }

    void recordFailure(String address) {
        Instant now = Instant.now(clock);
        jdbc.sql("delete from organization_login_failure where failed_at <= :old")
                .param("old", now.minus(window).atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("insert into organization_login_failure (address, failed_at) values (:a, :at)")
                .param("a", address).param("at", now.atOffset(ZoneOffset.UTC)).update();
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            recordFailure(details.getRemoteAddress());
        }
    }

    int windowMinutes() {
        return (int) window.toMinutes();
    }
}
