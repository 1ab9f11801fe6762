package org.chengxin.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.chengxin.notifications.NoticeKind;
import org.chengxin.notifications.internal.JdbcInbox.Draft;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a notice is given: into the person's inbox, and into the outbox for each channel the person chose for
 * its kind (the kind's default where they chose none). Sending is the {@link Deliveries} worker's, later and outside
 * any business transaction. One statement per step whatever the number of notices, so a sweeper gives a thousand at
 * the price of one.
 */
@Service
class Notifier {

    /** The kinds that go by SMS unless the person said otherwise, as an SQL list. */
    private static final String SMS_BY_DEFAULT = Arrays.stream(NoticeKind.values()).filter(NoticeKind::smsByDefault)
            .map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));

    private final JdbcInbox inbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    Notifier(JdbcInbox inbox, JdbcClient jdbc, Clock clock) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Gives one notice; returns whether it is new (a notice from the same source is given once). */
    @Transactional
    boolean give(Draft draft, Instant at) {
        return !give(List.of(draft), at).isEmpty();
    }

    /** Gives notices; returns the ids of those that were new. */
    @Transactional
    List<Long> give(List<Draft> drafts, Instant at) {
        List<Long> added = inbox.add(drafts, at);
        if (added.isEmpty()) {
            return added;
        }
        Long[] ids = added.toArray(Long[]::new);
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.sql("""
                        insert into notifications_delivery (notice_id, subject_index, channel, status, next_attempt_at)
                        select n.id, n.subject_index, 'SMS', 'PENDING', :now from notifications_notice n
                        left join notifications_preference p on p.subject_index = n.subject_index and p.kind = n.kind
                        where n.id = any(:ids) and coalesce(p.sms, n.kind in (%s))""".formatted(SMS_BY_DEFAULT))
                .param("ids", ids).param("now", now).update();
        jdbc.sql("""
                        insert into notifications_delivery (notice_id, subject_index, channel, status, next_attempt_at)
                        select n.id, n.subject_index, 'EMAIL', 'PENDING', :now from notifications_notice n
                        join notifications_preference p on p.subject_index = n.subject_index and p.kind = n.kind
                        where n.id = any(:ids) and p.email""")
                .param("ids", ids).param("now", now).update();
        return added;
    }
}
