package org.chengxin.exchange.internal;

import java.time.Instant;

import org.chengxin.exchange.domain.ChangeKind;
import org.chengxin.exchange.domain.Shared;
import org.chengxin.shared.subject.SubjectKey;

/** A positioned row of {@code exchange_change}. */
record ChangeRow(long position, Shared shared, long entityId, ChangeKind kind, Long recordId, SubjectKey subject, String facts,
        Instant occurredAt) {

    static final String COLUMNS = "position, entity, entity_id, change_kind, record_id, subject_index, facts::text, occurred_at";
}
