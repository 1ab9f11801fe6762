package org.chengxin.exchange.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.chengxin.exchange.domain.ChangeKind;
import org.chengxin.exchange.domain.DeliveredChange;
import org.chengxin.exchange.domain.FeedCursor;
import org.chengxin.exchange.domain.Shared;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The change feed as an upstream platform pulls it: after its cursor, in position order, a page at a time, each page
 * logged as a delivery to that client and acknowledged by the client's next request with a cursor at or past its end
 * (a client that asks again from an older cursor is sent the same changes again: the positions never change).
 */
@Service
public class ChangeFeed {

    public static final int MAX_PAGE = 1_000;

    private final JdbcClient jdbc;
    private final ChangeSequencer sequencer;
    private final ChangeContents contents;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChangeFeed(JdbcClient jdbc, ChangeSequencer sequencer, ChangeContents contents, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.sequencer = sequencer;
        this.contents = contents;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A page of the feed: the changes, the cursor to ask with next, and whether more are waiting already. */
    public record Page(List<DeliveredChange> changes, String next, boolean more) {
    }

    public Page read(Actor client, String cursorToken, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        sequencer.sequence();
        return transactions.execute(tx -> {
            FeedCursor cursor = FeedCursor.parse(cursorToken, client.name(), horizon());
            Instant now = Instant.now(clock);
            jdbc.sql("""
                    update exchange_delivery set acknowledged_at = :now
                    where channel = 'API' and recipient = :c and to_position <= :p and acknowledged_at is null""")
                    .param("now", Timestamp.from(now)).param("c", client.name()).param("p", cursor.position()).update();
            List<ChangeRow> rows = after(cursor.position(), size + 1);
            boolean more = rows.size() > size;
            List<DeliveredChange> delivered = contents.deliver(more ? rows.subList(0, size) : rows);
            if (delivered.isEmpty()) {
                return new Page(List.of(), cursor.token(), false);
            }
            long last = delivered.get(delivered.size() - 1).position();
            int withdrawn = (int) delivered.stream().filter(DeliveredChange::withdrawn).count();
            jdbc.sql("""
                    insert into exchange_delivery (channel, recipient, from_position, to_position, changes, withdrawn, delivered_at)
                    values ('API', :c, :from, :to, :n, :w, :at)""")
                    .param("c", client.name()).param("from", cursor.position()).param("to", last).param("n", delivered.size())
                    .param("w", withdrawn).param("at", Timestamp.from(now)).update();
            events.publishEvent(AuditEvent.of(client, now, "exchange.feed", null, "向上级信用平台交换公共信用信息", AuditOutcome.SUCCESS,
                    "交付变更 " + delivered.size() + " 条（第 " + (cursor.position() + 1) + " 至 " + last + " 号，其中撤回 " + withdrawn + " 条）"));
            return new Page(delivered, new FeedCursor(client.name(), last).token(), more);
        });
    }

    /** The highest position pruned from the feed (0 while nothing was). */
    long horizon() {
        return jdbc.sql("select pruned_through from exchange_horizon").query(Long.class).single();
    }

    /** The highest position given so far (the horizon while the feed is empty). */
    long head() {
        return jdbc.sql("select coalesce(max(position), (select pruned_through from exchange_horizon)) from exchange_change")
                .query(Long.class).single();
    }

    List<ChangeRow> after(long position, int limit) {
        return between(position, Long.MAX_VALUE, limit);
    }

    /** The changes in (from, to], at most {@code limit}, in position order. */
    List<ChangeRow> between(long from, long to, int limit) {
        return jdbc.sql("select " + ChangeRow.COLUMNS + " from exchange_change where position > :p and position <= :to order by position limit :n")
                .param("p", from).param("to", to).param("n", limit)
                .query((rs, i) -> new ChangeRow(rs.getLong(1), Shared.valueOf(rs.getString(2)), rs.getLong(3),
                        ChangeKind.valueOf(rs.getString(4)), (Long) rs.getObject(5), SubjectKeys.read(rs, 6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }
}
