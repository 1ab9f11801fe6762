package org.chengxin.organization.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.Contacts;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.messaging.MessageNotSent;
import org.chengxin.messaging.SmsGateway;
import org.chengxin.organization.Accounts;
import org.chengxin.organization.CitizenEnrolment;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.InvalidIdNumberException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.text.UnicodeText;
import org.springframework.beans.factory.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enrolment at a window, activation with the printed code, and closing an account (see {@link CitizenEnrolment}).
 * A code is 12 characters of an alphabet without look-alikes (0/O, 1/I), about 60 bits, stored as an Argon2
 * hash. Activation always computes one hash, whether or not the number has an account or a code, so that the
 * time of the answer does not tell either; every refusal of a code is one answer, {@code ACTIVATION_FAILED},
 * and the audit trail alone says which it was. Nothing here logs or audits a code or a full number.
 */
@Service
class JdbcCitizenEnrolment implements CitizenEnrolment {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 12;
    static final int SMS_CODE_LENGTH = 6;
    private static final Logger log = LoggerFactory.getLogger(JdbcCitizenEnrolment.class);
    private static final String PURPOSE = "公民账号开户与密码重置";

    private final JdbcClient jdbc;
    private final Citizens citizens;
    private final PopulationRegister register;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Duration validity;
    private final int maxPerNumber;
    private final int maxPerAddress;
    private final Duration failureWindow;
    private final int maxLoginAttempts;
    private final Duration lockDuration;
    private final Contacts contacts;
    private final SmsGateway sms;
    private final TaskExecutor sender;
    private final Duration smsValidity;
    private final int maxRequestsPerNumber;
    private final int maxRequestsPerAddress;
    private final SecureRandom random = new SecureRandom();
    private volatile String dummyHash;

    JdbcCitizenEnrolment(JdbcClient jdbc, Citizens citizens, PopulationRegister register, PasswordEncoder passwords,
            ApplicationEventPublisher events, Clock clock, TransactionTemplate transactions,
            @Value("${chengxin.enrolment.code-validity:PT72H}") Duration validity,
            @Value("${chengxin.enrolment.max-failures-per-number:5}") int maxPerNumber,
            @Value("${chengxin.enrolment.max-failures-per-address:20}") int maxPerAddress,
            @Value("${chengxin.enrolment.failure-window:PT1H}") Duration failureWindow,
            @Value("${chengxin.security.lockout.max-attempts:5}") int maxLoginAttempts,
            @Value("${chengxin.security.lockout.duration:PT15M}") Duration lockDuration,
            Contacts contacts, SmsGateway sms,
            @Value("${chengxin.enrolment.sms-code-validity:PT15M}") Duration smsValidity,
            @Value("${chengxin.enrolment.max-requests-per-number:3}") int maxRequestsPerNumber,
            @Value("${chengxin.enrolment.max-requests-per-address:10}") int maxRequestsPerAddress) {
        this.contacts = contacts;
        this.sms = sms;
        SimpleAsyncTaskExecutor smsSender = new SimpleAsyncTaskExecutor("enrolment-sms-");
        smsSender.setConcurrencyLimit(4);
        this.sender = smsSender;
        this.smsValidity = smsValidity;
        this.maxRequestsPerNumber = maxRequestsPerNumber;
        this.maxRequestsPerAddress = maxRequestsPerAddress;
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.register = register;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.transactions = transactions;
        this.validity = validity;
        this.maxPerNumber = maxPerNumber;
        this.maxPerAddress = maxPerAddress;
        this.failureWindow = failureWindow;
        this.maxLoginAttempts = maxLoginAttempts;
        this.lockDuration = lockDuration;
    }

    @Override
    public AccountState stateOf(IdNumber number) {
        return citizens.find(number)
                .flatMap(ref -> jdbc.sql("select status from organization_citizen_account where subject_id = :s")
                        .param("s", ref.id()).query(String.class).optional())
                .map(AccountState::valueOf)
                .orElse(AccountState.NONE);
    }

