package org.chengxin.exchange.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.PublicDecisionType;
import org.chengxin.exchange.domain.ChangeKind;
import org.chengxin.exchange.domain.Shared;
import org.chengxin.lists.ListEntryChanged;
import org.chengxin.records.RecordEvents.RecordAccepted;
import org.chengxin.records.RecordEvents.RecordCorrected;
import org.chengxin.records.RecordEvents.RecordExpired;
import org.chengxin.records.RecordEvents.RecordRepaired;
import org.chengxin.records.RecordEvents.RecordRevoked;
import org.chengxin.remedies.RemedyDecided;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.jdbc.TransactionBuffers;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hears the changes of what the city shares upstream inside the transaction that makes them, and writes them to the
 * feed ({@code exchange_change}) in that same transaction, one statement for all of a transaction's changes (a push of a
 * thousand decisions costs one insert, not a thousand): no change can be lost, and none is announced that rolled back.
 * A change gets its position later, from {@link ChangeSequencer}, once it committed.
 *
 * <p>Decisions are the records of the items the 双公示 publishes ({@link PublicDecisionType}); list entries are shared
 * when added and when they end (a notice before listing and a dropped notice are the department's procedure, not
 * shared); the answers to objections and repair applications about such decisions are shared when decided (a case
 * dismissed at screening decides nothing about the record and is not).
 */
@Component
class ChangeCapture {

    private static final Object KEY = ChangeCapture.class;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** An objection dismissed at screening (不予受理) answers nothing about the record. */
    private static final String DISMISSED = "不予受理";

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Clock clock;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    ChangeCapture(JdbcClient jdbc, Catalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** One change to write. */
    record Change(Shared shared, long entityId, ChangeKind kind, Long recordId, SubjectKey subject, String facts, Instant at) {
    }

    @EventListener
    void on(RecordAccepted e) {
        decision(e.recordId(), e.itemCode(), e.subject(), ChangeKind.NEW);
    }

    @EventListener
    void on(RecordCorrected e) {
        decision(e.recordId(), e.itemCode(), e.subject(), ChangeKind.CORRECTED);
    }

    @EventListener
    void on(RecordRevoked e) {
        decision(e.recordId(), e.itemCode(), e.subject(), ChangeKind.REVOKED);
    }

    @EventListener
    void on(RecordExpired e) {
        decision(e.recordId(), e.itemCode(), e.subject(), ChangeKind.EXPIRED);
    }

    @EventListener
    void on(RecordRepaired e) {
        decision(e.recordId(), e.itemCode(), e.subject(), ChangeKind.REPAIRED);
    }

    @EventListener
    void on(ListEntryChanged e) {
        ChangeKind kind = switch (e.change()) {
            case ADDED -> ChangeKind.NEW;
            // ended on or after its last day: its period is over; before it: removed, or its records are gone
            case ENDED -> LocalDate.ofInstant(e.at(), BEIJING).isAfter(e.endDate()) ? ChangeKind.EXPIRED : ChangeKind.REVOKED;
            case NOTICED, DROPPED -> null;
        };
        if (kind == null) {
            return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("department", e.departmentCode().value());
        facts.put("documentNumber", e.documentNumber());
        facts.put("legalBasis", e.legalBasis());
        facts.put("startDate", e.startDate().toString());
        facts.put("endDate", e.endDate().toString());
        if (e.change() == ListEntryChanged.Change.ENDED) {
            facts.put("endedOn", LocalDate.ofInstant(e.at(), BEIJING).toString());
            facts.put("reason", e.reason());
        }
        add(new Change(Shared.LIST_ENTRY, e.entryId(), kind, null, e.subject(), write(facts), e.at()));
    }

    @EventListener
    void on(RemedyDecided e) {
        if (DISMISSED.equals(e.outcome()) || typeOf(e.itemCode()) == null) {
            return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("outcome", e.outcome());
        facts.put("reasons", e.reasons());
        facts.put("late", e.late());
        facts.put("decidedAt", e.decidedAt().toString());
        Shared shared = e.kind() == RemedyDecided.Kind.OBJECTION ? Shared.OBJECTION : Shared.REPAIR;
        add(new Change(shared, e.caseId(), ChangeKind.NEW, e.recordId(), e.subject(), write(facts), e.decidedAt()));
    }

    private void decision(long recordId, String itemCode, SubjectKey subject, ChangeKind kind) {
        PublicDecisionType type = typeOf(itemCode);
        if (type != null) {
            add(new Change(type == PublicDecisionType.LICENCE ? Shared.LICENCE : Shared.PENALTY, recordId, kind, recordId, subject, null,
                    Instant.now(clock)));
        }
    }

    private PublicDecisionType typeOf(String itemCode) {
        return catalog.item(itemCode).flatMap(PublicDecisionType::of).orElse(null);
    }

    private void add(Change change) {
        List<Change> pending = TransactionBuffers.of(KEY, ArrayList::new, this::insert);
        if (pending == null) {
            insert(List.of(change));
            return;
        }
        pending.add(change);
    }

    private void insert(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        String[] shared = new String[n];
        Long[] entity = new Long[n];
        String[] kind = new String[n];
        Long[] record = new Long[n];
        String[] facts = new String[n];
        Timestamp[] at = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            Change c = changes.get(i);
            shared[i] = c.shared().name();
            entity[i] = c.entityId();
            kind[i] = c.kind().name();
            record[i] = c.recordId();
            facts[i] = c.facts();
            at[i] = Timestamp.from(c.at());
        }
        jdbc.sql("""
                insert into exchange_change (entity, entity_id, change_kind, record_id, subject_index, facts, occurred_at)
                select e, i, k, r, s, f::jsonb, a
                from unnest(:shared, :entity, :kind, :record, :subjects, :facts, :at) with ordinality as t(e, i, k, r, s, f, a, n)
                order by n""")
                .param("shared", shared).param("entity", entity).param("kind", kind).param("record", record)
                .param("subjects", SubjectKeys.array(changes.stream().map(Change::subject).toList())).param("facts", facts)
                .param("at", at).update();
    }

    private static String write(Map<String, Object> facts) {
        return JSON.writeValueAsString(facts);
    }
}
