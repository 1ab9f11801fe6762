package org.chengxin.support;

import java.util.Arrays;

import org.chengxin.audit.AuditTrail;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the audit trail in tests, after letting the chain writer settle. */
@TestComponent
public class AuditRecords {

    private final AuditTrail trail;
    private final JdbcTemplate jdbc;

    public AuditRecords(AuditTrail trail, JdbcTemplate jdbc) {
        this.trail = trail;
        this.jdbc = jdbc;
    }

    /** Entries matching a SQL condition on audit_entry; a subject key is compared as the entry's hex text. */
    public long count(String where, Object... args) {
        trail.size();
        Object[] bound = Arrays.stream(args).map(a -> a instanceof SubjectKey key ? key.hex() : a).toArray();
        Long n = jdbc.queryForObject("select count(*) from audit_entry where " + where, Long.class, bound);
        return n == null ? 0 : n;
    }
}
