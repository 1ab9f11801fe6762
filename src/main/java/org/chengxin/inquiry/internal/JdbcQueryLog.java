package org.chengxin.inquiry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.chengxin.inquiry.QueryLog;
import org.chengxin.inquiry.domain.QueryKind;
import org.chengxin.shared.jdbc.DepartmentCodes;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.text.UnicodeText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcQueryLog implements QueryLog {

    /** Rows an export reads from the database at a time (a cursor: the rest stay in the database). */
    private static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate named;

    JdbcQueryLog(JdbcClient jdbc, DataSource dataSource, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.named = named;
    }

    @Override
    public PageResult<Entry> page(Filter filter, PageRequest request) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        long total = jdbc.sql("select count(*) from inquiry_query" + where).params(params).query(Long.class).single();
        params.put("limit", request.size());
        params.put("offset", request.offset());
        List<Entry> items = jdbc.sql("select * from inquiry_query" + where + " order by " + request.orderBy(SORT, "id")
                + " limit :limit offset :offset").params(params).query(JdbcQueryLog::map).list();
        return new PageResult<>(items, total, request);
    }

    @Override
    @Transactional(readOnly = true) // a transaction lets the driver use a cursor (fetch size) instead of reading every row
    public long each(Filter filter, PageRequest order, int limit, Consumer<Entry> each) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        String sql = "select * from inquiry_query" + where(filter, params) + " order by " + order.orderBy(SORT, "id") + " limit :limit";
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(EXPORT_FETCH_SIZE);
        long[] n = {0};
        new NamedParameterJdbcTemplate(template).query(sql, params, rs -> {
            each.accept(map(rs, 0));
            n[0]++;
        });
        return n[0];
    }

    private static String where(Filter f, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where true");
        if (f.subject() != null) {
            sql.append(" and subject_index = :subject");
            params.put("subject", f.subject().bytes());
        }
        if (f.organization() != null) {
            sql.append(" and organization ilike :org escape '\\'");
            params.put("org", like(f.organization()));
        }
        if (f.department() != null) {
            sql.append(" and department_code = :dept");
            params.put("dept", f.department().value());
        }
        if (f.purpose() != null) {
            sql.append(" and purpose ilike :purpose escape '\\'");
            params.put("purpose", like(f.purpose()));
        }
        if (f.kind() != null) {
            sql.append(" and kind = :kind");
            params.put("kind", f.kind());
        }
        if (f.refused() != null) {
            sql.append(" and refused = :refused");
            params.put("refused", f.refused());
        }
        if (f.from() != null) {
            sql.append(" and queried_at >= :from");
            params.put("from", Timestamp.from(f.from()));
        }
        if (f.until() != null) {
            sql.append(" and queried_at < :until");
            params.put("until", Timestamp.from(f.until()));
        }
        return sql.toString();
    }

    /** A part of a text as an ilike pattern, its own % and _ taken literally. */
    static String like(String part) {
        return "%" + part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @Override
    public List<Entry> of(SubjectKey subject, Instant since) {
        return jdbc.sql("select * from inquiry_query where subject_index = :s and queried_at >= :since "
                        + "order by queried_at desc, id desc limit 1000")
                .param("s", subject.bytes()).param("since", Timestamp.from(since)).query(JdbcQueryLog::map).list();
    }

    @Override
    public List<Entry> recent(int limit) {
        return jdbc.sql("select * from inquiry_query order by queried_at desc, id desc limit :n").param("n", limit)
                .query(JdbcQueryLog::map).list();
    }

    @Override
    public List<Use> usesAfter(long afterId, Instant before, int limit) {
        // in id order up to the first entry not older than before: a later sweep starts there, nothing is skipped
        return jdbc.sql("select * from inquiry_query where id > :after and kind <> 'SELF' order by id limit :n")
                .param("after", afterId).param("n", limit)
                .query((rs, n) -> new Use(SubjectKeys.read(rs, "subject_index"), map(rs, n))).list()
                .stream().takeWhile(u -> u.entry().at().isBefore(before)).toList();
    }

    @Override
    public List<DayCount> queriesPerDay(LocalDate from, LocalDate to) {
        ZoneId city = ZoneId.of("Asia/Shanghai");
        return jdbc.sql("""
                        select (queried_at at time zone 'Asia/Shanghai')::date, count(*), count(*) filter (where refused)
                        from inquiry_query where queried_at >= :from and queried_at < :to and kind <> 'MEASURE'
                        group by 1 order by 1""")
                .param("from", Timestamp.from(from.atStartOfDay(city).toInstant()))
                .param("to", Timestamp.from(to.atStartOfDay(city).toInstant()))
                .query((rs, n) -> new DayCount(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3))).list();
    }

    /**
     * Writes a use of the person's data, allowed (with the number of its report, if one was issued) or refused (with
     * its refusal code), in the caller's transaction.
     *
     * @param actorName the clerk's real name or the system's registered name ({@link ActorNames}), null when unknown
     */
    long add(SubjectKey subject, String masked, Asker asker, String actorName, boolean refused, String code, String reportNumber,
            Instant at) {
        return add(subject, masked, asker, actorName, refused, code, reportNumber, null, at);
    }

    /**
     * The same, with what was answered in one line of Chinese (another city's mutual query: what crossed the region).
     */
    long add(SubjectKey subject, String masked, Asker asker, String actorName, boolean refused, String code, String reportNumber,
            String answer, Instant at) {
        return jdbc.sql(INSERT + " returning id").paramSource(params(new NewEntry(subject, masked, asker, actorName, refused, code,
                reportNumber, answer, at))).query(Long.class).single();
    }

    /** An entry to add; see {@link #addAll}. */
    record NewEntry(SubjectKey subject, String masked, Asker asker, String actorName, boolean refused, String code, String reportNumber,
            String answer, Instant at) {

        NewEntry(SubjectKey subject, String masked, Asker asker, String actorName, boolean refused, String code, String reportNumber,
                Instant at) {
            this(subject, masked, asker, actorName, refused, code, reportNumber, null, at);
        }
    }

    /** Several entries in one statement (one batch), in their order: the uses of a group commit. */
    void addAll(List<NewEntry> entries) {
        if (!entries.isEmpty()) {
            named.batchUpdate(INSERT, entries.stream().map(JdbcQueryLog::params)
                    .toArray(SqlParameterSource[]::new));
        }
    }

    private static final String INSERT = """
            insert into inquiry_query (subject_index, masked_id, kind, organization, department_code, actor, actor_name, purpose,
                authorization_id, basis, refused, refusal_code, report_number, answer, queried_at)
            values (:s, :masked, :kind, :org, :dept, :actor, :actorName, :purpose, :auth, :basis, :refused, :code, :report, :answer,
                :at)""";

    private static SqlParameterSource params(NewEntry e) {
        Asker asker = e.asker();
        return new MapSqlParameterSource()
                .addValue("s", e.subject().bytes()).addValue("masked", e.masked()).addValue("kind", asker.kind().name())
                .addValue("org", UnicodeText.truncate(asker.organization(), 200))
                .addValue("dept", DepartmentCodes.value(asker.departmentCode())).addValue("actor", asker.clerk())
                .addValue("purpose", asker.purpose())
                .addValue("actorName", e.actorName()).addValue("basis", asker.authorizationText() == null ? null
                        : UnicodeText.truncate(asker.authorizationText(), 300))
                .addValue("auth", asker.authorizationId(), Types.BIGINT).addValue("refused", e.refused())
                .addValue("code", e.code(), Types.VARCHAR).addValue("report", e.reportNumber(), Types.VARCHAR)
                .addValue("answer", e.answer() == null ? null : UnicodeText.truncate(e.answer(), 300), Types.VARCHAR)
                .addValue("at", Timestamp.from(e.at()));
    }

    static Entry map(ResultSet rs, int n) throws SQLException {
        QueryKind kind = QueryKind.valueOf(rs.getString("kind"));
        boolean refused = rs.getBoolean("refused");
        String code = rs.getString("refusal_code");
        String reason = refused ? RefusalReasons.of(code) : null;
        String report = rs.getString("report_number");
        return new Entry(rs.getLong("id"), rs.getTimestamp("queried_at").toInstant(), kind.name(), kind.label(),
                rs.getString("organization"), DepartmentCodes.read(rs, "department_code"), rs.getString("actor"),
                rs.getString("actor_name"), rs.getString("purpose"), (Long) rs.getObject("authorization_id"), rs.getString("basis"),
                refused, code, reason, report, outcome(kind, refused, reason, report, rs.getString("answer")), rs.getString("masked_id"));
    }

    /** What came of a use, in the words the person reads; what was answered where the entry keeps it (a mutual query). */
    static String outcome(QueryKind kind, boolean refused, String reason, String reportNumber, String answer) {
        if (refused) {
            return "已拒绝：" + reason;
        }
        return switch (kind) {
            case STATUS -> "已答复信用状况";
            case MUTUAL -> answer == null ? "已答复信用状况" : "已答复：" + answer;
            case MEASURE -> "已核查";
            case ARCHIVE, STUDENT_ARCHIVE -> "已查阅档案";
            default -> reportNumber == null ? "已查询" : "已出具 " + reportNumber;
        };
    }
}
