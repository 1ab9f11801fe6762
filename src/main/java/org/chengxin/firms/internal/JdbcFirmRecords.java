package org.chengxin.firms.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.chengxin.firms.Firm;
import org.chengxin.firms.FirmRecord;
import org.chengxin.firms.FirmRecords;
import org.chengxin.firms.NewFirmRecord;
import org.chengxin.records.RecordStatus;
import org.chengxin.records.Records;
import org.chengxin.records.StoreResult;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.firm.ResponsibleRole;
import org.chengxin.shared.firm.Uscc;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The firms' records in PostgreSQL. Rows about firms are a small part of a push, so a chunk is stored row by row in the
 * caller's transaction; the persons' records they name are stored by {@code records} in the same transaction, and a
 * revocation here revokes them there.
 */
@Repository
class JdbcFirmRecords implements FirmRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };
    private static final String SELECT = """
            select r.*, f.uscc, f.name as firm_name from firms_record r join firms_firm f on f.id = r.firm_id
            """;

    private final JdbcClient jdbc;
    private final Records records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcFirmRecords(JdbcClient jdbc, Records records, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public StoreResult store(List<NewFirmRecord> rows, Long batchId) {
        if (rows.isEmpty()) {
            return StoreResult.NONE;
        }
        Instant now = clock.instant();
        int accepted = 0;
        int corrected = 0;
        int unchanged = 0;
        Set<String> revoked = new HashSet<>();
        Set<String> stored = new HashSet<>();
        Map<String, Long> firms = new HashMap<>();
        for (NewFirmRecord r : rows) {
            long firmId = firms.computeIfAbsent(r.uscc().value(), code -> firm(r, now));
            String hash = hash(r);
            var held = jdbc.sql("select id, status, content_hash from firms_record where department_code = ? and source_id = ? for update")
                    .params(r.departmentCode().value(), r.sourceId())
                    .query((rs, i) -> new Held(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
            if (held.isPresent() && "REVOKED".equals(held.get().status())) {
                revoked.add(r.sourceId());
                continue;
            }
            if (held.isPresent() && held.get().hash().equals(hash)) {
                unchanged++;
                continue;
            }
            long id;
            if (held.isEmpty()) {
                id = jdbc.sql("""
                        insert into firms_record (firm_id, item_code, catalog_version_id, department_code, source_id, decision_date,
                            document_number, content, content_hash, kind, severity, scope, expires_on, status, version, batch_id,
                            accepted_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, 'ACTIVE', 1, ?, ?, ?) returning id
                        """).params(firmId, r.item().code(), r.catalogVersionId(), r.departmentCode().value(), r.sourceId(),
                        r.decisionDate(), r.documentNumber(), JSON.writeValueAsString(new TreeMap<>(r.content())), hash,
                        r.item().kind().name(), r.item().severity() == null ? null : r.item().severity().name(),
                        r.item().scope().name(), r.item().expiryDate(r.decisionDate()), batchId, ts(now), ts(now))
                        .query(Long.class).single();
                accepted++;
            } else {
                id = held.get().id();
                jdbc.sql("""
                        update firms_record set firm_id = ?, item_code = ?, catalog_version_id = ?, decision_date = ?,
                            document_number = ?, content = cast(? as jsonb), content_hash = ?, kind = ?, severity = ?, scope = ?,
                            expires_on = ?, version = version + 1, batch_id = ?, updated_at = ?
                        where id = ?
                        """).params(firmId, r.item().code(), r.catalogVersionId(), r.decisionDate(), r.documentNumber(),
                        JSON.writeValueAsString(new TreeMap<>(r.content())), hash, r.item().kind().name(),
                        r.item().severity() == null ? null : r.item().severity().name(), r.item().scope().name(),
                        r.item().expiryDate(r.decisionDate()), batchId, ts(now), id).update();
                revokeDropped(id, r);
                jdbc.sql("delete from firms_record_person where firm_record_id = ?").param(id).update();
                corrected++;
            }
            r.personSourceIds().forEach((role, source) -> jdbc.sql(
                    "insert into firms_record_person (firm_record_id, role, person_source_id) values (?, ?, ?)")
                    .params(id, role.name(), source).update());
            stored.add(r.sourceId());
        }
        return new StoreResult(accepted, corrected, unchanged, revoked, stored);
    }

    /**
     * A correction that no longer names a person the record named before: that person's record goes, since the decision
     * no longer says they were responsible. A person named again under the same role keeps the source id, and
     * {@code records} corrects the record to whoever is named now.
     */
    private void revokeDropped(long firmRecordId, NewFirmRecord r) {
        List<String> dropped = jdbc.sql("select role, person_source_id from firms_record_person where firm_record_id = ?")
                .param(firmRecordId)
                .query((rs, i) -> r.personSourceIds().containsKey(ResponsibleRole.valueOf(rs.getString(1))) ? null : rs.getString(2))
                .list().stream().filter(Objects::nonNull).toList();
        for (String source : dropped) {
            records.findBySource(r.departmentCode(), source).filter(p -> p.status() != RecordStatus.REVOKED)
                    .ifPresent(p -> records.revoke(p.id(), r.departmentCode(),
                            "法人记录（" + r.sourceId() + "）更正后不再列明该责任人"));
        }
    }

    private long firm(NewFirmRecord r, Instant now) {
        return jdbc.sql("""
                insert into firms_firm (uscc, name, region_code, first_seen, updated_at) values (?, ?, ?, ?, ?)
                on conflict (uscc) do update set name = excluded.name, updated_at = excluded.updated_at
                returning id
                """).params(r.uscc().value(), r.firmName().strip(), r.uscc().regionCode(), ts(now), ts(now))
                .query(Long.class).single();
    }

    @Override
    public Optional<Firm> firm(Uscc uscc) {
        return jdbc.sql("select uscc, name, region_code from firms_firm where uscc = ?").param(uscc.value())
                .query((rs, i) -> new Firm(Uscc.of(rs.getString(1)), rs.getString(2), rs.getString(3))).optional();
    }

    @Override
    public List<FirmRecord> ofFirm(Uscc uscc) {
        return withPersons(jdbc.sql(SELECT + " where f.uscc = ? order by r.decision_date desc, r.id desc")
                .param(uscc.value()).query(JdbcFirmRecords::row).list());
    }

    @Override
    public List<Firm> search(String words, int limit) {
        String w = words == null ? "" : words.strip();
        if (w.isEmpty()) {
            return List.of();
        }
        String like = "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select uscc, name, region_code from firms_firm where uscc = upper(?) or name like ? order by name limit ?
                """).params(w, like, limit)
                .query((rs, i) -> new Firm(Uscc.of(rs.getString(1)), rs.getString(2), rs.getString(3))).list();
    }

    @Override
    public Optional<FirmRecord> findBySource(DepartmentCode departmentCode, String sourceId) {
        return withPersons(jdbc.sql(SELECT + " where r.department_code = ? and r.source_id = ?")
                .params(departmentCode.value(), sourceId).query(JdbcFirmRecords::row).list()).stream().findFirst();
    }

    @Override
    @Transactional
    public Optional<FirmRecord> revokeBySource(DepartmentCode departmentCode, String sourceId, String reason) {
        Optional<FirmRecord> held = findBySource(departmentCode, sourceId);
        if (held.isEmpty() || "REVOKED".equals(held.get().status())) {
            return held;
        }
        FirmRecord record = held.get();
        jdbc.sql("update firms_record set status = 'REVOKED', status_reason = ?, updated_at = ? where id = ?")
                .params(reason, ts(clock.instant()), record.id()).update();
        for (String personSource : record.personSources().values()) {
            records.findBySource(departmentCode, personSource)
                    .filter(p -> p.status() != RecordStatus.REVOKED)
                    .ifPresent(p -> records.revoke(p.id(), departmentCode, "法人记录（" + sourceId + "）撤销：" + reason));
        }
        events.publishEvent(AuditEvent.of(CurrentActor.get(), clock.instant(), "firms.revoke", null, null, AuditOutcome.SUCCESS,
                "撤销法人记录 " + record.uscc() + " 来源编号 " + sourceId + "，关联责任人记录 " + record.personSources().size() + " 条"));
        return findBySource(departmentCode, sourceId);
    }

    private List<FirmRecord> withPersons(List<FirmRecord> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Map<ResponsibleRole, String>> persons = new HashMap<>();
        jdbc.sql("select firm_record_id, role, person_source_id from firms_record_person where firm_record_id = any(?)")
                .param(rows.stream().map(FirmRecord::id).toArray(Long[]::new))
                .query(rs -> {
                    persons.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(ResponsibleRole.class))
                            .put(ResponsibleRole.valueOf(rs.getString(2)), rs.getString(3));
                });
        return rows.stream().map(r -> new FirmRecord(r.id(), r.uscc(), r.firmName(), r.itemCode(), r.departmentCode(), r.sourceId(),
                r.decisionDate(), r.documentNumber(), r.content(), r.kind(), r.severity(), r.scope(), r.expiresOn(), r.status(),
                r.statusReason(), r.version(), r.acceptedAt(), r.updatedAt(), persons.getOrDefault(r.id(), Map.of()))).toList();
    }

    private static FirmRecord row(ResultSet rs, int i) throws SQLException {
        Map<String, String> content = new LinkedHashMap<>(JSON.readValue(rs.getString("content"), MAP));
        return new FirmRecord(rs.getLong("id"), Uscc.of(rs.getString("uscc")), rs.getString("firm_name"), rs.getString("item_code"),
                new DepartmentCode(rs.getString("department_code")), rs.getString("source_id"),
                rs.getObject("decision_date", LocalDate.class), rs.getString("document_number"), content,
                rs.getString("kind"), rs.getString("severity"), rs.getString("scope"),
                rs.getObject("expires_on", LocalDate.class), rs.getString("status"), rs.getString("status_reason"),
                rs.getInt("version"), rs.getTimestamp("accepted_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), Map.of());
    }

    /** What makes two pushes of the same source id the same: the firm, item, decision, document, content and persons. */
    static String hash(NewFirmRecord r) {
        StringBuilder s = new StringBuilder(256).append(r.uscc().value()).append('\u001F').append(r.firmName().strip())
                .append('\u001F').append(r.item().code()).append('\u001F').append(r.decisionDate()).append('\u001F')
                .append(r.documentNumber() == null ? "" : r.documentNumber());
        new TreeMap<>(r.content()).forEach((k, v) -> s.append('\u001F').append(k).append('=').append(v));
        new TreeMap<>(r.personSourceIds()).forEach((k, v) -> s.append('\u001E').append(k.name()).append('=').append(v));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private record Held(long id, String status, String hash) {
    }
}
