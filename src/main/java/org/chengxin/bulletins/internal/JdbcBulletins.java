package org.chengxin.bulletins.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.chengxin.bulletins.Bulletins;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.text.UnicodeText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The articles' table; every change audited (bulletins.save, bulletins.withdraw). */
@Service
class JdbcBulletins implements Bulletins {

    static final int MAX_TITLE = 100;
    static final int MAX_BODY = 20_000;
    static final int MAX_SOURCE = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    JdbcBulletins(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public List<Article> published(Kind kind, int page, int size) {
        return jdbc.sql("select * from bulletins_article where kind = :k and status = 'PUBLISHED' order by published_at desc, id desc"
                        + " limit :n offset :o")
                .param("k", kind.name()).param("n", size).param("o", (long) Math.max(0, page) * size).query(JdbcBulletins::map).list();
    }

    @Override
    public long countPublished(Kind kind) {
        return jdbc.sql("select count(*) from bulletins_article where kind = :k and status = 'PUBLISHED'").param("k", kind.name())
                .query(Long.class).single();
    }

    @Override
    public Optional<Article> publishedById(long id) {
        return find(id).filter(a -> a.status() == Status.PUBLISHED);
    }

    @Override
    public List<Article> all() {
        return jdbc.sql("select * from bulletins_article order by updated_at desc, id desc limit 500").query(JdbcBulletins::map).list();
    }

    @Override
    public Optional<Article> find(long id) {
        return jdbc.sql("select * from bulletins_article where id = :id").param("id", id).query(JdbcBulletins::map).optional();
    }

    @Override
    @Transactional
    public Article save(Long id, Kind kind, String title, String body, String source, boolean publish) {
        String t = title == null ? "" : title.strip();
        String b = body == null ? "" : body.strip().replace("\r\n", "\n");
        String s = source == null || source.isBlank() ? null : source.strip();
        if (kind == null) {
            throw ChengxinException.badRequest("BULLETIN_KIND_INVALID", "请选择栏目：通知公告或政策法规");
        }
        if (t.isEmpty() || UnicodeText.longerThan(t, MAX_TITLE)) {
            throw ChengxinException.badRequest("BULLETIN_TITLE_INVALID", "标题不能为空，且不超过" + MAX_TITLE + "个字");
        }
        if (b.isEmpty() || UnicodeText.longerThan(b, MAX_BODY)) {
            throw ChengxinException.badRequest("BULLETIN_BODY_INVALID", "正文不能为空，且不超过" + MAX_BODY + "个字");
        }
        if (s != null && UnicodeText.longerThan(s, MAX_SOURCE)) {
            throw ChengxinException.badRequest("BULLETIN_SOURCE_INVALID", "来源不超过" + MAX_SOURCE + "个字");
        }
        if (!Masking.maskIdShaped(t + "\n" + b + "\n" + (s == null ? "" : s)).equals(t + "\n" + b + "\n" + (s == null ? "" : s))) {
            throw ChengxinException.badRequest("BULLETIN_PERSONAL_DATA", "公开发布的内容不得包含身份证号码");
        }
        Actor who = CurrentActor.get();
        Instant now = Instant.now(clock);
        long saved;
        if (id == null) {
            saved = jdbc.sql("""
                            insert into bulletins_article (kind, title, body, source, status, published_at, updated_at, updated_by)
                            values (:k, :t, :b, :s, :status, :published, :now, :by) returning id""")
                    .param("k", kind.name()).param("t", t).param("b", b).param("s", s).param("status", publish ? "PUBLISHED" : "DRAFT")
                    .param("published", publish ? Timestamp.from(now) : null).param("now", Timestamp.from(now)).param("by", who.name())
                    .query(Long.class).single();
        } else {
            Article old = find(id).orElseThrow(() -> ChengxinException.notFound("BULLETIN_NOT_FOUND", "文章不存在"));
            boolean stays = old.status() == Status.PUBLISHED;
            jdbc.sql("""
                            update bulletins_article set kind = :k, title = :t, body = :b, source = :s, status = :status,
                                published_at = :published, updated_at = :now, updated_by = :by where id = :id""")
                    .param("k", kind.name()).param("t", t).param("b", b).param("s", s)
                    .param("status", publish || stays ? "PUBLISHED" : old.status().name())
                    .param("published", publish && !stays ? Timestamp.from(now) : old.publishedAt() == null ? null
                            : Timestamp.from(old.publishedAt()))
                    .param("now", Timestamp.from(now)).param("by", who.name()).param("id", id).update();
            saved = id;
        }
        Article article = find(saved).orElseThrow();
        events.publishEvent(AuditEvent.of(who, now, "bulletins.save", null, null, AuditOutcome.SUCCESS,
                (id == null ? "新建" : "修改") + kind.label() + " #" + saved + "《" + t + "》，状态：" + article.status().label()));
        return article;
    }

    @Override
    @Transactional
    public Article withdraw(long id) {
        Article old = find(id).orElseThrow(() -> ChengxinException.notFound("BULLETIN_NOT_FOUND", "文章不存在"));
        if (old.status() != Status.PUBLISHED) {
            throw ChengxinException.conflict("BULLETIN_NOT_PUBLISHED", "该文章未发布，无需撤回");
        }
        Actor who = CurrentActor.get();
        Instant now = Instant.now(clock);
        jdbc.sql("update bulletins_article set status = 'WITHDRAWN', updated_at = :now, updated_by = :by where id = :id")
                .param("now", Timestamp.from(now)).param("by", who.name()).param("id", id).update();
        events.publishEvent(AuditEvent.of(who, now, "bulletins.withdraw", null, null, AuditOutcome.SUCCESS,
                "撤回" + old.kind().label() + " #" + id + "《" + old.title() + "》"));
        return find(id).orElseThrow();
    }

    private static Article map(ResultSet rs, int n) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new Article(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
                rs.getString("source"), Status.valueOf(rs.getString("status")), published == null ? null : published.toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
