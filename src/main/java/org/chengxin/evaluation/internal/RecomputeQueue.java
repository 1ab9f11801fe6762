package org.chengxin.evaluation.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.chengxin.records.RecordEvents.RecordAccepted;
import org.chengxin.records.RecordEvents.RecordCorrected;
import org.chengxin.records.RecordEvents.RecordExpired;
import org.chengxin.records.RecordEvents.RecordObjected;
import org.chengxin.records.RecordEvents.RecordObjectionResolved;
import org.chengxin.records.RecordEvents.RecordRepaired;
import org.chengxin.records.RecordEvents.RecordRevoked;
import org.chengxin.records.RecordEvents.RecordSuspended;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.jdbc.TransactionBuffers;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hears the records module's events inside the transaction that changed the records and queues the
 * people concerned for recomputation, in that same transaction: no change can be lost, and a push of
 * thousands of records costs one insert per transaction, not one recomputation per record.
 */
@Component
class RecomputeQueue {

    private static final Object KEY = RecomputeQueue.class;

    private final JdbcClient jdbc;

    RecomputeQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(RecordAccepted e) {
        queue(e.subject(), e.recordId());
    }

    @EventListener
    void on(RecordCorrected e) {
        queue(e.subject(), e.recordId());
        if (e.previousSubject() != null && !e.previousSubject().equals(e.subject())) {
            queue(e.previousSubject(), e.recordId());
        }
    }

    @EventListener
    void on(RecordRevoked e) {
        queue(e.subject(), e.recordId());
    }

    @EventListener
    void on(RecordExpired e) {
        queue(e.subject(), e.recordId());
    }

    /** The record still counts, but the stored score must say the person's standing is disputed. */
    @EventListener
    void on(RecordObjected e) {
        queue(e.subject(), e.recordId());
    }

    /** The objection was not verified in time: the record no longer counts until it is decided. */
    @EventListener
    void on(RecordSuspended e) {
        queue(e.subject(), e.recordId());
    }

    @EventListener
    void on(RecordObjectionResolved e) {
        queue(e.subject(), e.recordId());
    }

    @EventListener
    void on(RecordRepaired e) {
        queue(e.subject(), e.recordId());
    }

    private void queue(SubjectKey subject, long recordId) {
        Map<SubjectKey, Long> pending = TransactionBuffers.of(KEY, LinkedHashMap::new, this::insert);
        if (pending == null) {
            insert(Map.of(subject, recordId));
            return;
        }
        pending.put(subject, recordId);
    }

    private void insert(Map<SubjectKey, Long> pending) {
        if (pending.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into evaluation_pending (subject_index, record_id)
                select s, r from unnest(:subjects, :records) as t(s, r)
                order by 1
                on conflict (subject_index) do update set record_id = excluded.record_id""")
                .param("subjects", SubjectKeys.array(pending.keySet()))
                .param("records", pending.values().toArray(Long[]::new))
                .update();
    }
}
