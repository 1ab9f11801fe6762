package org.chengxin.organization.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.chengxin.identity.Citizens;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account and locks the account for a while after too many; every login,
 * successful or not, goes to the audit trail.
 */
@Component
class LoginLockout {

    private final JdbcClient jdbc;
    private final AccountDetailsService accounts;
    private final Citizens citizens;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StaffSecondFactors secondFactors;
    private final int maxAttempts;
    private final Duration lockDuration;

    LoginLockout(JdbcClient jdbc, AccountDetailsService accounts, Citizens citizens, ApplicationEventPublisher events,
            Clock clock, StaffSecondFactors secondFactors, @Value("${chengxin.security.lockout.max-attempts:5}") int maxAttempts,
            @Value("${chengxin.security.lockout.duration:PT15M}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.citizens = citizens;
        this.events = events;
        this.clock = clock;
        this.secondFactors = secondFactors;
        this.maxAttempts = maxAttempts;
        this.lockDuration = lockDuration;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token)
                || !(token.getPrincipal() instanceof ChengxinPrincipal principal)) {
            return;
        }
        if (principal instanceof StaffPrincipal staff && secondFactors.needsSecondFactor(staff)) {
            // the password alone clears nothing: wrong codes keep counting until the second factor is passed too
            events.publishEvent(AuditEvent.of(new Actor(staff.displayName(), staff.role().name(), staff.departmentCode()),
                    Instant.now(clock), "auth.login", null, null, AuditOutcome.SUCCESS, "密码正确，待第二因素验证"));
            return;
        }
        String table = principal instanceof CitizenPrincipal ? "organization_citizen_account" : "organization_staff_account";
        long id = principal instanceof CitizenPrincipal c ? c.accountId() : ((StaffPrincipal) principal).accountId();
        jdbc.sql("update " + table + " set failed_attempts = 0, locked_until = null where id = :id").param("id", id).update();
        Actor actor = new Actor(principal.displayName(), principal.role().name(), principal.departmentCode());
        SubjectKey subject = principal.subjectId() == null ? null
                : citizens.findById(principal.subjectId()).map(c -> c.subject()).orElse(null);
        events.publishEvent(AuditEvent.of(actor, Instant.now(clock), "auth.login", subject, null, AuditOutcome.SUCCESS, "登录成功"));
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token)) {
            return;
        }
        String input = String.valueOf(token.getPrincipal());
        var idNumber = accounts.citizenIdIn(input);
        String name = idNumber.map(IdNumber::masked).orElseGet(() -> Masking.maskIdShaped(input.trim().toLowerCase(Locale.ROOT)));
        boolean locked = event.getException() instanceof LockedException;
        if (!locked) {
            if (idNumber.isPresent()) {
                count("organization_citizen_account", "blind_index = :key", citizens.subjectKeyOf(idNumber.get()).bytes());
            } else {
                count("organization_staff_account", "username = :key", input.trim().toLowerCase(Locale.ROOT));
            }
        }
        SubjectKey subject = idNumber.map(citizens::subjectKeyOf).orElse(null);
        events.publishEvent(AuditEvent.of(new Actor(name, idNumber.isPresent() ? "CITIZEN" : "UNKNOWN", null),
                Instant.now(clock), "auth.login", subject, null, AuditOutcome.DENIED,
                locked ? "账号已锁定，登录被拒绝" : "账号或密码错误"));
    }

    /** A second factor passed: the account's count starts again, and the login is complete. */
    @Transactional
    public void onSecondFactorPassed(StaffPrincipal staff) {
        jdbc.sql("update organization_staff_account set failed_attempts = 0, locked_until = null where id = :id")
                .param("id", staff.accountId()).update();
        events.publishEvent(AuditEvent.of(new Actor(staff.displayName(), staff.role().name(), staff.departmentCode()),
                Instant.now(clock), "auth.second-factor", null, null, AuditOutcome.SUCCESS, "第二因素验证通过，登录成功"));
    }

    /** A wrong second-factor code counts towards the account's lockout like a wrong password; true when now locked. */
    @Transactional
    public boolean onSecondFactorFailed(StaffPrincipal staff) {
        count("organization_staff_account", "id = :key", staff.accountId());
        events.publishEvent(AuditEvent.of(new Actor(staff.displayName(), staff.role().name(), staff.departmentCode()),
                Instant.now(clock), "auth.second-factor", null, null, AuditOutcome.DENIED, "第二因素验证码错误"));
        OffsetDateTime until = jdbc.sql("select locked_until from organization_staff_account where id = :id")
                .param("id", staff.accountId()).query(OffsetDateTime.class).optional().orElse(null);
        return until != null && until.toInstant().isAfter(Instant.now(clock));
    }

    private void count(String table, String where, Object key) {
        record Row(long id, int attempts, OffsetDateTime lockedUntil) {
        }
        jdbc.sql("select id, failed_attempts, locked_until from " + table + " where " + where + " for update").param("key", key)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class)))
                .optional()
                .ifPresent(row -> {
                    Instant now = Instant.now(clock);
                    boolean lockOver = row.lockedUntil() != null && !row.lockedUntil().toInstant().isAfter(now);
                    int attempts = lockOver ? 1 : row.attempts() + 1;
                    OffsetDateTime until = attempts >= maxAttempts
                            ? now.plus(lockDuration).atOffset(ZoneOffset.UTC)
                            : (lockOver ? null : row.lockedUntil());
                    jdbc.sql("update " + table + " set failed_attempts = :a, locked_until = :u where id = :id")
                            .param("a", attempts).param("u", until).param("id", row.id()).update();
                });
    }
}
