package org.chengxin.exchange.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.PublicDecisionType;
import org.chengxin.exchange.domain.Shared;
import org.chengxin.lists.ListEntry;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline for a platform that connects after the city has been collecting (or the city's records from before the
 * exchange, V52): a NEW change for every 双公示 decision published today and every serious-dishonesty list entry in force
 * that the feed does not hold a change of yet, in passes of {@value #PASS} (a keyset over the records, one insert per
 * pass that leaves out what the feed has): run twice, it adds nothing the second time. The changes are then delivered
 * like any other, by the feed and the next export.
 */
@Service
public class ChangeBaseline {

    static final int PASS = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Records records;
    private final SeriousDishonestyList list;
    private final Catalog catalog;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChangeBaseline(JdbcClient jdbc, Records records, SeriousDishonestyList list, Catalog catalog, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.list = list;
        this.catalog = catalog;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** How many changes the baseline added: decisions and list entries. */
    public record Added(long decisions, long entries) {
    }

    public Added run(Actor actor) {
        Map<String, Shared> items = catalog.current().allItems().stream()
                .flatMap(i -> PublicDecisionType.of(i).stream().map(t -> Map.entry(i.code(), t == PublicDecisionType.LICENCE ? Shared.LICENCE
                        : Shared.PENALTY)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Instant now = Instant.now(clock);
        long decisions = 0;
        long after = 0;
        while (true) {
            List<Records.Published> page = records.publishedAfter(Set.copyOf(items.keySet()), after, PASS);
            if (page.isEmpty()) {
                break;
            }
            decisions += transactions.execute(tx -> insert(page.stream().map(p -> items.get(p.itemCode()).name()).toArray(String[]::new),
                    page.stream().map(Records.Published::id).toArray(Long[]::new), page.stream().map(Records.Published::id).toArray(Long[]::new),
                    SubjectKeys.array(page.stream().map(Records.Published::subject).toList()), new String[page.size()], now));
            after = page.get(page.size() - 1).id();
        }
        long entries = 0;
        for (int p = 0; ; p++) {
            List<ListEntry> page = list.inForce(p, 1_000);
            if (page.isEmpty()) {
                break;
            }
            String[] facts = page.stream().map(ChangeBaseline::facts).toArray(String[]::new);
            entries += transactions.execute(tx -> insert(page.stream().map(e -> Shared.LIST_ENTRY.name()).toArray(String[]::new),
                    page.stream().map(ListEntry::id).toArray(Long[]::new), new Long[page.size()],
                    SubjectKeys.array(page.stream().map(ListEntry::subject).toList()), facts, now));
            if (page.size() < 1_000) {
                break;
            }
        }
        long d = decisions;
        long e = entries;
        transactions.executeWithoutResult(tx -> events.publishEvent(AuditEvent.of(actor, now, "exchange.baseline", null,
                "向上级信用平台交换公共信用信息", AuditOutcome.SUCCESS, "全量基线：补充双公示决定 " + d + " 条、严重失信主体名单条目 " + e + " 条的新增变更")));
        return new Added(decisions, entries);
    }

    private int insert(String[] shared, Long[] entity, Long[] record, byte[][] subjects, String[] facts, Instant at) {
        return jdbc.sql("""
                insert into exchange_change (entity, entity_id, change_kind, record_id, subject_index, facts, occurred_at)
                select e, i, 'NEW', r, s, f::jsonb, :at
                from unnest(:shared, :entity, :record, :subjects, :facts) with ordinality as t(e, i, r, s, f, n)
                where not exists (select 1 from exchange_change c where c.entity = t.e and c.entity_id = t.i)
                order by n""")
                .param("shared", shared).param("entity", entity).param("record", record).param("subjects", subjects)
                .param("facts", facts).param("at", Timestamp.from(at)).update();
    }

    private static String facts(ListEntry e) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("department", e.departmentCode().value());
        f.put("documentNumber", e.documentNumber());
        f.put("legalBasis", e.legalBasis());
        f.put("startDate", e.startDate().toString());
        f.put("endDate", e.endDate().toString());
        return JSON.writeValueAsString(f);
    }
}
