package org.chengxin.exchange.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the committed changes their positions in the feed, one sequencer at a time across instances (a transaction
 * advisory lock): each run numbers, after the highest position given so far, the oldest changes waiting (at most
 * {@code chengxin.exchange.sequence-batch}, 50,000, in the order they were written) and commits. A change still being
 * written is numbered by a later run, above every position a reader may already have passed, so that a cursor never skips
 * a change. A read of the feed runs one such step first; the background runs them every few seconds until nothing waits,
 * and an export until nothing waits. Bounded steps, because a baseline of the city's ten million decisions numbered in one
 * statement held the lock (and every reader) for more than ten minutes.
 */
@Component
class ChangeSequencer {

    /** The advisory lock of the sequencer ("cxsq"). */
    private static final long LOCK = 0x63787371L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final int batch;

    ChangeSequencer(JdbcClient jdbc, TransactionTemplate transactions, @Value("${chengxin.exchange.sequence-batch:50000}") int batch) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batch = batch;
    }

    /** One step: numbers at most a batch of the changes waiting for a position, in a transaction of its own; returns how many. */
    public int sequence() {
        Integer n = transactions.execute(tx -> {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", LOCK).query(Object.class).single();
            // a statement of its own after the lock: its snapshot sees every earlier run's positions
            return jdbc.sql("""
                    with top as (select coalesce(max(position), (select pruned_through from exchange_horizon)) m from exchange_change),
                         waiting as (select id, row_number() over (order by id) n
                                     from (select id from exchange_change where position is null order by id limit :batch) w)
                    update exchange_change c set position = top.m + waiting.n from waiting, top where c.id = waiting.id""")
                    .param("batch", batch).update();
        });
        return n == null ? 0 : n;
    }

    /** Steps until nothing waits (what was committed when it began, and what came meanwhile); returns how many. */
    public long sequenceAll() {
        long total = 0;
        for (int n = sequence(); n > 0; n = n < batch ? 0 : sequence()) {
            total += n;
        }
        return total;
    }

    @Scheduled(fixedDelayString = "${chengxin.exchange.sequence-interval:PT5S}", initialDelayString = "${chengxin.exchange.sequence-interval:PT5S}")
    void inTheBackground() {
        sequenceAll();
    }
}