    @Override
    @Transactional
    public IssuedCode issueAtWindow(IdNumber number, String name, boolean personPresent) {
        if (number == null) {
            throw ChengxinException.badRequest("ID_EMPTY", "请填写身份证号码");
        }
        String typed = name == null ? "" : name.strip();
        if (typed.isEmpty()) {
            throw ChengxinException.badRequest("ENROLMENT_NAME_REQUIRED", "请填写当事人姓名");
        }
        if (UnicodeText.longerThan(typed, 50)) {
            throw ChengxinException.badRequest("ENROLMENT_NAME_TOO_LONG", "姓名不能超过50个字符");
        }
        if (register.checkName(number, typed) == PopulationRegister.NameMatch.MISMATCH) {
            throw ChengxinException.badRequest("ENROLMENT_NAME_MISMATCH", "姓名与人口基础信息登记的不一致，请核对当事人的身份证件");
        }
        if (!personPresent) {
            throw ChengxinException.badRequest("ENROLMENT_PRESENCE_REQUIRED", "请确认当事人本人到场，并已核验其身份证件");
        }
        Actor clerk = CurrentActor.get();
        Instant now = Instant.now(clock);
        CitizenRef subject = citizens.enroll(number);
        // two windows at once: the unique subject makes the second insert a no-op, the lock below orders them
        jdbc.sql("""
                insert into organization_citizen_account (subject_id, blind_index, masked_id, password_hash, status)
                values (:subject, :index, :masked, null, 'PENDING') on conflict (subject_id) do nothing""")
                .param("subject", subject.id()).param("index", subject.subject().bytes()).param("masked", subject.maskedId())
                .update();
        record Account(long id, AccountState state) {
        }
        Account account = jdbc.sql("select id, status from organization_citizen_account where subject_id = :s for update")
                .param("s", subject.id())
                .query((rs, n) -> new Account(rs.getLong(1), AccountState.valueOf(rs.getString(2)))).single();
        Purpose purpose = account.state() == AccountState.ACTIVE ? Purpose.RESET : Purpose.ENROLMENT;
        // the clerk has checked the document: a lockout of the person's own account ends here, as an administrator lifts a staff one
        jdbc.sql("update organization_citizen_account set failed_attempts = 0, locked_until = null,"
                + " status = case when status = 'ACTIVE' then 'ACTIVE' else 'PENDING' end where id = :id")
                .param("id", account.id()).update();
        supersede(account.id(), now);
        String code = newCode();
        Instant expiresAt = now.plus(validity);
        jdbc.sql("""
                insert into organization_activation_code (account_id, subject_index, code_hash, purpose, issued_at, expires_at, issued_by,
                    issued_department)
                select id, blind_index, :hash, :purpose, :now, :expires, :by, :department from organization_citizen_account
                where id = :account""")
                .param("account", account.id()).param("hash", passwords.encode(code)).param("purpose", purpose.name())
                .param("now", utc(now)).param("expires", utc(expiresAt)).param("by", clerk.name())
                .param("department", clerk.department() == null ? null : clerk.department().value())
                .update();
        String what = switch (account.state()) {
            case ACTIVE -> "为已激活账号发放密码重置码（当事人遗失密码）";
            case CLOSED -> "为已注销账号重新开户并发放激活码";
            case PENDING -> "为尚未激活的账号重新发放激活码";
            case NONE -> "开设公民账号并发放激活码";
        };
        events.publishEvent(AuditEvent.of(clerk, now, "organization.citizen-code", subject.subject(), PURPOSE, AuditOutcome.SUCCESS,
                "窗口" + what + "：" + subject.maskedId() + "，有效期至 " + expiresAt + "（本人到场，已核验身份证件）"));
        return new IssuedCode(code, expiresAt, purpose, subject.maskedId());
    }

