package org.chengxin.organization.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.chengxin.identity.SealedSecrets;
import org.chengxin.organization.SecondFactors;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.security.SecondFactorPolicy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff's TOTP secrets (SM4-GCM encrypted) and recovery codes (SM3 digests, each used once): enrolment,
 * the check at login, and the reset of a lost factor that needs two administrators.
 */
@Service
class StaffSecondFactors implements SecondFactors {

    static final String PURPOSE = "organization.staff-totp-secret";
    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SealedSecrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecondFactorPolicy policy;
    private final TransactionTemplate transactions;

    StaffSecondFactors(JdbcClient jdbc, SealedSecrets secrets, ApplicationEventPublisher events, Clock clock,
            SecondFactorPolicy policy, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.policy = policy;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    /** A reset asked by one administrator, waiting for (or given) another's approval. */
    record ResetRequest(long id, long accountId, String username, String displayName, String requestedBy, Instant requestedAt) {
    }

    /** The policy asks it of the role, or the person enrolled of their own accord: then the factor is always asked. */
    boolean needsSecondFactor(StaffPrincipal staff) {
        return policy.requires(staff.role()) || enrolled(staff.accountId());
    }

    boolean enrolled(long accountId) {
        return jdbc.sql("select count(*) from organization_staff_second_factor where account_id = :id").param("id", accountId)
                .query(Long.class).single() > 0;
    }

    @Override
    public boolean enrolled(String username) {
        return accountId(username).map(this::enrolled).orElse(false);
    }

    @Override
    @Transactional
    public List<String> enrolWithSecret(String username, String base32Secret) {
        long id = accountId(username).orElseThrow(() -> ChengxinException.notFound("ACCOUNT_NOT_FOUND", "账号不存在"));
        return enrol(id, base32Secret);
    }

    /** Stores the secret (replacing none: an enrolled account is reset first) and returns ten new recovery codes. */
    @Transactional
    List<String> enrol(long accountId, String base32Secret) {
        return enrol(accountId, base32Secret, null);
    }

    /** As {@link #enrol(long, String)}, the code of {@code usedStep} (the one that confirmed the enrolment) spent. */
    @Transactional
    List<String> enrol(long accountId, String base32Secret, Long usedStep) {
        if (enrolled(accountId)) {
            throw ChengxinException.conflict("SECOND_FACTOR_ALREADY_ENROLLED", "该账号已绑定双因素认证，如已遗失请由两名管理员重置");
        }
        SealedSecrets.Sealed sealed = secrets.seal(PURPOSE, base32Secret);
        jdbc.sql("""
                insert into organization_staff_second_factor (account_id, secret_cipher, key_id, enrolled_at, last_step)
                values (:id, :cipher, :key, :at, :step)""")
                .param("id", accountId).param("cipher", sealed.cipher()).param("key", sealed.keyId()).param("at", now())
                .param("step", usedStep).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = newRecoveryCode();
            codes.add(code);
            jdbc.sql("insert into organization_staff_recovery_code (account_id, code_hash) values (:id, :hash)")
                    .param("id", accountId).param("hash", digest(code)).update();
        }
        return codes;
    }

    /**
     * Whether the code is the account's current TOTP code, of a later time step than the last one accepted (a code seen
     * once, say over a shoulder, is refused), or one of its unused recovery codes (then used up).
     */
    @Transactional
    boolean verify(long accountId, String code) {
        Optional<String> secret = secret(accountId);
        if (secret.isEmpty() || code == null) {
            return false;
        }
        OptionalLong step = TotpCodes.matchingStep(secret.get(), code, Instant.now(clock));
        if (step.isPresent()) {
            return jdbc.sql("""
                    update organization_staff_second_factor set last_step = :step
                    where account_id = :id and (last_step is null or last_step < :step)""")
                    .param("step", step.getAsLong()).param("id", accountId).update() == 1;
        }
        String recovery = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return !recovery.isEmpty() && jdbc.sql("""
                update organization_staff_recovery_code set used_at = :at
                where id = (select id from organization_staff_recovery_code
                            where account_id = :id and code_hash = :hash and used_at is null limit 1)""")
                .param("at", now()).param("id", accountId).param("hash", digest(recovery)).update() == 1;
    }

    /** The accounts that have a second factor (for the reset page: one query, not one per account). */
    Set<Long> enrolledAccounts() {
        return Set.copyOf(jdbc.sql("select account_id from organization_staff_second_factor").query(Long.class).list());
    }

