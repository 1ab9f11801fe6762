package org.chengxin.identity.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Mobiles;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.identity.RegisterImport;
import org.chengxin.identity.RegisterImport.RejectedRow;
import org.chengxin.identity.SubjectLookup;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.IdNumberCheck;
import org.chengxin.shared.jdbc.PgCopy;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.text.TextDecoding;
import org.chengxin.shared.text.UnicodeText;
import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcPopulationRegister implements PopulationRegister {

    static final String NAME_PURPOSE = "identity.resident.name";
    static final String MOBILE_PURPOSE = "identity.resident.mobile";
    private static final List<String> ID_HEADERS = List.of("身份证号", "身份证号码", "公民身份号码", "证件号码", "idNumber");
    private static final List<String> NAME_HEADERS = List.of("姓名", "name");
    private static final List<String> MOBILE_HEADERS = List.of("手机号码", "手机号", "移动电话", "mobile");
    private static final int MAX_NAME_LENGTH = 50;

    private final JdbcClient jdbc;
    private final Citizens citizens;
    private final IdentityKeys keys;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final DataSource dataSource;
    private final int chunkSize;

    JdbcPopulationRegister(JdbcClient jdbc, DataSource dataSource, Citizens citizens, IdentityKeys keys, Clock clock,
            ApplicationEventPublisher events, @Value("${chengxin.register.import-chunk-size:5000}") int chunkSize) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.chunkSize = Math.max(1, chunkSize);
        this.citizens = citizens;
        this.keys = keys;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public RegisterImport importCsv(byte[] content, Charset declared, String source) {
        return importCsv(content, declared, source, chunkSize);
    }

    /**
     * Reads the file as it goes and stores its valid rows in chunks of {@code chunk} people, each set-based: one
     * {@link Citizens#enrollAll} and one COPY into a staging table merged into the register (several statements a row
     * before, too slow for a city of millions). Every row is checked and rejected row by row as before; the whole file is
     * one transaction.
     */
    @Transactional
    RegisterImport importCsv(byte[] content, Charset declared, String source, int chunk) {
        Reader text = TextDecoding.reader(content, declared);
        List<RejectedRow> rejected = new ArrayList<>();
        List<Resident> pending = new ArrayList<>(Math.min(chunk, 10_000));
        OffsetDateTime at = Instant.now(clock).atOffset(ZoneOffset.UTC);
        int rows = 0;
        int imported = 0;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setTrim(true).setIgnoreEmptyLines(true).get().parse(text)) {
            String idColumn = column(parser, ID_HEADERS);
            String nameColumn = column(parser, NAME_HEADERS);
            String mobileColumn = optionalColumn(parser, MOBILE_HEADERS);
            for (CSVRecord record : parser) {
                rows++;
                long line = record.getRecordNumber() + 1;
                if (!record.isConsistent()) {
                    rejected.add(new RejectedRow(line, null, "ROW_WRONG_COLUMN_COUNT", "该行的列数与表头不一致"));
                    continue;
                }
                IdNumberCheck check = IdNumber.check(record.get(idColumn), clock);
                String name = record.get(nameColumn);
                String mobile = mobileColumn == null ? "" : record.get(mobileColumn).replaceAll("[\\s-]", "");
                if (!check.valid()) {
                    var error = check.errors().get(0);
                    rejected.add(new RejectedRow(line, idColumn, error.code(), error.message()));
                } else if (name.isBlank() || UnicodeText.longerThan(name, MAX_NAME_LENGTH)) {
                    rejected.add(new RejectedRow(line, nameColumn, "NAME_INVALID", "姓名为空或超过" + MAX_NAME_LENGTH + "个字符"));
                } else if (!mobile.isEmpty() && !Mobiles.valid(mobile)) {
                    rejected.add(new RejectedRow(line, mobileColumn, "MOBILE_INVALID", "手机号码应为以1开头的11位数字"));
                } else {
                    pending.add(new Resident(check.number(), name, mobile.isEmpty() ? null : mobile));
                    imported++;
                    if (pending.size() >= chunk) {
                        store(pending, source, at);
                        pending.clear();
                    }
                }
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw ChengxinException.badRequest("FILE_MALFORMED_CSV", "CSV 文件格式错误，无法解析：请检查引号和分隔符");
        }
        store(pending, source, at);
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "identity.register-import", null,
                "人口基础信息导入", AuditOutcome.SUCCESS,
                source + "：共 " + rows + " 行，导入 " + imported + " 行，拒绝 " + rejected.size() + " 行"));
        return new RegisterImport(rows, imported, rejected);
    }

    private record Resident(IdNumber number, String name, String mobile) {
    }

    /**
     * Stores a chunk of checked rows as {@link #register} would one by one: a number met twice takes the later name, and a
     * mobile number given earlier stays when a later row (or the import) has none.
     */
    private void store(List<Resident> chunk, String source, OffsetDateTime at) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<IdNumber, Resident> merged = new LinkedHashMap<>();
        for (Resident r : chunk) {
            merged.merge(r.number(), r, (earlier, later) -> later.mobile() != null ? later
                    : new Resident(later.number(), later.name(), earlier.mobile()));
        }
        Map<IdNumber, CitizenRef> subjects = citizens.enrollAll(merged.keySet());
        byte[] key = keys.activeKey();
        String keyId = keys.activeKeyId();
        byte[] indexKey = keys.blindIndexKey();
        List<Object[]> stage = new ArrayList<>(merged.size());
        for (Resident r : merged.values()) {
            CitizenRef subject = subjects.get(r.number());
            String normalized = Names.normalize(r.name());
            stage.add(new Object[] {subject.id(), subject.subject().bytes(), Sm4Gcm.encrypt(key, NAME_PURPOSE, normalized), keyId,
                BlindIndex.of(indexKey, NAME_PURPOSE, normalized),
                r.mobile() == null ? null : Sm4Gcm.encrypt(key, MOBILE_PURPOSE, r.mobile()), r.mobile() == null ? null : keyId,
                source, at});
        }
        jdbc.sql("""
                create temp table if not exists identity_resident_stage (subject_id bigint, subject_index bytea, name_cipher bytea,
                    key_id text, name_index bytea, mobile_cipher bytea, mobile_key_id text, source text, imported_at timestamptz)
                    on commit delete rows""").update();
        jdbc.sql("truncate identity_resident_stage").update();
        PgCopy.copy(DataSourceUtils.getConnection(dataSource), "identity_resident_stage", stage);
        jdbc.sql("""
                insert into identity_resident (subject_id, subject_index, name_cipher, key_id, name_index, source, imported_at,
                    mobile_cipher, mobile_key_id)
                select subject_id, subject_index, name_cipher, key_id, name_index, source, imported_at, mobile_cipher, mobile_key_id
                from identity_resident_stage order by subject_id
                on conflict (subject_id) do update set name_cipher = excluded.name_cipher, key_id = excluded.key_id,
                    name_index = excluded.name_index, source = excluded.source, imported_at = excluded.imported_at,
                    mobile_cipher = coalesce(excluded.mobile_cipher, identity_resident.mobile_cipher),
                    mobile_key_id = case when excluded.mobile_cipher is null then identity_resident.mobile_key_id
                        else excluded.mobile_key_id end""").update();
    }

    private static String optionalColumn(CSVParser parser, List<String> candidates) {
        return parser.getHeaderNames().stream()
                .filter(h -> candidates.stream().anyMatch(c -> c.equalsIgnoreCase(h.strip().replace("\uFEFF", ""))))
                .findFirst().orElse(null);
    }

    private static String column(CSVParser parser, List<String> candidates) {
        return parser.getHeaderNames().stream()
                .filter(h -> candidates.stream().anyMatch(c -> c.equalsIgnoreCase(h.strip().replace("\uFEFF", ""))))
                .findFirst()
                .orElseThrow(() -> ChengxinException.badRequest("FILE_MISSING_COLUMN",
                        "文件缺少必需的列：" + candidates.get(0) + "（表头可用：" + String.join("、", candidates) + "）"));
    }

    @Override
    @Transactional
    public void register(IdNumber number, String name, String source) {
        register(number, name, null, source);
    }

    @Override
    @Transactional
    public void register(IdNumber number, String name, String mobile, String source) {
        if (mobile != null && !Mobiles.valid(mobile)) {
            throw ChengxinException.badRequest("MOBILE_INVALID", "手机号码应为以1开头的11位数字");
        }
        CitizenRef subject = citizens.enroll(number);
        String normalized = Names.normalize(name);
        jdbc.sql("""
                insert into identity_resident (subject_id, subject_index, name_cipher, key_id, name_index, source, imported_at)
                values (:subject, :key, :cipher, :keyId, :nameIndex, :source, :at)
                on conflict (subject_id) do update set name_cipher = excluded.name_cipher, key_id = excluded.key_id,
                    name_index = excluded.name_index, source = excluded.source, imported_at = excluded.imported_at""")
                .param("subject", subject.id())
                .param("key", subject.subject().bytes())
                .param("cipher", Sm4Gcm.encrypt(keys.activeKey(), NAME_PURPOSE, normalized))
                .param("keyId", keys.activeKeyId())
                .param("nameIndex", BlindIndex.of(keys.blindIndexKey(), NAME_PURPOSE, normalized))
                .param("source", source)
                .param("at", Instant.now(clock).atOffset(ZoneOffset.UTC))
                .update();
        if (mobile != null) {
            jdbc.sql("update identity_resident set mobile_cipher = :cipher, mobile_key_id = :keyId where subject_id = :subject")
                    .param("cipher", Sm4Gcm.encrypt(keys.activeKey(), MOBILE_PURPOSE, mobile))
                    .param("keyId", keys.activeKeyId()).param("subject", subject.id()).update();
        }
    }

    /** The mobile number the register holds for a resident (decrypted), for sending them a code or a notice. */
    Optional<String> mobileOf(long subjectId) {
        record Cipher(byte[] text, String keyId) {
        }
        return jdbc.sql("select mobile_cipher, mobile_key_id from identity_resident where subject_id = :id and mobile_cipher is not null")
                .param("id", subjectId).query((rs, n) -> new Cipher(rs.getBytes(1), rs.getString(2))).optional()
                .map(c -> Sm4Gcm.decrypt(keys.key(c.keyId()), MOBILE_PURPOSE, c.text()));
    }

    @Override
    public Optional<String> nameOf(long subjectId) {
        record Cipher(byte[] text, String keyId) {
        }
        return jdbc.sql("select name_cipher, key_id from identity_resident where subject_id = :id")
                .param("id", subjectId).query((rs, n) -> new Cipher(rs.getBytes(1), rs.getString(2))).optional()
                .map(c -> Sm4Gcm.decrypt(keys.key(c.keyId()), NAME_PURPOSE, c.text()));
    }

    @Override
    public Map<Long, String> namesOf(Collection<Long> subjectIds) {
        Map<Long, String> names = new HashMap<>();
        if (!subjectIds.isEmpty()) {
            jdbc.sql("select subject_id, name_cipher, key_id from identity_resident where subject_id = any(:ids)")
                    .param("ids", subjectIds.stream().distinct().toArray(Long[]::new))
                    .query(rs -> {
                        names.put(rs.getLong(1), Sm4Gcm.decrypt(keys.key(rs.getString(3)), NAME_PURPOSE, rs.getBytes(2)));
                    });
        }
        return names;
    }

    @Override
    public List<SubjectKey> subjectsNamed(String name, int limit) {
        String normalized = name == null ? "" : Names.normalize(name);
        if (normalized.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select s.blind_index from identity_resident r join identity_subject s on s.id = r.subject_id
                where r.name_index = :idx limit :limit""")
                .param("idx", BlindIndex.of(keys.blindIndexKey(), NAME_PURPOSE, normalized)).param("limit", limit)
                .query((rs, n) -> SubjectKeys.read(rs, 1)).list();
    }

    @Override
    public NameMatch checkName(IdNumber number, String name) {
        Optional<CitizenRef> subject = citizens.find(number);
        if (subject.isEmpty()) {
            return NameMatch.NOT_REGISTERED;
        }
        Optional<byte[]> registered = jdbc.sql("select name_index from identity_resident where subject_id = :id")
                .param("id", subject.get().id()).query(byte[].class).optional();
        if (registered.isEmpty()) {
            return NameMatch.NOT_REGISTERED;
        }
        byte[] given = BlindIndex.of(keys.blindIndexKey(), NAME_PURPOSE, Names.normalize(name));
        return Arrays.equals(registered.get(), given) ? NameMatch.MATCH : NameMatch.MISMATCH;
    }

    @Override
    public Map<IdNumber, NameMatch> checkNames(Map<IdNumber, String> names) {
        Map<SubjectKey, IdNumber> byIndex = new HashMap<>();
        names.keySet().forEach(n -> byIndex.put(citizens.subjectKeyOf(n), n));
        Map<IdNumber, byte[]> registered = new HashMap<>();
        jdbc.sql("""
                select s.blind_index, r.name_index from identity_subject s
                join identity_resident r on r.subject_id = s.id
                where s.blind_index = any(:ids)""")
                .param("ids", SubjectKeys.array(byIndex.keySet()))
                .query(rs -> {
                    registered.put(byIndex.get(SubjectKeys.read(rs, 1)), rs.getBytes(2));
                });
        return matches(names, registered);
    }

    @Override
    public Map<IdNumber, NameMatch> checkNames(Map<IdNumber, String> names, SubjectLookup lookup) {
        Map<Long, IdNumber> bySubject = new HashMap<>();
        names.keySet().forEach(n -> {
            CitizenRef subject = lookup.found().get(n);
            if (subject != null) {
                bySubject.put(subject.id(), n);
            }
        });
        Map<IdNumber, byte[]> registered = new HashMap<>();
        if (!bySubject.isEmpty()) {
            jdbc.sql("select subject_id, name_index from identity_resident where subject_id = any(:ids)")
                    .param("ids", bySubject.keySet().toArray(Long[]::new))
                    .query(rs -> {
                        registered.put(bySubject.get(rs.getLong(1)), rs.getBytes(2));
                    });
        }
        return matches(names, registered);
    }

    private Map<IdNumber, NameMatch> matches(Map<IdNumber, String> names, Map<IdNumber, byte[]> registered) {
        Map<IdNumber, NameMatch> result = new HashMap<>();
        names.forEach((number, name) -> {
            byte[] known = registered.get(number);
            result.put(number, known == null ? NameMatch.NOT_REGISTERED
                    : Arrays.equals(known, BlindIndex.of(keys.blindIndexKey(), NAME_PURPOSE, Names.normalize(name)))
                            ? NameMatch.MATCH : NameMatch.MISMATCH);
        });
        return result;
    }

    @Override
    public long size() {
        return jdbc.sql("select count(*) from identity_resident").query(Long.class).single();
    }
}