    /**
     * Three steps, so that each refusal leaves a trace: the request counts towards the rate limit in a transaction of
     * its own; then the checks and the code in one transaction; the SMS goes after its commit, on another thread, so
     * that the time of the answer does not depend on whether a message was sent. A person not found costs one
     * Argon2 hash as the issuing of a code does.
     */
    @Override
    public void requestOnline(String idNumber, String name, String address) {
        IdNumber number = parse(idNumber);
        String typed = name == null ? "" : name.strip();
        if (typed.isEmpty() || UnicodeText.longerThan(typed, 50)) {
            throw ChengxinException.badRequest("ENROLMENT_NAME_REQUIRED", "请填写与身份证件一致的姓名（不超过50个字符）");
        }
        SubjectKey key = citizens.subjectKeyOf(number);
        byte[] addressHash = sha256(address == null ? "" : address);
        Instant now = Instant.now(clock);
        Actor person = new Actor(number.masked(), Role.CITIZEN.name(), null);
        Boolean allowed = transactions.execute(status -> {
            OffsetDateTime since = utc(now.minus(failureWindow));
            jdbc.sql("delete from organization_code_request where requested_at < :old").param("old", since).update();
            long perNumber = jdbc.sql("select count(*) from organization_code_request where number_index = :k and requested_at > :since")
                    .param("k", key.bytes()).param("since", since).query(Long.class).single();
            long perAddress = jdbc.sql("select count(*) from organization_code_request where address_hash = :a and requested_at > :since")
                    .param("a", addressHash).param("since", since).query(Long.class).single();
            if (perNumber >= maxRequestsPerNumber || perAddress >= maxRequestsPerAddress) {
                events.publishEvent(AuditEvent.of(person, now, "organization.citizen-code-online", key, PURPOSE, AuditOutcome.DENIED,
                        "网上申请验证码过于频繁，已限制（" + (perNumber >= maxRequestsPerNumber ? "同一身份证号码" : "同一地址") + "）"));
                return false;
            }
            jdbc.sql("insert into organization_code_request (number_index, address_hash, requested_at) values (:k, :a, :now)")
                    .param("k", key.bytes()).param("a", addressHash).param("now", utc(now)).update();
            return true;
        });
        if (!Boolean.TRUE.equals(allowed)) {
            throw ChengxinException.tooMany("ACTIVATION_RATE_LIMITED",
                    "申请验证码过于频繁，请 " + Math.max(1, failureWindow.toMinutes()) + " 分钟后再试");
        }
        transactions.executeWithoutResult(status -> issueBySms(number, typed, key, person, now));
    }

