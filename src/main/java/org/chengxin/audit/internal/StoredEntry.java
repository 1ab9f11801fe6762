package org.chengxin.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.chengxin.shared.audit.AuditEvent;

/** One row of the audit trail. Times are kept to the microsecond, as PostgreSQL stores them. */
record StoredEntry(long seq, UUID eventId, Instant occurredAt, Instant recordedAt, String actor, String role,
        String department, String action, String subjectHex, String purpose, String outcome, String detail,
        String prevHash, String hash) {

    static StoredEntry unchained(AuditEvent e) {
        return new StoredEntry(0, e.eventId(), micros(e.occurredAt()), null, cut(e.actor(), 100), cut(e.role(), 40),
                cut(e.department(), 32), cut(e.action(), 64), e.subject() == null ? null : e.subject().hex(), cut(e.purpose(), 200),
                e.outcome().name(), cut(e.detail(), 500), null, null);
    }

    StoredEntry chained(long seq, Instant recordedAt, String prevHash, ChainHash chainHash) {
        StoredEntry withSeq = new StoredEntry(seq, eventId, occurredAt, micros(recordedAt), actor, role, department,
                action, subjectHex, purpose, outcome, detail, prevHash, null);
        return new StoredEntry(seq, eventId, occurredAt, withSeq.recordedAt, actor, role, department, action,
                subjectHex, purpose, outcome, detail, prevHash, chainHash.of(prevHash, withSeq));
    }

    /** A row of {@code audit_entry}. */
    static StoredEntry from(ResultSet rs) throws SQLException {
        return new StoredEntry(rs.getLong("seq"), rs.getObject("event_id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("actor"), rs.getString("role"), rs.getString("department"), rs.getString("action"),
                rs.getString("subject_index"), rs.getString("purpose"), rs.getString("outcome"),
                rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
