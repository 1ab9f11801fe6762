package org.chengxin.organization.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.organization.Accounts;
import org.chengxin.organization.Departments;
import org.chengxin.organization.StaffAccount;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.text.UnicodeText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class JdbcAccounts implements Accounts {

    private final JdbcClient jdbc;
    private final Citizens citizens;
    private final Departments departments;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final int maxAttempts;
    private final Duration lockDuration;

    JdbcAccounts(JdbcClient jdbc, Citizens citizens, Departments departments, PasswordEncoder passwords,
            ApplicationEventPublisher events, Clock clock, TransactionTemplate transactions,
            @Value("${chengxin.security.lockout.max-attempts:5}") int maxAttempts,
            @Value("${chengxin.security.lockout.duration:PT15M}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.departments = departments;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.transactions = transactions;
        this.maxAttempts = maxAttempts;
        this.lockDuration = lockDuration;
    }

    @Override
    @Transactional
    public long createStaff(String username, String displayName, Role role, DepartmentCode departmentCode, String rawPassword) {
        if (role == null || !role.isStaff()) {
            throw ChengxinException.badRequest("ACCOUNT_INVALID_ROLE", "工作人员账号的角色不正确");
        }
        if (username == null || !username.matches("[a-z][a-z0-9._-]{2,63}")) {
            throw ChengxinException.badRequest("ACCOUNT_INVALID_USERNAME", "用户名应为3至64位小写字母、数字或 . _ -，以字母开头");
        }
        if (displayName == null || displayName.isBlank() || UnicodeText.longerThan(displayName, 64)) {
            throw ChengxinException.badRequest("ACCOUNT_INVALID_NAME", "姓名不能为空，且不超过64个字符");
        }
        if (departmentCode == null || departments.find(departmentCode).isEmpty()) {
            throw ChengxinException.badRequest("DEPARTMENT_NOT_FOUND", "所属部门不存在");
        }
        checkPassword(rawPassword);
        if (staffExists(username)) {
            throw ChengxinException.conflict("ACCOUNT_EXISTS", "用户名已存在");
        }
        if (role.isAdministrator() && administratorNamed(displayName.strip())) {
            // 三员分立: the partial unique index organization_staff_account_one_administrator_role holds the same rule
            throw ChengxinException.conflict("ACCOUNT_ADMINISTRATOR_ROLES_SEPARATED",
                    "同一人不得兼任系统管理员、安全管理员和安全审计员：" + displayName.strip() + " 已有管理员账号");
        }
        long id = jdbc.sql("""
                insert into organization_staff_account (username, display_name, role, department_code, password_hash)
                values (:username, :display, :role, :dept, :hash) returning id""")
                .param("username", username).param("display", displayName.strip()).param("role", role.name())
                .param("dept", departmentCode.value()).param("hash", passwords.encode(rawPassword))
                .query(Long.class).single();
        audit("organization.staff-create", "创建工作人员账号 " + username + "（" + role.label() + "，" + departmentName(departmentCode) + "）");
        return id;
    }

    @Override
    @Transactional
    public long createCitizen(IdNumber idNumber, String rawPassword) {
        checkPassword(rawPassword);
        CitizenRef subject = citizens.enroll(idNumber);
        boolean exists = jdbc.sql("select count(*) from organization_citizen_account where subject_id = :id")
                .param("id", subject.id()).query(Long.class).single() > 0;
        if (exists) {
            throw ChengxinException.conflict("ACCOUNT_EXISTS", "该公民已注册账号");
        }
        return jdbc.sql("""
                insert into organization_citizen_account (subject_id, blind_index, masked_id, password_hash)
                values (:subject, :index, :masked, :hash) returning id""")
                .param("subject", subject.id()).param("index", subject.subject().bytes())
                .param("masked", subject.maskedId()).param("hash", passwords.encode(rawPassword))
                .query(Long.class).single();
    }

    @Override
    public boolean staffExists(String username) {
        return jdbc.sql("select count(*) from organization_staff_account where username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    @Override
    public Optional<String> staffName(String username) {
        return jdbc.sql("select display_name from organization_staff_account where username = :u").param("u", username)
                .query(String.class).optional();
    }

    @Override
    public boolean anyAdministrator(Role role) {
        if (!role.isAdministrator()) {
            throw new IllegalArgumentException("not an administrator role: " + role);
        }
        return jdbc.sql("select count(*) from organization_staff_account where role = :role and enabled")
                .param("role", role.name()).query(Long.class).single() > 0;
    }

    private boolean administratorNamed(String displayName) {
        return jdbc.sql("""
                select count(*) from organization_staff_account
                where display_name = :name and role in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN')""")
                .param("name", displayName).query(Long.class).single() > 0;
    }

    @Override
    public List<StaffAccount> staff() {
        return jdbc.sql("select * from organization_staff_account order by department_code, role, username")
                .query((rs, n) -> new StaffAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), DepartmentCode.of(rs.getString("department_code")), rs.getBoolean("enabled"),
                        lockedUntil(rs.getObject("locked_until", OffsetDateTime.class))))
                .list();
    }

    @Override
    @Transactional
    public void unlockStaff(long accountId) {
        String username = jdbc.sql("select username from organization_staff_account where id = :id").param("id", accountId)
                .query(String.class).optional()
                .orElseThrow(() -> ChengxinException.notFound("ACCOUNT_NOT_FOUND", "账号不存在"));
        jdbc.sql("update organization_staff_account set failed_attempts = 0, locked_until = null where id = :id")
                .param("id", accountId).update();
        audit("organization.staff-unlock", "解除账号锁定 " + username);
    }

    /**
     * Not one transaction on purpose: a wrong current password must leave its audit entry and its
     * count towards the lockout even though the change is refused.
     */
    @Override
    public void changeOwnPassword(ChengxinPrincipal who, String currentPassword, String newPassword) {
        boolean citizen = who.role() == Role.CITIZEN;
        String table = citizen ? "organization_citizen_account" : "organization_staff_account";
        String where = citizen ? "subject_id = :key" : "username = :key";
        Object key = citizen ? who.subjectId() : who.displayName();
        String hash = jdbc.sql("select password_hash from " + table + " where " + where).param("key", key)
                .query(String.class).optional()
                .orElseThrow(() -> ChengxinException.notFound("ACCOUNT_NOT_FOUND", "账号不存在"));
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            // a stolen session must not be a way to guess the password without limit
            jdbc.sql("update " + table + " set failed_attempts = failed_attempts + 1, locked_until = case when"
                    + " failed_attempts + 1 >= :max then :until else locked_until end where " + where)
                    .param("max", maxAttempts).param("until", Instant.now(clock).plus(lockDuration).atOffset(ZoneOffset.UTC))
                    .param("key", key).update();
            events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "auth.password-change", null, null,
                    AuditOutcome.DENIED, "当前密码不正确"));
            throw ChengxinException.badRequest("ACCOUNT_WRONG_PASSWORD", "当前密码不正确");
        }
        checkPassword(newPassword);
        if (passwords.matches(newPassword, hash)) {
            throw ChengxinException.badRequest("ACCOUNT_SAME_PASSWORD", "新密码不能与当前密码相同");
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("update " + table + " set password_hash = :hash, failed_attempts = 0"
                    + (citizen ? "" : ", must_change_password = false") + " where " + where)
                    .param("hash", passwords.encode(newPassword)).param("key", key).update();
            events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "auth.password-change", null, null,
                    AuditOutcome.SUCCESS, "修改本人密码"));
        });
    }

    @Override
    @Transactional
    public void requirePasswordChange(String username) {
        jdbc.sql("update organization_staff_account set must_change_password = true where username = :u").param("u", username).update();
    }

    private Instant lockedUntil(OffsetDateTime until) {
        return until == null || !until.toInstant().isAfter(Instant.now(clock)) ? null : until.toInstant();
    }

    private void audit(String action, String detail) {
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), action, null, "账号管理",
                AuditOutcome.SUCCESS, detail));
    }

    private static void checkPassword(String rawPassword) {
        String problem = Accounts.passwordProblem(rawPassword);
        if (problem != null) {
            throw ChengxinException.badRequest("ACCOUNT_WEAK_PASSWORD", problem);
        }
    }

    /** The department's name for an audit text (the code stays out of the words a person reads). */
    private String departmentName(DepartmentCode code) {
        return jdbc.sql("select name from organization_department where code = :code").param("code", code.value())
                .query(String.class).optional().orElse(code.value());
    }
}
