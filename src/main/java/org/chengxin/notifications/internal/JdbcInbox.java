package org.chengxin.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.chengxin.notifications.Inbox;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The inbox's table: statements only. */
@Repository
class JdbcInbox implements Inbox {

    private final JdbcClient jdbc;

    JdbcInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a message unless one from the same source is there already; returns whether it was added. */
    boolean add(SubjectKey subject, String kind, String title, String body, String link, String source, Instant at) {
        return jdbc.sql("""
                        insert into notifications_notice (subject_index, kind, title, body, link, source, created_at)
                        values (:s, :kind, :title, :body, :link, :source, :at) on conflict (source) do nothing""")
                .param("s", subject.bytes()).param("kind", kind).param("title", title).param("body", body).param("link", link)
                .param("source", source).param("at", Timestamp.from(at)).update() == 1;
    }

    @Override
    public List<Notice> of(SubjectKey subject, int limit) {
        return jdbc.sql("""
                        select id, kind, title, body, link, created_at, read_at from notifications_notice
                        where subject_index = :s order by created_at desc, id desc limit :n""")
                .param("s", subject.bytes()).param("n", limit)
                .query((rs, n) -> new Notice(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
                        rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    @Override
    public int unread(SubjectKey subject) {
        return jdbc.sql("select count(*) from notifications_notice where subject_index = :s and read_at is null")
                .param("s", subject.bytes()).query(Integer.class).single();
    }

    @Override
    @Transactional
    public int markAllRead(SubjectKey subject, Instant at) {
        return jdbc.sql("update notifications_notice set read_at = :at where subject_index = :s and read_at is null")
                .param("s", subject.bytes()).param("at", Timestamp.from(at)).update();
    }
}
