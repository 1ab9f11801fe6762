package org.chengxin.records.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.chengxin.records.CreditRecord;
import org.chengxin.records.GoodCreditFilter;
import org.chengxin.records.HolderFilter;
import org.chengxin.records.NewRecord;
import org.chengxin.records.PublicDecisionQuery;
import org.chengxin.records.RecordFilter;
import org.chengxin.records.RecordListRow;
import org.chengxin.records.RecordStatus;
import org.chengxin.records.Records;
import org.chengxin.records.RecordVersion;
import org.chengxin.records.domain.RecordLifecycle;
import org.chengxin.records.domain.StatusChange;
import org.chengxin.shared.jdbc.PgCopy;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The records' tables: statements and row mapping. What a change may do is decided by {@link RecordKeeping}. */
@Component
class JdbcRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String STAGE = "records_stage";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private final ListCounts counts;

    JdbcRecords(JdbcClient jdbc, DataSource dataSource, Clock clock, ListCounts counts) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
        this.counts = counts;
    }

    /** A record stored by a push: new (version 1) or corrected; a correction may have changed the person. */
    record StoredRow(long id, int version, SubjectKey subject, SubjectKey previousSubject, String itemCode,
            DepartmentCode departmentCode, String sourceId) {
    }

    /** What one chunk's statements did: the rows stored, and the source ids of revoked records left as they were. */
    record Stored(List<StoredRow> rows, Set<String> revokedSourceIds) {
    }

    /**
     * Stores a chunk in a few set-based statements, not one aggregate at a time: a push of a million
     * records would otherwise pay a round trip per record. The statuses the statements give are
     * {@link RecordLifecycle#accept} and {@link RecordLifecycle#correct} written in SQL (new: active or
     * already expired; corrected: the status stays, an expired one whose new period is not over is active
     * again, a revoked one is left alone); RecordLifecycleIntegrationTests checks that the two agree.
     */
    Stored store(List<NewRecord> records, Long batchId) {
        Instant at = Instant.now(clock);
        Stored fresh = storeNew(records, batchId, at);
        return fresh != null ? fresh : storeStaged(records, batchId, at);
    }

    /**
     * The usual chunk of a push: none of its source ids is known yet. Its records go straight into the table
     * with COPY (ids taken from the table's sequence first), as {@link RecordLifecycle#accept} has them: version
     * 1, active or already expired. One probe of the unique index tells; the staging table, its statistics, the
     * versions kept and the revoked records looked up cost nothing then. A record of the chunk stored meanwhile by
     * another push (the COPY meets its key) rolls the COPY back to its savepoint, and the chunk takes the staged way.
     * Returns null when the chunk must take the staged way.
     */
    private Stored storeNew(List<NewRecord> records, Long batchId, Instant at) {
        String[] departments = new String[records.size()];
        String[] sources = new String[records.size()];
        for (int i = 0; i < records.size(); i++) {
            departments[i] = records.get(i).departmentCode().value();
            sources[i] = records.get(i).sourceId();
        }
        // a lateral probe per row: the planner cannot choose to hash the whole table for a chunk
        boolean known = jdbc.sql("""
                select exists (select 1 from unnest(cast(:departments as text[]), cast(:sources as text[])) as t(d, s)
                    cross join lateral (select 1 from records_record r where r.department_code = t.d and r.source_id = t.s
                        limit 1) r)""")
                .param("departments", departments).param("sources", sources)
                .query(Boolean.class).single();
        if (known) {
            return null;
        }
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('records_record', 'id')) from generate_series(1, :n)")
                .param("n", records.size()).query(Long.class).list();
        LocalDate today = LocalDate.now(clock);
        List<Object[]> rows = new ArrayList<>(records.size());
        List<StoredRow> stored = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            NewRecord r = records.get(i);
            long id = ids.get(i);
            LocalDate expiresOn = r.item().expiryDate(r.decisionDate());
            rows.add(new Object[] {id, r.subject().bytes(), r.subjectId(), r.item().code(), r.catalogVersionId(),
                r.departmentCode().value(), r.sourceId(), r.decisionDate(), r.documentNumber(), JSON.writeValueAsString(r.content()),
                ContentHash.of(r), r.item().kind().name(), r.item().severity() == null ? null : r.item().severity().name(),
                r.item().scope().name(), r.item().minimumPeriodEnd(r.decisionDate()), expiresOn,
                expiresOn.isAfter(today) ? "ACTIVE" : "EXPIRED", 1, batchId, at, at, r.repairNotice(), r.subjectMinor()});
            stored.add(new StoredRow(id, 1, r.subject(), null, r.item().code(), r.departmentCode(), r.sourceId()));
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                PgCopy.copy(connection, """
                        records_record (id, subject_index, subject_id, item_code, catalog_version_id, department_code, source_id,
                            decision_date, document_number, content, content_hash, kind, severity, scope, min_period_end, expires_on,
                            status, version, batch_id, accepted_at, updated_at, repair_notice, subject_minor)""", rows);
            } catch (IllegalStateException e) {
                if (!PgCopy.isUniqueViolation(e)) {
                    throw e;
                }
                connection.rollback(savepoint);
                return null;
            }
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new IllegalStateException("记录入库失败", e);
        }
        return new Stored(stored, Set.of());
    }

    private Stored storeStaged(List<NewRecord> records, Long batchId, Instant at) {
        LocalDate today = LocalDate.now(clock);
        Timestamp now = Timestamp.from(at);
        jdbc.sql("""
                create temp table if not exists records_stage (
                    subject_index bytea, subject_id bigint, item_code text, catalog_version_id bigint,
                    department_code text, source_id text, decision_date date, document_number text, content jsonb,
                    content_hash text, kind text, severity text, scope text, min_period_end date, expires_on date,
                    repair_notice boolean, subject_minor boolean
                ) on commit delete rows""").update();
        // one transaction may store several chunks (an atomic batch): start each from an empty stage
        jdbc.sql("truncate records_stage").update();
        List<Object[]> rows = new ArrayList<>(records.size());
        for (NewRecord r : records) {
            rows.add(new Object[] {r.subject().bytes(), r.subjectId(), r.item().code(), r.catalogVersionId(), r.departmentCode().value(),
                r.sourceId(), r.decisionDate(), r.documentNumber(), JSON.writeValueAsString(r.content()), ContentHash.of(r),
                r.item().kind().name(), r.item().severity() == null ? null : r.item().severity().name(), r.item().scope().name(),
                r.item().minimumPeriodEnd(r.decisionDate()), r.item().expiryDate(r.decisionDate()), r.repairNotice(), r.subjectMinor()});
        }
        PgCopy.copy(DataSourceUtils.getConnection(dataSource), STAGE, rows);
        // without statistics the planner would join the stage to the whole records table by a scan
        jdbc.sql("analyze records_stage").update();
        // a correction keeps the version it replaces; the current version lives in records_record
        Map<Long, SubjectKey> previousSubjects = new HashMap<>();
        // one department's chunk looks to the planner like "most of the table": without this it hashes the
        // whole records table for every chunk (measured: 324 ms against 14 ms at a million records)
        jdbc.sql("set local enable_hashjoin = off").update();
        jdbc.sql("set local enable_mergejoin = off").update();
        jdbc.sql("""
                insert into records_record_version (record_id, version, subject_index, item_code, decision_date,
                    document_number, content, content_hash, batch_id, recorded_at)
                select r.id, r.version, r.subject_index, r.item_code, r.decision_date, r.document_number, r.content,
                    r.content_hash, r.batch_id, r.updated_at
                from records_stage s join records_record r on r.department_code = s.department_code and r.source_id = s.source_id
                where r.content_hash <> s.content_hash and r.status <> 'REVOKED'
                returning record_id, subject_index""")
                .query(rs -> {
                    previousSubjects.put(rs.getLong(1), SubjectKeys.read(rs, 2));
                });
        jdbc.sql("set local enable_hashjoin to default").update();
        jdbc.sql("set local enable_mergejoin to default").update();
        List<StoredRow> stored = jdbc.sql("""
                with upsert as (
                    insert into records_record (subject_index, subject_id, item_code, catalog_version_id, department_code,
                        source_id, decision_date, document_number, content, content_hash, kind, severity, scope,
                        min_period_end, expires_on, status, version, batch_id, accepted_at, updated_at, repair_notice,
                        subject_minor)
                    select subject_index, subject_id, item_code, catalog_version_id, department_code,
                        source_id, decision_date, document_number, content, content_hash, kind, severity, scope,
                        min_period_end, expires_on, case when expires_on <= :today then 'EXPIRED' else 'ACTIVE' end, 1,
                        :batch, :now, :now, repair_notice, subject_minor
                    from records_stage
                    on conflict (department_code, source_id) do update set
                        subject_index = excluded.subject_index, subject_id = excluded.subject_id,
                        item_code = excluded.item_code, catalog_version_id = excluded.catalog_version_id,
                        decision_date = excluded.decision_date, document_number = excluded.document_number,
                        content = excluded.content, content_hash = excluded.content_hash, kind = excluded.kind,
                        severity = excluded.severity, scope = excluded.scope, min_period_end = excluded.min_period_end,
                        expires_on = excluded.expires_on, version = records_record.version + 1,
                        batch_id = excluded.batch_id, updated_at = excluded.updated_at,
                        repair_notice = records_record.repair_notice or excluded.repair_notice,
                        subject_minor = excluded.subject_minor,
                        status = case when excluded.expires_on <= :today then 'EXPIRED'
                                      when records_record.status = 'EXPIRED' then 'ACTIVE'
                                      else records_record.status end
                    where records_record.content_hash <> excluded.content_hash and records_record.status <> 'REVOKED'
                    returning id, version, subject_index, item_code, department_code, source_id
                )
                select id, version, subject_index, item_code, department_code, source_id from upsert""")
                .param("today", today).param("batch", batchId).param("now", now)
                .query((rs, n) -> new StoredRow(rs.getLong(1), rs.getInt(2), SubjectKeys.read(rs, 3), previousSubjects.get(rs.getLong(1)),
                        rs.getString(4), DepartmentCode.of(rs.getString(5)), rs.getString(6)))
                .list();
        Set<String> revoked = new HashSet<>(jdbc.sql("""
                select s.source_id from records_stage s where exists (select 1 from records_record r
                    where r.department_code = s.department_code and r.source_id = s.source_id
                      and r.status = 'REVOKED')""").query(String.class).list());
        return new Stored(stored, revoked);
    }

    Optional<CreditRecord> find(long id) {
        return jdbc.sql(SELECT + " where id = :id and status <> 'EXPIRED' and expires_on > :today")
                .param("id", id).param("today", LocalDate.now(clock)).query(this::map).optional();
    }

    List<CreditRecord> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where id = any(:ids)").param("ids", ids.toArray(Long[]::new)).query(this::map).list();
    }

    Optional<CreditRecord> findOfDepartment(long id, DepartmentCode departmentCode) {
        return jdbc.sql(SELECT + " where id = :id and department_code = :d").param("id", id).param("d", departmentCode.value())
                .query(this::map).optional();
    }

    List<CreditRecord> inForceFor(SubjectKey subject) {
        return jdbc.sql(SELECT + " where subject_index = :s and status in ('ACTIVE', 'OBJECTED', 'SUSPENDED')"
                + " and expires_on > :today order by decision_date desc, id")
                .param("s", subject.bytes()).param("today", LocalDate.now(clock)).query(this::map).list();
    }

    /**
     * Inside a read-only transaction a person's records are read once: a caller that combines several
     * modules' views of one person (the credit status: the standing, then the records in force) reads
     * them twice otherwise. Nothing can change them within that transaction, so the first answer is
     * also the right second one; elsewhere every call reads.
     */
    List<CreditRecord> allFor(SubjectKey subject) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return readAllFor(subject);
        }
        @SuppressWarnings("unchecked")
        Map<SubjectKey, List<CreditRecord>> read = (Map<SubjectKey, List<CreditRecord>>) TransactionSynchronizationManager.getResource(READ_IN_TRANSACTION);
        if (read == null) {
            Map<SubjectKey, List<CreditRecord>> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(READ_IN_TRANSACTION, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(READ_IN_TRANSACTION);
                }
            });
            read = fresh;
        }
        return read.computeIfAbsent(subject, s -> Collections.unmodifiableList(readAllFor(s)));
    }

    private static final Object READ_IN_TRANSACTION = new Object();

    private List<CreditRecord> readAllFor(SubjectKey subject) {
        return jdbc.sql(SELECT + " where subject_index = :s order by decision_date, id")
                .param("s", subject.bytes()).query(this::map).list();
    }

    List<Records.ItemMonth> acceptedPerItemAndMonth(LocalDate since) {
        return jdbc.sql("""
                        select item_code, extract(year from d)::int, extract(month from d)::int, count(*)
                        from (select item_code, (accepted_at at time zone 'Asia/Shanghai')::date as d from records_record
                              where accepted_at >= :since) r
                        group by 1, 2, 3 order by 2, 3, 1""")
                .param("since", Timestamp.from(since.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()))
                .query((rs, n) -> new Records.ItemMonth(rs.getString(1), YearMonth.of(rs.getInt(2), rs.getInt(3)), rs.getLong(4))).list();
    }

    /** One grouped count over the department index's range of acceptance. */
    List<Records.AcceptedCount> acceptedBetween(LocalDate from, LocalDate to) {
        ZoneId city = ZoneId.of("Asia/Shanghai");
        return jdbc.sql("""
                        select department_code, item_code, decision_date, (accepted_at at time zone 'Asia/Shanghai')::date, count(*)
                        from records_record where accepted_at >= :from and accepted_at < :to
                        group by 1, 2, 3, 4""")
                .param("from", Timestamp.from(from.atStartOfDay(city).toInstant()))
                .param("to", Timestamp.from(to.atStartOfDay(city).toInstant()))
                .query((rs, n) -> new Records.AcceptedCount(DepartmentCode.of(rs.getString(1)), rs.getString(2),
                        rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), rs.getLong(5)))
                .list();
    }

    Map<String, Long> inForceByKind() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select kind, count(*) from records_record where status in ('ACTIVE', 'OBJECTED') and expires_on > :today group by kind")
                .param("today", LocalDate.now(clock)).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** In id order, up to the first that is not older than {@code before}: a later sweep starts there, nothing is skipped. */
    List<CreditRecord> dishonestyAcceptedAfter(long afterId, Instant before, int limit) {
        List<CreditRecord> found = jdbc.sql(SELECT + " where id > :after and kind = 'DISHONESTY' and version = 1"
                        + " and status in ('ACTIVE', 'OBJECTED') and expires_on > :today order by id limit :n")
                .param("after", afterId).param("today", LocalDate.now(clock)).param("n", limit)
                .query(this::map).list();
        return found.stream().takeWhile(r -> r.acceptedAt().isBefore(before)).toList();
    }

    List<CreditRecord> inForceOfDepartment(DepartmentCode departmentCode, String severity, int limit) {
        return jdbc.sql(SELECT + " where department_code = :d and severity = :s and status in ('ACTIVE', 'OBJECTED')"
                        + " and expires_on > :today order by decision_date desc limit :n")
                .param("d", departmentCode.value()).param("s", severity).param("today", LocalDate.now(clock)).param("n", limit)
                .query(this::map).list();
    }

    // kind as a literal, not a parameter: a generic plan could not use the partial indexes (V7__good_credit.sql)
    private static final String GOOD_CREDIT_IN_FORCE = " where kind = 'GOOD_CREDIT' and status in ('ACTIVE', 'OBJECTED') and expires_on > :today";

    List<CreditRecord> goodCreditInForce(String itemCode, int page, int size) {
        // two statements rather than "(:item is null or item_code = :item)", which a generic plan cannot index either
        var statement = jdbc.sql(SELECT + GOOD_CREDIT_IN_FORCE + (itemCode == null ? "" : " and item_code = :item")
                        + " order by decision_date desc, id desc limit :size offset :offset")
                .param("today", LocalDate.now(clock)).param("size", size).param("offset", (long) page * size);
        return (itemCode == null ? statement : statement.param("item", itemCode)).query(this::map).list();
    }

    Map<String, Long> goodCreditInForceByItem() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select item_code, count(*) from records_record" + GOOD_CREDIT_IN_FORCE + " group by item_code")
                .param("today", LocalDate.now(clock))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** The columns the good-credit list may be sorted by (Records.GOOD_CREDIT_SORT). */
    PageResult<CreditRecord> goodCreditList(GoodCreditFilter filter, PageRequest page) {
        if (filter.subjects() != null && filter.subjects().isEmpty()) {
            return new PageResult<>(List.of(), 0, page);
        }
        Map<String, Object> params = new HashMap<>();
        String where = goodCreditWhere(filter, params);
        long total = jdbc.sql("select count(*) from records_record" + where).params(params).query(Long.class).single();
        return goodCreditPage(where, params, page, total);
    }

    PageResult<CreditRecord> goodCreditList(GoodCreditFilter filter, PageRequest page, long total) {
        if (filter.subjects() != null && filter.subjects().isEmpty()) {
            return new PageResult<>(List.of(), 0, page);
        }
        Map<String, Object> params = new HashMap<>();
        return goodCreditPage(goodCreditWhere(filter, params), params, page, total);
    }

    private PageResult<CreditRecord> goodCreditPage(String where, Map<String, Object> params, PageRequest page, long total) {
        if (total <= page.offset()) {
            return new PageResult<>(List.of(), total, page);
        }
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<CreditRecord> rows = jdbc.sql(SELECT + where + " order by " + page.orderBy(Records.GOOD_CREDIT_SORT, "id")
                + " limit :limit offset :offset").params(params).query(this::map).list();
        return new PageResult<>(rows, total, page);
    }

    /** Every good-credit record the filter matches through a server-side cursor (the caller holds a read-only transaction). */
    long eachGoodCredit(GoodCreditFilter filter, PageRequest order, Consumer<CreditRecord> each) {
        if (filter.subjects() != null && filter.subjects().isEmpty()) {
            return 0;
        }
        Map<String, Object> params = new HashMap<>();
        String sql = SELECT + goodCreditWhere(filter, params) + " order by " + order.orderBy(Records.GOOD_CREDIT_SORT, "id");
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(EXPORT_FETCH_SIZE);
        long[] n = {0};
        new NamedParameterJdbcTemplate(template).query(sql, params, rs -> {
            each.accept(map(rs, 0));
            n[0]++;
        });
        return n[0];
    }

    private String goodCreditWhere(GoodCreditFilter filter, Map<String, Object> params) {
        // kind as a literal, as the partial indexes have it (V7__good_credit.sql)
        StringBuilder sql = new StringBuilder(" where kind = 'GOOD_CREDIT'");
        if (filter.standing() == GoodCreditFilter.Standing.IN_FORCE) {
            sql.append(" and status in ('ACTIVE', 'OBJECTED') and expires_on > :today");
            params.put("today", LocalDate.now(clock));
        } else if (filter.standing() == GoodCreditFilter.Standing.ENDED) {
            sql.append(" and (status not in ('ACTIVE', 'OBJECTED') or expires_on <= :today)");
            params.put("today", LocalDate.now(clock));
        }
        if (filter.subjects() != null) {
            sql.append(" and subject_index = any(:subjects)");
            params.put("subjects", SubjectKeys.array(filter.subjects()));
        }
        if (filter.itemCode() != null) {
            sql.append(" and item_code = :item");
            params.put("item", filter.itemCode());
        }
        if (filter.department() != null) {
            sql.append(" and department_code = :d");
            params.put("d", filter.department().value());
        }
        if (filter.from() != null) {
            sql.append(" and decision_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and decision_date <= :to");
            params.put("to", filter.to());
        }
        return sql.toString();
    }

    // scope and kinds as literals, as the partial index has them (V26__public_portal.sql); minor records are never
    // public (Order 36), whatever their item says
    private static final String PUBLISHED = " where scope = 'PUBLIC' and kind in ('BASIC', 'DISHONESTY')"
            + " and coalesce(severity, '') <> 'MINOR' and status in ('ACTIVE', 'OBJECTED', 'SUSPENDED') and subject_minor is false"
            + " and expires_on > :today and decision_date <= :today and item_code in (:items)";

    List<CreditRecord> publicDecisions(PublicDecisionQuery query, int page, int size) {
        return publicStatement(SELECT, query, " order by decision_date desc, id desc limit :size offset :offset")
                .param("size", size).param("offset", (long) page * size).query(this::map).list();
    }

    long countPublicDecisions(PublicDecisionQuery query, long atMost) {
        // the count stops at atMost rows: measured on the city's 20,000,000 records, counting all 2.2 million published
        // decisions took 2.4 to 6.5 s (parallel scans of the whole table, stalling every other request meanwhile)
        return publicStatement("select count(*) from (select 1 from records_record", query, " limit :atMost) t")
                .param("atMost", atMost).query(Long.class).single();
    }

    List<Records.Published> publishedAfter(Set<String> itemCodes, long afterId, int limit) {
        if (itemCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, subject_index, item_code from records_record" + PUBLISHED + " and id > :after order by id limit :n")
                .param("today", LocalDate.now(clock)).param("items", List.copyOf(itemCodes)).param("after", afterId).param("n", limit)
                .query((rs, i) -> new Records.Published(rs.getLong(1), SubjectKeys.read(rs, 2), rs.getString(3))).list();
    }

    Map<DepartmentCode, Long> publicDecisionsByDepartment(Set<String> itemCodes) {
        Map<DepartmentCode, Long> counts = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        jdbc.sql("select department_code, count(*) from records_record" + PUBLISHED + " group by department_code")
                .param("today", LocalDate.now(clock)).param("items", List.copyOf(itemCodes))
                .query(rs -> {
                    counts.put(DepartmentCode.of(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    private JdbcClient.StatementSpec publicStatement(String select, PublicDecisionQuery query, String tail) {
        StringBuilder sql = new StringBuilder(select).append(PUBLISHED);
        Map<String, Object> params = new HashMap<>();
        params.put("today", LocalDate.now(clock));
        params.put("items", List.copyOf(query.itemCodes()));
        if (query.documentNumber() != null) {
            // a LIKE with the pattern escaped, so that the trigram index (V33, records_record_document_trgm) finds a part of a number among millions
            sql.append(" and document_number like :doc escape '\\'");
            params.put("doc", "%" + query.documentNumber().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (!query.departmentCodes().isEmpty()) {
            sql.append(" and department_code in (:depts)");
            params.put("depts", query.departmentCodes().stream().map(DepartmentCode::value).toList());
        }
        if (query.decidedFrom() != null) {
            sql.append(" and decision_date >= :from");
            params.put("from", query.decidedFrom());
        }
        if (query.decidedTo() != null) {
            sql.append(" and decision_date <= :to");
            params.put("to", query.decidedTo());
        }
        return jdbc.sql(sql.append(tail).toString()).params(params);
    }

    Optional<CreditRecord> findBySource(DepartmentCode departmentCode, String sourceId) {
        return jdbc.sql(SELECT + " where department_code = :d and source_id = :s").param("d", departmentCode.value())
                .param("s", sourceId).query(this::map).optional();
    }

    List<CreditRecord> ofDepartment(DepartmentCode departmentCode, int page, int size) {
        return jdbc.sql(SELECT + " where department_code = :d order by accepted_at desc, id desc limit :size offset :offset")
                .param("d", departmentCode.value()).param("size", size).param("offset", (long) page * size).query(this::map).list();
    }

    long countOfDepartment(DepartmentCode departmentCode) {
        return jdbc.sql("select count(*) from records_record where department_code = :d").param("d", departmentCode.value())
                .query(Long.class).single();
    }

    private static final String LIST_COLUMNS = "id, subject_id, item_code, decision_date, document_number, source_id, version,"
            + " status, expires_on, accepted_at";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int EXPORT_FETCH_SIZE = 1000;

    /** One page of a department's records as filtered (indexes of V33 and V3; docs in the migration). */
    PageResult<RecordListRow> listOfDepartment(RecordFilter filter, PageRequest page) {
        if (filter.subjects() != null && filter.subjects().isEmpty()) {
            return new PageResult<>(List.of(), 0, page);
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        long total = counts.count(filter.department().value(), where + countKey(params),
                () -> jdbc.sql("select count(*) from records_record" + where).params(params).query(Long.class).single());
        if (total <= page.offset()) {
            return new PageResult<>(List.of(), total, page);
        }
        params.put("limit", page.size());
        params.put("offset", page.offset());
        // the page's ids first, then its rows: the ids (and the columns filtered and sorted on) are read off an index
        // alone where one holds them all, so the rows skipped before the page are never read from the table (a page
        // deep in a department's million records, or an item's records by decision date: V48)
        String order = page.orderBy(Records.LIST_SORT, "id");
        // an item's records by decision date: sorted off the item's index (V48) rather than walked in decision order
        // over the whole department, filtering the item row by row: the planner takes the item's rows as spread evenly
        // over the dates, and on the city's data (an item's decisions all in its last year) the walk read most of a
        // department's 1.5 million records, 7.6 s a page; sorted, 0.5 s (47,000 index entries)
        String inner = filter.itemCode() == null ? order : order.replace("decision_date", "(decision_date + 0)");
        List<RecordListRow> rows = jdbc.sql("select " + LIST_COLUMNS + " from records_record where id = any(array(select id from records_record"
                + where + " order by " + inner + " limit :limit offset :offset)) order by " + order).params(params)
                .query(this::listRow).list();
        return new PageResult<>(rows, total, page);
    }

    /**
     * Every matching row through a server-side cursor ({@value #EXPORT_FETCH_SIZE} rows a round trip): PgJDBC only
     * fetches in portions inside a transaction, which the caller holds (read-only).
     */
    long eachOfDepartment(RecordFilter filter, PageRequest order, Consumer<RecordListRow> each) {
        if (filter.subjects() != null && filter.subjects().isEmpty()) {
            return 0;
        }
        Map<String, Object> params = new HashMap<>();
        String sql = "select " + LIST_COLUMNS + " from records_record" + where(filter, params) + " order by "
                + order.orderBy(Records.LIST_SORT, "id");
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(EXPORT_FETCH_SIZE);
        long[] n = {0};
        new NamedParameterJdbcTemplate(template).query(sql, params, rs -> {
            each.accept(listRow(rs, 0));
            n[0]++;
        });
        return n[0];
    }

    private String where(RecordFilter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where department_code = :d");
        params.put("d", filter.department().value());
        if (filter.subjects() != null) {
            sql.append(" and subject_index = any(:subjects)");
            params.put("subjects", SubjectKeys.array(filter.subjects()));
        }
        if (filter.itemCode() != null) {
            sql.append(" and item_code = :item");
            params.put("item", filter.itemCode());
        }
        if (filter.status() != null) {
            params.put("today", LocalDate.now(clock));
            RecordStatus status = filter.status();
            if (status == RecordStatus.EXPIRED) {
                // as shown: marked expired, or shown but past its period and not yet marked by the nightly job
                sql.append(" and (status = 'EXPIRED' or (status in ('ACTIVE', 'OBJECTED', 'SUSPENDED') and expires_on <= :today))");
            } else if (status.shown()) {
                sql.append(" and status = :status and expires_on > :today");
                params.put("status", status.name());
            } else {
                sql.append(" and status = :status");
                params.put("status", status.name());
            }
        }
        if (filter.from() != null || filter.to() != null) {
            if (filter.dateField() == RecordFilter.DateField.ACCEPTED) {
                if (filter.from() != null) {
                    sql.append(" and accepted_at >= :from");
                    params.put("from", Timestamp.from(filter.from().atStartOfDay(BEIJING).toInstant()));
                }
                if (filter.to() != null) {
                    sql.append(" and accepted_at < :to");
                    params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(BEIJING).toInstant()));
                }
            } else {
                if (filter.from() != null) {
                    sql.append(" and decision_date >= :from");
                    params.put("from", filter.from());
                }
                if (filter.to() != null) {
                    sql.append(" and decision_date <= :to");
                    params.put("to", filter.to());
                }
            }
        }
        if (filter.documentNumber() != null) {
            sql.append(" and document_number like :doc escape '\\'");
            params.put("doc", "%" + filter.documentNumber().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return sql.toString();
    }

    /** The parameters as text, in a stable order, for the totals kept (a subject array as its keys' hex). */
    private static String countKey(Map<String, Object> params) {
        StringBuilder key = new StringBuilder();
        new TreeMap<>(params).forEach((k, v) -> {
            key.append('|').append(k).append('=');
            if (v instanceof byte[][] keys) {
                for (byte[] b : keys) {
                    key.append(SubjectKey.of(b).hex()).append(',');
                }
            } else {
                key.append(v);
            }
        });
        return key.toString();
    }

    /** Drops the kept totals of departments whose records changed. */
    void forgetCounts(String department) {
        counts.forget(department);
    }

    private RecordListRow listRow(ResultSet rs, int row) throws SQLException {
        LocalDate expiresOn = rs.getObject("expires_on", LocalDate.class);
        RecordStatus status = RecordStatus.valueOf(rs.getString("status"));
        if (status.shown() && !expiresOn.isAfter(LocalDate.now(clock))) {
            status = RecordStatus.EXPIRED;
        }
        return new RecordListRow(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("item_code"),
                rs.getObject("decision_date", LocalDate.class), rs.getString("document_number"), rs.getString("source_id"),
                rs.getInt("version"), status, expiresOn, rs.getTimestamp("accepted_at").toInstant());
    }

    /** Every version: the replaced ones kept in records_record_version, and the current one. */
    List<RecordVersion> versionsOf(long recordId) {
        return jdbc.sql("""
                select record_id, version, decision_date, document_number, content, batch_id, recorded_at
                from records_record_version where record_id = :id
                union all
                select id, version, decision_date, document_number, content, batch_id, updated_at
                from records_record where id = :id
                order by version""").param("id", recordId)
                .query((rs, n) -> new RecordVersion(rs.getLong("record_id"), rs.getInt("version"),
                        rs.getObject("decision_date", LocalDate.class), rs.getString("document_number"),
                        JSON.readValue(rs.getString("content"), MAP), (Long) rs.getObject("batch_id"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** The current row, read again after a change. */
    CreditRecord get(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).single();
    }

    /** A record of the department, its row locked until the transaction ends. */
    Optional<CreditRecord> lockOfDepartment(long id, DepartmentCode departmentCode) {
        return jdbc.sql(SELECT + " where id = :id and department_code = :d for update")
                .param("id", id).param("d", departmentCode.value()).query(this::map).optional();
    }

    /** A record of any department, its row locked until the transaction ends. */
    Optional<CreditRecord> lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(this::map).optional();
    }

    Optional<Long> idBySource(DepartmentCode departmentCode, String sourceId) {
        return jdbc.sql("select id from records_record where department_code = :d and source_id = :s")
                .param("d", departmentCode.value()).param("s", sourceId).query(Long.class).optional();
    }

    /**
     * Replaces a record's content by a corrected one, keeping the version it replaces; the status is
     * left to {@link #changeStatus}.
     */
    void correct(CreditRecord record, Map<String, String> content, Instant when) {
        Timestamp now = Timestamp.from(when);
        jdbc.sql("""
                insert into records_record_version (record_id, version, subject_index, item_code, decision_date,
                    document_number, content, content_hash, batch_id, recorded_at)
                select id, version, subject_index, item_code, decision_date, document_number, content, content_hash,
                    batch_id, updated_at
                from records_record where id = :id""").param("id", record.id()).update();
        jdbc.sql("""
                update records_record set content = cast(:content as jsonb), content_hash = :hash, version = version + 1,
                    batch_id = null, updated_at = :now
                where id = :id""")
                .param("content", JSON.writeValueAsString(content))
                .param("hash", ContentHash.of(record.subject(), record.itemCode(), record.decisionDate(),
                        record.documentNumber(), content))
                .param("now", now).param("id", record.id()).update();
    }

    /** Sets the record's status and keeps the change in its status history. */
    void changeStatus(long recordId, StatusChange change, Instant when) {
        jdbc.sql("update records_record set status = :to, updated_at = :now where id = :id")
                .param("to", change.to().name()).param("now", Timestamp.from(when)).param("id", recordId).update();
        keepStatusChange(recordId, change, when);
    }

    void keepStatusChange(long recordId, StatusChange change, Instant when) {
        jdbc.sql("""
                insert into records_status_change (record_id, subject_index, from_status, to_status, reason, actor, changed_at)
                select id, subject_index, :from, :to, :reason, :actor, :at from records_record where id = :id""")
                .param("id", recordId).param("from", change.from().name()).param("to", change.to().name())
                .param("reason", change.reason()).param("actor", CurrentActor.get().name()).param("at", Timestamp.from(when))
                .update();
    }

    /** A record the expiry statement marked, as it stood before. */
    record Expired(long id, SubjectKey subject, String itemCode, RecordLifecycle before) {
    }

    /**
     * Marks expired, in one statement, every record in one of the {@code statuses} whose day has come. One
     * statement rather than one aggregate at a time: the rule is the same for every such record (the
     * caller passes {@link RecordLifecycle#EXPIRABLE}) and the nightly job may meet many thousands.
     */
    List<Expired> markExpired(Set<RecordStatus> statuses, LocalDate today, Instant now) {
        return jdbc.sql("""
                with due as (
                    select id, status from records_record
                    where status in (:statuses) and expires_on <= :today for update
                )
                update records_record r set status = 'EXPIRED', updated_at = :now from due where r.id = due.id
                returning r.id, r.subject_index, r.item_code, due.status, r.version, r.expires_on""")
                .param("statuses", statuses.stream().map(Enum::name).toList()).param("today", today)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Expired(rs.getLong(1), SubjectKeys.read(rs, 2), rs.getString(3), new RecordLifecycle(
                        RecordStatus.valueOf(rs.getString(4)), rs.getInt(5), rs.getObject(6, LocalDate.class))))
                .list();
    }

    /**
     * The holders of an archive in one grouped statement over the records in force of the counted items (index
     * records_record_item_subject of V36): a person is kept when one of the records is of a qualifying item.
     */
    PageResult<HolderFilter.Holder> holders(HolderFilter filter, PageRequest page) {
        if (filter.qualifying().isEmpty() || (filter.subjects() != null && filter.subjects().isEmpty())) {
            return new PageResult<>(List.of(), 0, page);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("counted", new ArrayList<>(filter.counted()));
        params.put("qualifying", new ArrayList<>(filter.qualifying()));
        params.put("today", LocalDate.now(clock));
        StringBuilder sql = new StringBuilder("""
                select subject_id, count(*) as records, max(decision_date) as latest from records_record
                where item_code in (:counted) and status in ('ACTIVE', 'OBJECTED', 'SUSPENDED') and expires_on > :today""");
        if (filter.adultsOnly()) {
            sql.append(" and subject_minor is not true");
        }
        if (filter.subjects() != null) {
            sql.append(" and subject_index = any(:subjects)");
            params.put("subjects", SubjectKeys.array(filter.subjects()));
        }
        sql.append(" group by subject_id having count(*) filter (where item_code in (:qualifying)) > 0");
        long total = jdbc.sql("select count(*) from (" + sql + ") h").params(params).query(Long.class).single();
        if (total <= page.offset()) {
            return new PageResult<>(List.of(), total, page);
        }
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<HolderFilter.Holder> rows = jdbc.sql(sql + " order by " + page.orderBy(Records.HOLDER_SORT, "subject_id")
                + " limit :limit offset :offset").params(params)
                .query((rs, n) -> new HolderFilter.Holder(rs.getLong("subject_id"), rs.getLong("records"),
                        rs.getObject("latest", LocalDate.class)))
                .list();
        return new PageResult<>(rows, total, page);
    }

    private static final String SELECT = "select * from records_record";

    private CreditRecord map(ResultSet rs, int row) throws SQLException {
        LocalDate expiresOn = rs.getObject("expires_on", LocalDate.class);
        RecordStatus status = RecordStatus.valueOf(rs.getString("status"));
        if (status.shown() && !expiresOn.isAfter(LocalDate.now(clock))) {
            // past its period: expired from that day on, whether or not the daily job has run
            status = RecordStatus.EXPIRED;
        }
        return new CreditRecord(rs.getLong("id"), SubjectKeys.read(rs, "subject_index"), rs.getLong("subject_id"),
                rs.getString("item_code"), rs.getLong("catalog_version_id"), DepartmentCode.of(rs.getString("department_code")),
                rs.getString("source_id"), rs.getObject("decision_date", LocalDate.class), rs.getString("document_number"),
                new LazyJsonContent(rs.getString("content")), rs.getString("kind"), rs.getString("severity"),
                rs.getString("scope"), rs.getObject("min_period_end", LocalDate.class), expiresOn, status,
                rs.getInt("version"), (Long) rs.getObject("batch_id"), rs.getTimestamp("accepted_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("repair_notice"), (Boolean) rs.getObject("subject_minor"));
    }
}
