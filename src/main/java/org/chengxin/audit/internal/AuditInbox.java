package org.chengxin.audit.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.chengxin.shared.audit.AuditEvent;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Entries written in the same transaction as the change they record, waiting for the chain writer. */
@Component
class AuditInbox {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    AuditInbox(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    private static final String INSERT = """
            insert into audit_inbox (event_id, occurred_at, actor, role, department, action, subject_index, purpose, outcome, detail)
            values (:id, :at, :actor, :role, :dept, :action, :subject, :purpose, :outcome, :detail)
            on conflict (event_id) do nothing""";

    /** Several entries in one statement (one batch), in their order. */
    void addAll(List<AuditEvent> events) {
        if (events.size() == 1) {
            add(events.get(0));
            return;
        }
        SqlParameterSource[] rows = events.stream().map(event -> {
            StoredEntry e = StoredEntry.unchained(event);
            return new MapSqlParameterSource().addValue("id", e.eventId()).addValue("at", Timestamp.from(e.occurredAt()))
                    .addValue("actor", e.actor()).addValue("role", e.role()).addValue("dept", e.department())
                    .addValue("action", e.action()).addValue("subject", e.subjectHex()).addValue("purpose", e.purpose())
                    .addValue("outcome", e.outcome()).addValue("detail", e.detail());
        }).toArray(SqlParameterSource[]::new);
        named.batchUpdate(INSERT, rows);
    }

    void add(AuditEvent event) {
        add(StoredEntry.unchained(event));
    }

    /** An entry not chained yet (a follower's writer hands its requests' entries to the leader this way). */
    void add(StoredEntry e) {
        jdbc.sql(INSERT)
                .param("id", e.eventId()).param("at", Timestamp.from(e.occurredAt())).param("actor", e.actor())
                .param("role", e.role()).param("dept", e.department()).param("action", e.action())
                .param("subject", e.subjectHex()).param("purpose", e.purpose()).param("outcome", e.outcome())
                .param("detail", e.detail())
                .update();
    }

    /** The oldest waiting entries, locked so that a second instance's writer skips them. */
    List<StoredEntry> take(int max) {
        return jdbc.sql("select * from audit_inbox order by occurred_at limit :max for update skip locked")
                .param("max", max)
                .query((rs, n) -> new StoredEntry(0, rs.getObject("event_id", UUID.class),
                        rs.getTimestamp("occurred_at").toInstant(), null, rs.getString("actor"), rs.getString("role"),
                        rs.getString("department"), rs.getString("action"), rs.getString("subject_index"),
                        rs.getString("purpose"), rs.getString("outcome"), rs.getString("detail"), null, null))
                .list();
    }

    void remove(List<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from audit_inbox where event_id = any(:ids)").param("ids", ids.toArray(UUID[]::new)).update();
        }
    }
}
