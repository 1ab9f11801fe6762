package org.chengxin.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.chengxin.notifications.NoticeKind;
import org.chengxin.notifications.NotificationPreferences;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The preferences' table: a row per kind the person chose for; the kind's default otherwise. */
@Repository
class JdbcPreferences implements NotificationPreferences {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    JdbcPreferences(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Map<NoticeKind, Channels> of(SubjectKey subject) {
        Map<NoticeKind, Channels> choices = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            choices.put(kind, new Channels(kind.smsByDefault(), false));
        }
        jdbc.sql("select kind, sms, email from notifications_preference where subject_index = :s").param("s", subject.bytes())
                .query(rs -> {
                    choices.put(NoticeKind.valueOf(rs.getString(1)), new Channels(rs.getBoolean(2), rs.getBoolean(3)));
                });
        return choices;
    }

    Channels of(SubjectKey subject, NoticeKind kind) {
        return jdbc.sql("select sms, email from notifications_preference where subject_index = :s and kind = :k")
                .param("s", subject.bytes()).param("k", kind.name())
                .query((rs, n) -> new Channels(rs.getBoolean(1), rs.getBoolean(2))).optional()
                .orElseGet(() -> new Channels(kind.smsByDefault(), false));
    }

    @Override
    @Transactional
    public void set(SubjectKey subject, Map<NoticeKind, Channels> choices) {
        Instant now = Instant.now(clock);
        StringBuilder summary = new StringBuilder();
        choices.forEach((kind, c) -> {
            jdbc.sql("""
                            insert into notifications_preference (subject_index, kind, sms, email, updated_at) values (:s, :k, :sms, :email, :at)
                            on conflict (subject_index, kind) do update set sms = excluded.sms, email = excluded.email,
                                updated_at = excluded.updated_at""")
                    .param("s", subject.bytes()).param("k", kind.name()).param("sms", c.sms()).param("email", c.email())
                    .param("at", Timestamp.from(now)).update();
            summary.append(summary.isEmpty() ? "" : "；").append(kind.label()).append("：站内消息")
                    .append(c.sms() ? "、短信" : "").append(c.email() ? "、电子邮件" : "");
        });
        events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "notifications.preferences", subject, null, AuditOutcome.SUCCESS,
                "本人设置消息接收方式：" + summary));
    }
}
