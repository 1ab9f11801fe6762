package org.chengxin.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.chengxin.notifications.Inbox;
import org.chengxin.notifications.NoticeKind;
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

    /** Adds messages unless one from the same source is there already; returns the ids of those added. */
    List<Long> add(List<Draft> drafts, Instant at) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        insert into notifications_notice (subject_index, kind, title, body, link, source, created_at)
                        select s, k, t, b, l, src, :at from unnest(:s, :k, :t, :b, :l, :src) as d(s, k, t, b, l, src)
                        on conflict (source) do nothing returning id""")
                .param("s", drafts.stream().map(d -> d.subject().bytes()).toArray(byte[][]::new))
                .param("k", drafts.stream().map(d -> d.kind().name()).toArray(String[]::new))
                .param("t", drafts.stream().map(Draft::title).toArray(String[]::new))
                .param("b", drafts.stream().map(Draft::body).toArray(String[]::new))
                .param("l", drafts.stream().map(Draft::link).toArray(String[]::new))
                .param("src", drafts.stream().map(Draft::source).toArray(String[]::new))
                .param("at", Timestamp.from(at)).query(Long.class).list();
    }

    /** A message to add: {@code source} names what it tells, so that telling it twice adds nothing. */
    record Draft(SubjectKey subject, NoticeKind kind, String title, String body, String link, String source) {
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
