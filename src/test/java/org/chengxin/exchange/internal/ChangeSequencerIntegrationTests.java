package org.chengxin.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chengxin.support.ChengxinIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The sequencer numbers in bounded steps, oldest first, each step above every position given before. */
@ChengxinIntegrationTest
class ChangeSequencerIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void stepsOfAtMostTheBatchNumberTheWaitingChangesInTheOrderTheyWereWritten() {
        long marker = -System.nanoTime();
        for (int i = 0; i < 5; i++) {
            jdbc.sql("""
                    insert into exchange_change (entity, entity_id, change_kind, subject_index, occurred_at)
                    values ('LIST_ENTRY', :e, 'NEW', decode(repeat('00', 32), 'hex'), now())""").param("e", marker - i).update();
        }
        ChangeSequencer small = new ChangeSequencer(jdbc, transactions, 2);

        assertThat(small.sequence()).isBetween(0, 2);
        small.sequenceAll();

        List<Long> positions = jdbc.sql("select position from exchange_change where entity = 'LIST_ENTRY' and entity_id <= :m and entity_id > :m - 5 "
                + "order by id").param("m", marker).query(Long.class).list();
        assertThat(positions).hasSize(5).doesNotContainNull().isSorted().doesNotHaveDuplicates();
        assertThat(jdbc.sql("select count(*) from exchange_change where position is null").query(Long.class).single()).isZero();
        jdbc.sql("delete from exchange_change where entity = 'LIST_ENTRY' and entity_id <= :m and entity_id > :m - 5").param("m", marker).update();
    }
}
