package org.chengxin.audit.internal;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The anchors of the trail's archives (table {@code audit_archive}), oldest first. */
@Component
class ArchiveAnchors {

    private final JdbcClient jdbc;

    ArchiveAnchors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ArchiveAnchor> all() {
        return jdbc.sql("select * from audit_archive order by through_seq")
                .query((rs, n) -> new ArchiveAnchor(rs.getLong("from_seq"), rs.getLong("through_seq"), rs.getLong("entries"),
                        rs.getString("prev_hash"), rs.getString("last_hash"), rs.getString("file_name"),
                        rs.getString("file_sm3"), rs.getTimestamp("archived_at").toInstant(), rs.getString("mac")))
                .list();
    }

    /** The last archived sequence number, 0 before the first archive. */
    long archivedThrough() {
        return jdbc.sql("select coalesce(max(through_seq), 0) from audit_archive").query(Long.class).single();
    }

    void add(ArchiveAnchor a) {
        jdbc.sql("""
                insert into audit_archive (through_seq, from_seq, entries, prev_hash, last_hash, file_name, file_sm3, archived_at, mac)
                values (:through, :from, :entries, :prev, :last, :file, :sm3, :at, :mac)""")
                .param("through", a.throughSeq()).param("from", a.fromSeq()).param("entries", a.entries())
                .param("prev", a.prevHash()).param("last", a.lastHash()).param("file", a.fileName())
                .param("sm3", a.fileSm3()).param("at", Timestamp.from(a.archivedAt())).param("mac", a.mac())
                .update();
    }
}