    /** One administrator asks to reset another staff member's lost factor; a second one must approve. */
    @Transactional
    long requestReset(long accountId, Actor requester) {
        refuseUnlessMayReset(requester);
        String username = username(accountId);
        if (!enrolled(accountId)) {
            throw ChengxinException.badRequest("SECOND_FACTOR_NOT_ENROLLED", "该账号尚未绑定双因素认证，无需重置");
        }
        boolean open = jdbc.sql("select count(*) from organization_second_factor_reset where account_id = :id and approved_at is null")
                .param("id", accountId).query(Long.class).single() > 0;
        if (open) {
            throw ChengxinException.conflict("SECOND_FACTOR_RESET_PENDING", "该账号已有待批准的重置申请");
        }
        long id = jdbc.sql("""
                insert into organization_second_factor_reset (account_id, requested_by, requested_at)
                values (:account, :by, :at) returning id""")
                .param("account", accountId).param("by", requester.name()).param("at", now()).query(Long.class).single();
        audit(requester, "auth.second-factor-reset-request", AuditOutcome.SUCCESS,
                "申请重置账号 " + username + " 的双因素认证，待另一名管理员批准");
        return id;
    }

    /**
     * A second administrator approves: the factor and its recovery codes are removed, the person enrols anew at login.
     * Not one transaction on purpose: a refused approval (one's own request) must leave its audit entry.
     */
    void approveReset(long requestId, Actor approver) {
        refuseUnlessMayReset(approver);
        ResetRequest request = openResets().stream().filter(r -> r.id() == requestId).findFirst()
                .orElseThrow(() -> ChengxinException.notFound("SECOND_FACTOR_RESET_NOT_FOUND", "找不到待批准的重置申请"));
        if (request.requestedBy().equals(approver.name())) {
            audit(approver, "auth.second-factor-reset-approve", AuditOutcome.DENIED,
                    "不得批准本人提出的重置申请（账号 " + request.username() + "）");
            throw ChengxinException.forbidden("SECOND_FACTOR_RESET_SAME_ADMIN", "重置申请须由另一名管理员批准，不能批准本人提出的申请");
        }
        transactions.executeWithoutResult(status -> {
            int approved = jdbc.sql("""
                    update organization_second_factor_reset set approved_by = :by, approved_at = :at
                    where id = :id and approved_at is null""")
                    .param("by", approver.name()).param("at", now()).param("id", requestId).update();
            if (approved != 1) {
                throw ChengxinException.conflict("SECOND_FACTOR_RESET_NOT_FOUND", "找不到待批准的重置申请");
            }
            jdbc.sql("delete from organization_staff_recovery_code where account_id = :id").param("id", request.accountId()).update();
            jdbc.sql("delete from organization_staff_second_factor where account_id = :id").param("id", request.accountId()).update();
            audit(approver, "auth.second-factor-reset-approve", AuditOutcome.SUCCESS, "批准 " + request.requestedBy()
                    + " 的申请，重置账号 " + request.username() + " 的双因素认证；本人下次登录时重新绑定");
        });
    }

    private static void refuseUnlessMayReset(Actor actor) {
        boolean allowed = Arrays.stream(Role.values())
                .anyMatch(role -> role.name().equals(actor.role()) && SecondFactorResetAccess.mayReset(role));
        if (!allowed) {
            throw ChengxinException.forbidden("SECOND_FACTOR_RESET_NOT_ALLOWED", "无权重置他人的双因素认证");
        }
    }

    List<ResetRequest> openResets() {
        return jdbc.sql("""
                select r.id, r.account_id, a.username, a.display_name, r.requested_by, r.requested_at
                from organization_second_factor_reset r join organization_staff_account a on a.id = r.account_id
                where r.approved_at is null order by r.requested_at""")
                .query((rs, n) -> new ResetRequest(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    private Optional<String> secret(long accountId) {
        return jdbc.sql("select secret_cipher, key_id from organization_staff_second_factor where account_id = :id")
                .param("id", accountId).query((rs, n) -> new SealedSecrets.Sealed(rs.getBytes(1), rs.getString(2))).optional()
                .map(sealed -> secrets.open(PURPOSE, sealed));
    }

    private Optional<Long> accountId(String username) {
        return jdbc.sql("select id from organization_staff_account where username = :u").param("u", username)
                .query(Long.class).optional();
    }

    private String username(long accountId) {
        return jdbc.sql("select username from organization_staff_account where id = :id").param("id", accountId)
                .query(String.class).optional()
                .orElseThrow(() -> ChengxinException.notFound("ACCOUNT_NOT_FOUND", "账号不存在"));
    }

    private void audit(Actor actor, String action, AuditOutcome outcome, String detail) {
        events.publishEvent(AuditEvent.of(actor, Instant.now(clock), action, null, "账号管理", outcome, detail));
    }

    private OffsetDateTime now() {
        return Instant.now(clock).atOffset(ZoneOffset.UTC);
    }

    private static String newRecoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    /** SM3 of the code: ten characters of 32 (50 bits) drawn at random, tried only within the login's lockout. */
    static byte[] digest(String code) {
        SM3Digest sm3 = new SM3Digest();
        byte[] in = code.getBytes(StandardCharsets.UTF_8);
        sm3.update(in, 0, in.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return out;
    }
}
