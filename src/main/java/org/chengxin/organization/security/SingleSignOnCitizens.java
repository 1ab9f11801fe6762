package org.chengxin.organization.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.text.UnicodeText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The citizen a single sign-on stands for: the ID number the provider asserts (one claim of its ID token or
 * user info) is validated, the person must be in the population register, and their account is found by the
 * subject or opened {@code ACTIVE} without a password (a password is set later with a code from a window, as a
 * reset). A closed or disabled account, a person outside the register and a missing or invalid number are
 * refused ({@link Refused}, whose code the login page explains). Every outcome is audited as {@code auth.login}
 * with the masked number and the subject key; the number itself is never logged, audited or put in a message.
 */
@Service
class SingleSignOnCitizens {

    /** Why a single sign-on was refused; the code goes to the login page's address ({@code /login?sso=code}). */
    enum Refusal {
        NO_ID("no-id", "身份声明中没有有效的身份证号码"),
        NOT_REGISTERED("not-registered", "不在人口基础信息登记中"),
        CLOSED("closed", "账号已注销"),
        DISABLED("disabled", "账号已停用"),
        FAILED("failed", "统一身份认证未完成");

        private final String code;
        private final String reason;

        Refusal(String code, String reason) {
            this.code = code;
            this.reason = reason;
        }

        String code() {
            return code;
        }
    }

    /** A refusal as Spring Security's OAuth2 login expects it: it ends at the failure handler. */
    static final class Refused extends OAuth2AuthenticationException {

        private final transient Refusal refusal;

        Refused(Refusal refusal) {
            super(new OAuth2Error("chengxin_" + refusal.name().toLowerCase(Locale.ROOT)), refusal.reason);
            this.refusal = refusal;
        }

        Refusal refusal() {
            return refusal;
        }
    }

    private final JdbcClient jdbc;
    private final Citizens citizens;
    private final PopulationRegister register;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String providerName;

    SingleSignOnCitizens(JdbcClient jdbc, Citizens citizens, PopulationRegister register, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock, @Value("${chengxin.sso.display-name}") String providerName) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.register = register;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.providerName = providerName;
    }

    /** The principal of the person whose ID number the provider asserted ({@code claim}: its raw value), or {@link Refused}. */
    CitizenPrincipal signIn(Object claim) {
        Instant now = Instant.now(clock);
        Optional<IdNumber> checked = claim instanceof String text ? IdNumber.check(text, clock).idNumber() : Optional.empty();
        if (checked.isEmpty()) {
            throw refuse(new Actor("(无有效身份证号码)", "UNKNOWN", null), null, now, Refusal.NO_ID,
                    claim == null ? "身份声明中没有身份证号码" : "身份声明中的身份证号码无效");
        }
        IdNumber number = checked.get();
        Actor person = new Actor(number.masked(), Role.CITIZEN.name(), null);
        Optional<CitizenRef> subject = citizens.find(number).filter(ref -> register.nameOf(ref.id()).isPresent());
        if (subject.isEmpty()) {
            throw refuse(person, citizens.subjectKeyOf(number), now, Refusal.NOT_REGISTERED, Refusal.NOT_REGISTERED.reason);
        }
        CitizenRef ref = subject.get();
        record Outcome(CitizenPrincipal principal, Refusal refusal) {
        }
        Outcome outcome = transactions.execute(status -> {
            // two sign-ons at once: the unique subject makes the second insert a no-op, the lock below orders them
            boolean opened = jdbc.sql("""
                    insert into organization_citizen_account (subject_id, blind_index, masked_id, password_hash, status)
                    values (:subject, :index, :masked, null, 'ACTIVE') on conflict (subject_id) do nothing""")
                    .param("subject", ref.id()).param("index", ref.subject().bytes()).param("masked", ref.maskedId())
                    .update() == 1;
            record Account(long id, String status, boolean enabled) {
            }
            Account account = jdbc.sql("select id, status, enabled from organization_citizen_account where subject_id = :s for update")
                    .param("s", ref.id())
                    .query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).single();
            if ("CLOSED".equals(account.status())) {
                return new Outcome(null, Refusal.CLOSED);
            }
            if (!account.enabled()) {
                return new Outcome(null, Refusal.DISABLED);
            }
            String how = "经" + providerName + "登录成功";
            if (opened) {
                how += "；首次登录，已开通公民账号（尚未设置密码）";
            } else if ("PENDING".equals(account.status())) {
                // the person proved who they are: the account a window opened needs no code to be used
                jdbc.sql("update organization_citizen_account set status = 'ACTIVE' where id = :id").param("id", account.id()).update();
                how += "；窗口开设、尚未激活的账号经统一身份认证启用（尚未设置密码）";
            }
            events.publishEvent(AuditEvent.of(person, now, "auth.login", ref.subject(), null, AuditOutcome.SUCCESS, how));
            return new Outcome(new CitizenPrincipal(account.id(), ref.id(), ref.maskedId(), null, true, false), null);
        });
        if (outcome.refusal() != null) {
            throw refuse(person, ref.subject(), now, outcome.refusal(), outcome.refusal().reason);
        }
        return outcome.principal();
    }

    /**
     * Audits a sign-on that ended before it reached the platform's checks: cancelled, an invalid answer of the
     * provider. The error code may come from the callback's address, so it is cut and masked.
     */
    void failed(String errorCode) {
        events.publishEvent(AuditEvent.of(Actor.ANONYMOUS, Instant.now(clock), "auth.login", null, null, AuditOutcome.DENIED,
                "经" + providerName + "登录未完成（" + Masking.maskIdShaped(UnicodeText.truncate(String.valueOf(errorCode), 64)) + "）"));
    }

    private Refused refuse(Actor actor, SubjectKey subject, Instant now, Refusal refusal, String reason) {
        events.publishEvent(AuditEvent.of(actor, now, "auth.login", subject, null, AuditOutcome.DENIED,
                "经" + providerName + "登录被拒绝：" + reason));
        return new Refused(refusal);
    }
}
