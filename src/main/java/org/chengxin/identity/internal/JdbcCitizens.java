package org.chengxin.identity.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.SubjectLookup;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import javax.sql.DataSource;

import org.chengxin.shared.jdbc.PgCopy;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcCitizens implements Citizens {

    static final String ID_PURPOSE = "identity.subject.id-number";

    private final JdbcClient jdbc;
    private final IdentityKeys keys;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final DataSource dataSource;

    JdbcCitizens(JdbcClient jdbc, DataSource dataSource, IdentityKeys keys, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.keys = keys;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public CitizenRef enroll(IdNumber number) {
        byte[] index = index(number);
        jdbc.sql("""
                insert into identity_subject (blind_index, id_cipher, key_id, masked, region_code)
                values (:index, :cipher, :keyId, :masked, :region)
                on conflict (blind_index) do nothing""")
                .param("index", index)
                .param("cipher", Sm4Gcm.encrypt(keys.activeKey(), ID_PURPOSE, number.value()))
                .param("keyId", keys.activeKeyId())
                .param("masked", number.masked())
                .param("region", number.regionCode())
                .update();
        return byIndex(index).orElseThrow();
    }

    @Override
    public SubjectLookup lookUp(Collection<IdNumber> numbers) {
        Map<IdNumber, SubjectKey> keys = new HashMap<>();
        Map<SubjectKey, IdNumber> byIndex = new HashMap<>();
        for (IdNumber n : numbers) {
            SubjectKey key = keys.computeIfAbsent(n, this::subjectKeyOf);
            byIndex.put(key, n);
        }
        return new SubjectLookup(keys, byIndexes(byIndex));
    }

    @Override
    @Transactional
    public Map<IdNumber, CitizenRef> enrollAll(SubjectLookup lookup, Collection<IdNumber> numbers) {
        Map<SubjectKey, IdNumber> byIndex = new HashMap<>();
        Map<IdNumber, CitizenRef> found = new HashMap<>();
        for (IdNumber n : numbers) {
            CitizenRef known = lookup.found().get(n);
            if (known != null) {
                found.put(n, known);
            } else {
                SubjectKey key = lookup.keys().get(n);
                byIndex.put(key != null ? key : subjectKeyOf(n), n);
            }
        }
        List<Object[]> missing = new ArrayList<>();
        byIndex.forEach((key, n) -> {
            if (!found.containsKey(n)) {
                missing.add(new Object[] {key.bytes(), Sm4Gcm.encrypt(keys.activeKey(), ID_PURPOSE, n.value()),
                    keys.activeKeyId(), n.masked(), n.regionCode()});
            }
        });
        if (!missing.isEmpty() && copyNew(missing, byIndex, found)) {
            return found;
        }
        if (!missing.isEmpty()) {
            // bulk ingestion meets thousands of new people a second: COPY, then one set-based insert, in
            // blind-index order so that two chunks enrolling the same people never wait on each other crosswise
            jdbc.sql("""
                    create temp table if not exists identity_stage (blind_index bytea, id_cipher bytea, key_id text,
                        masked text, region_code text) on commit delete rows""").update();
            jdbc.sql("truncate identity_stage").update();
            PgCopy.copy(DataSourceUtils.getConnection(dataSource), "identity_stage", missing);
            // the new subjects come back from the insert itself; only those another transaction enrolled
            // meanwhile (the conflicts) are looked up again
            jdbc.sql("""
                    insert into identity_subject (blind_index, id_cipher, key_id, masked, region_code)
                    select blind_index, id_cipher, key_id, masked, region_code from identity_stage
                    order by blind_index
                    on conflict (blind_index) do nothing
                    returning id, blind_index, masked, region_code""")
                    .query(JdbcCitizens::map)
                    .list()
                    .forEach(ref -> found.put(byIndex.get(ref.subject()), ref));
            if (byIndex.values().stream().anyMatch(n -> !found.containsKey(n))) {
                Map<SubjectKey, IdNumber> rest = new HashMap<>();
                byIndex.forEach((key, n) -> {
                    if (!found.containsKey(n)) {
                        rest.put(key, n);
                    }
                });
                found.putAll(byIndexes(rest));
            }
        }
        return found;
    }

    /**
     * The people a push brings are mostly new: they go straight into the table with COPY, ids taken from its
     * sequence first, in blind-index order like the staged insert. Somebody enrolled meanwhile by another
     * transaction (the COPY meets the key) rolls the COPY back to its savepoint and false is answered: the staged
     * insert, which lets such conflicts pass, does it then.
     */
    private boolean copyNew(List<Object[]> missing, Map<SubjectKey, IdNumber> byIndex, Map<IdNumber, CitizenRef> found) {
        missing.sort((a, b) -> Arrays.compareUnsigned((byte[]) a[0], (byte[]) b[0]));
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('identity_subject', 'id')) from generate_series(1, :n)")
                .param("n", missing.size()).query(Long.class).list();
        List<Object[]> rows = new ArrayList<>(missing.size());
        Map<IdNumber, CitizenRef> added = new HashMap<>();
        for (int i = 0; i < missing.size(); i++) {
            Object[] m = missing.get(i);
            rows.add(new Object[] {ids.get(i), m[0], m[1], m[2], m[3], m[4]});
            SubjectKey key = SubjectKey.of((byte[]) m[0]);
            added.put(byIndex.get(key), new CitizenRef(ids.get(i), key, (String) m[3], (String) m[4]));
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                PgCopy.copy(connection, "identity_subject (id, blind_index, id_cipher, key_id, masked, region_code)", rows);
            } catch (IllegalStateException e) {
                if (!PgCopy.isUniqueViolation(e)) {
                    throw e;
                }
                connection.rollback(savepoint);
                return false;
            }
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new IllegalStateException("登记当事人失败", e);
        }
        found.putAll(added);
        return true;
    }

    private Map<IdNumber, CitizenRef> byIndexes(Map<SubjectKey, IdNumber> byIndex) {
        Map<IdNumber, CitizenRef> found = new HashMap<>();
        jdbc.sql("select * from identity_subject where blind_index = any(:ids)")
                .param("ids", SubjectKeys.array(byIndex.keySet()))
                .query(JdbcCitizens::map)
                .list()
                .forEach(ref -> found.put(byIndex.get(ref.subject()), ref));
        return found;
    }

    @Override
    public Optional<CitizenRef> find(IdNumber number) {
        return byIndex(index(number));
    }

    @Override
    public Optional<CitizenRef> findById(long subjectId) {
        return jdbc.sql("select * from identity_subject where id = :id").param("id", subjectId)
                .query(JdbcCitizens::map).optional();
    }

    @Override
    public Map<SubjectKey, Long> subjectIdsOf(Collection<SubjectKey> keys) {
        Map<SubjectKey, Long> ids = new HashMap<>();
        if (!keys.isEmpty()) {
            jdbc.sql("select blind_index, id from identity_subject where blind_index = any(:keys)")
                    .param("keys", SubjectKeys.array(Set.copyOf(keys))).query(rs -> {
                        ids.put(SubjectKeys.read(rs, 1), rs.getLong(2));
                    });
        }
        return ids;
    }

    @Override
    public Map<Long, String> maskedIds(Collection<Long> subjectIds) {
        Map<Long, String> masked = new HashMap<>();
        if (!subjectIds.isEmpty()) {
            jdbc.sql("select id, masked from identity_subject where id = any(:ids)").param("ids", subjectIds.stream().distinct()
                    .toArray(Long[]::new)).query(rs -> {
                        masked.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return masked;
    }

    @Override
    @Transactional
    public IdNumber reveal(long subjectId, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("解密身份证号码必须说明用途");
        }
        IdNumber number = decrypt(subjectId);
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "identity.reveal", subjectKeyOf(number),
                purpose, AuditOutcome.SUCCESS, "解密身份证号码"));
        return number;
    }

    @Override
    @Transactional
    public Map<Long, IdNumber> revealAll(Collection<Long> subjectIds, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("解密身份证号码必须说明用途");
        }
        Map<Long, IdNumber> numbers = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return numbers;
        }
        record Cipher(long id, byte[] cipher, String keyId) {
        }
        List<Cipher> ciphers = jdbc.sql("select id, id_cipher, key_id from identity_subject where id = any(:ids)")
                .param("ids", subjectIds.stream().mapToLong(Long::longValue).toArray())
                .query((rs, n) -> new Cipher(rs.getLong(1), rs.getBytes(2), rs.getString(3))).list();
        Instant now = Instant.now(clock);
        for (Cipher c : ciphers) {
            IdNumber number = IdNumber.parse(Sm4Gcm.decrypt(keys.key(c.keyId()), ID_PURPOSE, c.cipher()), clock);
            numbers.put(c.id(), number);
            events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "identity.reveal", subjectKeyOf(number), purpose,
                    AuditOutcome.SUCCESS, "解密身份证号码"));
        }
        return numbers;
    }

    IdNumber decrypt(long subjectId) {
        record Cipher(byte[] cipher, String keyId) {
        }
        Cipher c = jdbc.sql("select id_cipher, key_id from identity_subject where id = :id").param("id", subjectId)
                .query((rs, n) -> new Cipher(rs.getBytes(1), rs.getString(2))).single();
        return IdNumber.parse(Sm4Gcm.decrypt(keys.key(c.keyId()), ID_PURPOSE, c.cipher()), clock);
    }

    @Override
    public SubjectKey subjectKeyOf(IdNumber number) {
        return SubjectKey.of(index(number));
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from identity_subject").query(Long.class).single();
    }

    private Optional<CitizenRef> byIndex(byte[] index) {
        return jdbc.sql("select * from identity_subject where blind_index = :index").param("index", index)
                .query(JdbcCitizens::map).optional();
    }

    private byte[] index(IdNumber number) {
        return BlindIndex.of(keys.blindIndexKey(), ID_PURPOSE, number.value());
    }

    private static CitizenRef map(ResultSet rs, int row) throws SQLException {
        return new CitizenRef(rs.getLong("id"), SubjectKeys.read(rs, "blind_index"),
                rs.getString("masked"), rs.getString("region_code"));
    }
}