    private void issueBySms(IdNumber number, String name, SubjectKey key, Actor person, Instant now) {
        String refusal = null;
        Optional<String> mobile = Optional.empty();
        Optional<CitizenRef> subject = citizens.find(number);
        if (register.checkName(number, name) != PopulationRegister.NameMatch.MATCH) {
            refusal = "身份证号码与姓名不在人口基础信息中或不一致";
        } else {
            mobile = contacts.mobileOf(key);
            if (mobile.isEmpty()) {
                refusal = "人口基础信息中没有登记手机号码";
            }
        }
        record Account(long id, AccountState state, OffsetDateTime lockedUntil) {
        }
        Optional<Account> account = refusal != null || subject.isEmpty() ? Optional.empty() : jdbc.sql(
                        "select id, status, locked_until from organization_citizen_account where subject_id = :s for update")
                .param("s", subject.get().id())
                .query((rs, n) -> new Account(rs.getLong(1), AccountState.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class)))
                .optional();
        if (refusal == null && account.isPresent() && account.get().lockedUntil() != null
                && account.get().lockedUntil().toInstant().isAfter(now)) {
            refusal = "账号因连续输错密码被临时锁定";
        }
        if (refusal != null) {
            dummyHash();
            passwords.encode(newSmsCode());
            events.publishEvent(AuditEvent.of(person, now, "organization.citizen-code-online", key, PURPOSE, AuditOutcome.DENIED,
                    "网上申请验证码，未发送：" + refusal));
            return;
        }
        long accountId = account.map(Account::id).orElseGet(() -> jdbc.sql("""
                        insert into organization_citizen_account (subject_id, blind_index, masked_id, password_hash, status)
                        values (:subject, :index, :masked, null, 'PENDING') returning id""")
                .param("subject", subject.get().id()).param("index", key.bytes()).param("masked", subject.get().maskedId())
                .query(Long.class).single());
        Purpose purpose = account.map(Account::state).orElse(AccountState.NONE) == AccountState.ACTIVE ? Purpose.RESET : Purpose.ENROLMENT;
        // a closed account is opened again by its owner's code, as at a window; a lockout stays (only a window lifts it)
        jdbc.sql("update organization_citizen_account set status = case when status = 'ACTIVE' then 'ACTIVE' else 'PENDING' end"
                + " where id = :id").param("id", accountId).update();
        supersede(accountId, now);
        String code = newSmsCode();
        Instant expiresAt = now.plus(smsValidity);
        jdbc.sql("""
                insert into organization_activation_code (account_id, subject_index, code_hash, purpose, issued_at, expires_at, issued_by,
                    channel)
                select id, blind_index, :hash, :purpose, :now, :expires, 'online', 'SMS' from organization_citizen_account
                where id = :account""")
                .param("account", accountId).param("hash", passwords.encode(code)).param("purpose", purpose.name())
                .param("now", utc(now)).param("expires", utc(expiresAt)).update();
        String shown = Masking.mobile(mobile.get());
        events.publishEvent(AuditEvent.of(person, now, "organization.citizen-code-online", key, PURPOSE, AuditOutcome.SUCCESS,
                "网上申请" + (purpose == Purpose.RESET ? "密码重置" : "开户激活") + "验证码，已发往人口基础信息登记的手机号码 " + shown
                        + "，有效期至 " + expiresAt));
        String text = "您正在" + (purpose == Purpose.RESET ? "重置个人信用账号的密码" : "开通个人信用账号") + "，验证码 " + code + "，"
                + Math.max(1, smsValidity.toMinutes()) + "分钟内有效，仅限本人使用，请勿告诉他人。如非本人操作，请忽略本短信。";
        String to = mobile.get();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.execute(() -> {
                    try {
                        sms.sendCode(to, text);
                    } catch (MessageNotSent e) {
                        log.warn("验证码短信发送失败（{}）：{}", shown, e.code());
                        events.publishEvent(AuditEvent.of(person, Instant.now(clock), "organization.citizen-code-online", key, PURPOSE,
                                AuditOutcome.FAILED, "验证码短信发送失败（" + e.code() + "），本人可稍后重新申请"));
                    }
                });
            }
        });
    }

    String newSmsCode() {
        StringBuilder code = new StringBuilder(SMS_CODE_LENGTH);
        for (int i = 0; i < SMS_CODE_LENGTH; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    /**
     * Not one transaction on purpose: a refused attempt must leave its audit entry and its count towards the rate
     * limit even though nothing else changes.
     */
    @Override
    public void activate(String idNumber, String code, String newPassword, String address) {
        IdNumber number = parse(idNumber);
        String problem = Accounts.passwordProblem(newPassword);
        if (problem != null) {
            throw ChengxinException.badRequest("ACCOUNT_WEAK_PASSWORD", problem);
        }
        SubjectKey key = citizens.subjectKeyOf(number);
        byte[] addressHash = sha256(address == null ? "" : address);
        Instant now = Instant.now(clock);
        Actor person = new Actor(number.masked(), Role.CITIZEN.name(), null);
        OffsetDateTime since = utc(now.minus(failureWindow));
        long perNumber = jdbc.sql("select count(*) from organization_activation_failure where number_index = :k and failed_at > :since")
                .param("k", key.bytes()).param("since", since).query(Long.class).single();
        long perAddress = jdbc.sql("select count(*) from organization_activation_failure where address_hash = :a and failed_at > :since")
                .param("a", addressHash).param("since", since).query(Long.class).single();
        if (perNumber >= maxPerNumber || perAddress >= maxPerAddress) {
            events.publishEvent(AuditEvent.of(person, now, "organization.citizen-activate", key, PURPOSE, AuditOutcome.DENIED,
                    "激活尝试过多，已限制（" + (perNumber >= maxPerNumber ? "同一身份证号码" : "同一地址") + "）"));
            throw ChengxinException.tooMany("ACTIVATION_RATE_LIMITED",
                    "激活失败次数过多，请 " + Math.max(1, failureWindow.toMinutes()) + " 分钟后再试");
        }
        String reason = transactions.execute(status -> {
            String refusal = tryActivate(key, normalize(code), newPassword, now, person);
            if (refusal != null) {
                status.setRollbackOnly();
            }
            return refusal;
        });
        if (reason != null) {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("delete from organization_activation_failure where failed_at < :old")
                        .param("old", utc(now.minus(failureWindow))).update();
                jdbc.sql("insert into organization_activation_failure (number_index, address_hash, failed_at) values (:k, :a, :now)")
                        .param("k", key.bytes()).param("a", addressHash).param("now", utc(now)).update();
                events.publishEvent(AuditEvent.of(person, now, "organization.citizen-activate", key, PURPOSE, AuditOutcome.DENIED,
                        "激活失败：" + reason));
            });
            throw ChengxinException.badRequest("ACTIVATION_FAILED",
                    "激活失败：身份证号码或激活码（验证码）不正确，或已过期、已使用，或账号暂时被锁定。请核对后重试；"
                            + "遗失或过期的，可在网上重新获取短信验证码，或本人携带身份证件到政务服务窗口重新领取");
        }
    }

    /** The reason for a refusal (for the audit trail only), or null once the password is set and the code used. */
    private String tryActivate(SubjectKey key, String code, String newPassword, Instant now, Actor person) {
        record Account(long id, String status, OffsetDateTime lockedUntil) {
        }
        record Code(long id, String hash, OffsetDateTime expiresAt, Purpose purpose, String channel) {
        }
        Optional<Account> account = jdbc.sql("select id, status, locked_until from organization_citizen_account where blind_index = :k for update")
                .param("k", key.bytes())
                .query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                .optional();
        Optional<Code> live = account.flatMap(a -> jdbc.sql("""
                select id, code_hash, expires_at, purpose, channel from organization_activation_code
                where account_id = :id and used_at is null and superseded_at is null order by id desc limit 1""")
                .param("id", a.id())
                .query((rs, n) -> new Code(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        Purpose.valueOf(rs.getString(4)), rs.getString(5)))
                .optional());
        // one hash in every case: the answer's time says nothing about the account
        boolean matches = passwords.matches(code, live.map(Code::hash).orElseGet(this::dummyHash)) && live.isPresent();
        if (account.isEmpty()) {
            return "该身份证号码未开户";
        }
        if ("CLOSED".equals(account.get().status())) {
            return "账号已注销";
        }
        if (account.get().lockedUntil() != null && account.get().lockedUntil().toInstant().isAfter(now)) {
            return "账号因连续输错密码被临时锁定";
        }
        if (live.isEmpty()) {
            return "没有可用的激活码（未发放或已使用）";
        }
        if (!live.get().expiresAt().toInstant().isAfter(now)) {
            return "激活码已过期";
        }
        if (!matches) {
            return "激活码不正确";
        }
        int used = jdbc.sql("update organization_activation_code set used_at = :now where id = :id and used_at is null and superseded_at is null")
                .param("now", utc(now)).param("id", live.get().id()).update();
        if (used != 1) {
            return "激活码已使用";
        }
        jdbc.sql("""
                update organization_citizen_account set password_hash = :hash, status = 'ACTIVE', closed_at = null,
                failed_attempts = 0, locked_until = null where id = :id""")
                .param("hash", passwords.encode(newPassword)).param("id", account.get().id()).update();
        events.publishEvent(AuditEvent.of(person, now, "organization.citizen-activate", key, PURPOSE, AuditOutcome.SUCCESS,
                (live.get().purpose() == Purpose.RESET ? "以重置码设置新密码" : "以激活码激活账号并设置密码")
                        + ("SMS".equals(live.get().channel()) ? "（短信验证码）" : "（窗口发放）")));
        return null;
    }

    /**
     * Not one transaction on purpose, as a password change: a wrong password leaves its audit entry and counts
     * towards the login lockout.
     */
    @Override
    public void close(ChengxinPrincipal who, String password) {
        if (who == null || who.role() != Role.CITIZEN || who.subjectId() == null) {
            throw ChengxinException.forbidden("ACCOUNT_NOT_CITIZEN", "只有公民本人可以注销本人账号");
        }
        record Account(long id, String hash) {
        }
        Account account = jdbc.sql("select id, password_hash from organization_citizen_account where subject_id = :s and status = 'ACTIVE'")
                .param("s", who.subjectId()).query((rs, n) -> new Account(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(() -> ChengxinException.notFound("ACCOUNT_NOT_FOUND", "账号不存在或已注销"));
        SubjectKey subject = citizens.findById(who.subjectId()).map(CitizenRef::subject).orElse(null);
        Instant now = Instant.now(clock);
        if (account.hash() != null && (password == null || password.isEmpty() || !passwords.matches(password, account.hash()))) {
            jdbc.sql("update organization_citizen_account set failed_attempts = failed_attempts + 1, locked_until = case when"
                    + " failed_attempts + 1 >= :max then :until else locked_until end where id = :id")
                    .param("max", maxLoginAttempts).param("until", utc(now.plus(lockDuration))).param("id", account.id()).update();
            events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "organization.citizen-close", subject, null,
                    AuditOutcome.DENIED, "注销账号：密码不正确"));
            throw ChengxinException.badRequest("ACCOUNT_WRONG_PASSWORD", "密码不正确");
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    update organization_citizen_account set status = 'CLOSED', closed_at = :now, password_hash = null,
                    failed_attempts = 0, locked_until = null where id = :id""")
                    .param("now", utc(now)).param("id", account.id()).update();
            supersede(account.id(), now);
            events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "organization.citizen-close", subject, null,
                    AuditOutcome.SUCCESS, "本人注销公民账号" + (account.hash() == null ? "（经统一身份认证登录，未设置密码）" : "")
                            + "（信用记录由各部门依法保留，不受影响）"));
        });
    }

    @Override
    public boolean hasPassword(ChengxinPrincipal who) {
        return who != null && who.subjectId() != null && jdbc.sql(
                        "select password_hash is not null from organization_citizen_account where subject_id = :s and status = 'ACTIVE'")
                .param("s", who.subjectId()).query(Boolean.class).optional().orElse(false);
    }

    private void supersede(long accountId, Instant now) {
        jdbc.sql("update organization_activation_code set superseded_at = :now where account_id = :id and used_at is null and superseded_at is null")
                .param("now", utc(now)).param("id", accountId).update();
    }

    String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person types: spaces and hyphens between the groups dropped, lower case accepted; a long input is no code. */
    static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        String code = typed.replaceAll("[\\s\\-－—]", "").toUpperCase(Locale.ROOT);
        return code.length() > 2 * CODE_LENGTH ? "" : code;
    }

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = passwords.encode(newCode());
        }
        return dummyHash;
    }

    private IdNumber parse(String idNumber) {
        try {
            return IdNumber.parse(idNumber, clock);
        } catch (InvalidIdNumberException e) {
            throw ChengxinException.invalidIdNumber(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
