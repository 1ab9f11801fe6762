package org.chengxin.organization.internal;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.organization.Accounts;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAccounts implements Accounts {

    private final JdbcClient jdbc;
    private final Citizens citizens;
    private final PasswordEncoder passwords;

    JdbcAccounts(JdbcClient jdbc, Citizens citizens, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public long createStaff(String username, String displayName, Role role, String departmentCode, String rawPassword) {
        if (!role.isStaff()) {
            throw ChengxinException.badRequest("ACCOUNT_INVALID_ROLE", "工作人员账号的角色不正确");
        }
        if (username == null || !username.matches("[a-z][a-z0-9._-]{2,63}")) {
            throw ChengxinException.badRequest("ACCOUNT_INVALID_USERNAME", "用户名应为3至64位小写字母、数字或 . _ -，以字母开头");
        }
        checkPassword(rawPassword);
        if (staffExists(username)) {
            throw ChengxinException.conflict("ACCOUNT_EXISTS", "用户名已存在");
        }
        return jdbc.sql("""
                insert into organization_staff_account (username, display_name, role, department_code, password_hash)
                values (:username, :display, :role, :dept, :hash) returning id""")
                .param("username", username).param("display", displayName).param("role", role.name())
                .param("dept", departmentCode).param("hash", passwords.encode(rawPassword))
                .query(Long.class).single();
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
                values (:subject, decode(:index, 'hex'), :masked, :hash) returning id""")
                .param("subject", subject.id()).param("index", subject.blindIndex())
                .param("masked", subject.maskedId()).param("hash", passwords.encode(rawPassword))
                .query(Long.class).single();
    }

    @Override
    public boolean staffExists(String username) {
        return jdbc.sql("select count(*) from organization_staff_account where username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    private static void checkPassword(String rawPassword) {
        String problem = Accounts.passwordProblem(rawPassword);
        if (problem != null) {
            throw ChengxinException.badRequest("ACCOUNT_WEAK_PASSWORD", problem);
        }
    }
}
