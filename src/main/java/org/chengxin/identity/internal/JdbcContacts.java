package org.chengxin.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

import org.chengxin.identity.Contacts;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The contact details' tables: the register's mobile numbers and the e-mail addresses people give. */
@Repository
class JdbcContacts implements Contacts {

    static final String EMAIL_PURPOSE = "identity.contact.email";
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");

    private final JdbcClient jdbc;
    private final IdentityKeys keys;
    private final JdbcPopulationRegister register;
    private final Clock clock;

    JdbcContacts(JdbcClient jdbc, IdentityKeys keys, JdbcPopulationRegister register, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.register = register;
        this.clock = clock;
    }

    @Override
    public Optional<String> mobileOf(SubjectKey subject) {
        return subjectId(subject).flatMap(register::mobileOf);
    }

    @Override
    public Optional<String> emailOf(SubjectKey subject) {
        record Cipher(byte[] text, String keyId) {
        }
        return jdbc.sql("""
                        select c.email_cipher, c.key_id from identity_contact c join identity_subject s on s.id = c.subject_id
                        where s.blind_index = :k""")
                .param("k", subject.bytes()).query((rs, n) -> new Cipher(rs.getBytes(1), rs.getString(2))).optional()
                .map(c -> Sm4Gcm.decrypt(keys.key(c.keyId()), EMAIL_PURPOSE, c.text()));
    }

    @Override
    @Transactional
    public void setEmail(SubjectKey subject, String email) {
        long id = subjectId(subject).orElseThrow(() -> ChengxinException.notFound("SUBJECT_NOT_FOUND", "找不到您的信用主体信息"));
        String address = email == null ? "" : email.strip();
        if (address.isEmpty()) {
            jdbc.sql("delete from identity_contact where subject_id = :id").param("id", id).update();
            return;
        }
        if (!EMAIL.matcher(address).matches()) {
            throw ChengxinException.badRequest("EMAIL_INVALID", "电子邮箱地址格式不正确");
        }
        jdbc.sql("""
                        insert into identity_contact (subject_id, subject_index, email_cipher, key_id, updated_at) values (:id, :key, :cipher, :keyId, :at)
                        on conflict (subject_id) do update set email_cipher = excluded.email_cipher, key_id = excluded.key_id,
                            updated_at = excluded.updated_at""")
                .param("id", id).param("key", subject.bytes()).param("cipher", Sm4Gcm.encrypt(keys.activeKey(), EMAIL_PURPOSE, address))
                .param("keyId", keys.activeKeyId()).param("at", Instant.now(clock).atOffset(ZoneOffset.UTC)).update();
    }

    private Optional<Long> subjectId(SubjectKey subject) {
        return jdbc.sql("select id from identity_subject where blind_index = :k").param("k", subject.bytes()).query(Long.class).optional();
    }
}
