package org.chengxin.exchange.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the committed changes their positions in the feed, one sequencer at a time across instances (a transaction
 * advisory lock): each run numbers the changes it sees after the highest position given so far, in the order they were
 * written. A change still being written is numbered by a later run, after every position a reader may already have
 * passed, so that a cursor never skips a change. Runs before every read of the feed and every export, and every few
 * seconds in the background.
 */
@Component
class ChangeSequencer {

    /** The advisory lock of the sequencer ("cxsq"). */
    private static final long LOCK = 0x63787371L;

    private final JdbcClient jdbc;

    ChangeSequencer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Numbers the changes waiting for a position; returns how many. */
    @Transactional
    public int sequence() {
        jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", LOCK).query(Object.class).single();
        // a statement of its own after the lock: its snapshot sees every earlier run's positions
        return jdbc.sql("""
                with top as (select coalesce(max(position), (select pruned_through from exchange_horizon)) m from exchange_change),
                     waiting as (select id, row_number() over (order by id) n from exchange_change where position is null)
                update exchange_change c set position = top.m + waiting.n from waiting, top where c.id = waiting.id""").update();
    }

    @Scheduled(fixedDelayString = "${chengxin.exchange.sequence-interval:PT5S}", initialDelayString = "${chengxin.exchange.sequence-interval:PT5S}")
    void inTheBackground() {
        sequence();
    }
}
