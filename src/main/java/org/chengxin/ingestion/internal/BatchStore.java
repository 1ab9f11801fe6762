package org.chengxin.ingestion.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.chengxin.ingestion.BatchFormat;
import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.BatchReport.BatchStatus;
import org.chengxin.ingestion.DepartmentFigures;
import org.chengxin.ingestion.PushMonth;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.BatchFilter;
import org.chengxin.ingestion.RecordBatches.RejectionFilter;
import org.chengxin.ingestion.domain.Rejection;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The batches and their rejections in PostgreSQL. */
@Component
class BatchStore {

    private static final int REPORTED_REJECTIONS = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    BatchStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * A new batch, received at {@code at} (the platform's clock, for the timeliness rules); its activity is stamped with
     * the database's clock, the one {@link #interruptUnfinished} compares it with (a platform clock set elsewhere must not
     * make a new batch look abandoned).
     */
    long create(DepartmentCode department, String by, BatchFormat format, String fileName, boolean atomic, Instant at) {
        return jdbc.sql("""
                insert into ingestion_batch (department_code, submitted_by, format, file_name, atomic, status, submitted_at,
                    last_activity_at)
                values (:d, :by, :f, :name, :atomic, 'RECEIVED', :at, now()) returning id""")
                .param("d", department.value()).param("by", by).param("f", format.name()).param("name", fileName)
                .param("atomic", atomic).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    void status(long id, BatchStatus status) {
        jdbc.sql("update ingestion_batch set status = :s, last_activity_at = now() where id = :id").param("s", status.name())
                .param("id", id).update();
    }

    /** The expected number of rows, known before processing for line-based files. */
    void expect(long id, int total) {
        jdbc.sql("update ingestion_batch set total = :t, last_activity_at = now() where id = :id").param("t", total).param("id", id).update();
    }

    void progress(long id, Counts c) {
        jdbc.sql("""
                update ingestion_batch set processed = :p, accepted = :a, corrected = :c, unchanged = :u, ended = :e, rejected = :r,
                    timeliness_days = :t, late_rows = :late, last_activity_at = now() where id = :id""")
                .param("p", c.processed).param("a", c.accepted).param("c", c.corrected).param("u", c.unchanged)
                .param("e", c.ended).param("r", c.rejected).param("t", c.daysToPush).param("late", c.late).param("id", id).update();
    }

    void finish(long id, BatchStatus status, Counts c, String failure, Instant at) {
        progress(id, c);
        jdbc.sql("update ingestion_batch set status = :s, total = :total, failure = :f, finished_at = :at where id = :id")
                .param("s", status.name()).param("total", c.processed).param("f", failure).param("at", Timestamp.from(at))
                .param("id", id).update();
    }

    /**
     * Ends as interrupted the batches left received or processing without any activity for {@code quiet}: their
     * instance stopped or died. Running and queued batches are touched by their instance at a fraction of that
     * period (and report progress at every chunk), so another instance's are safe.
     */
    int interruptUnfinished(String failure, Instant at, Duration quiet) {
        // activity is stamped with the database's clock: compared with the same clock
        return jdbc.sql("""
                update ingestion_batch set status = 'INTERRUPTED', failure = :f, finished_at = :at,
                    accepted = case when atomic then 0 else accepted end, corrected = case when atomic then 0 else corrected end,
                    unchanged = case when atomic then 0 else unchanged end, ended = case when atomic then 0 else ended end, timeliness_days = case when atomic then 0 else timeliness_days end,
                    late_rows = case when atomic then 0 else late_rows end
                where status in ('RECEIVED', 'PROCESSING') and last_activity_at < now() - make_interval(secs => :quiet)""")
                .param("f", failure).param("at", Timestamp.from(at)).param("quiet", (double) quiet.toSeconds()).update();
    }

    /** Ends the given batches, if still unfinished, as interrupted (a stop hands them back). */
    int interrupt(Collection<Long> ids, String failure, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update ingestion_batch set status = 'INTERRUPTED', failure = :f, finished_at = :at,
                    accepted = case when atomic then 0 else accepted end, corrected = case when atomic then 0 else corrected end,
                    unchanged = case when atomic then 0 else unchanged end, ended = case when atomic then 0 else ended end, timeliness_days = case when atomic then 0 else timeliness_days end,
                    late_rows = case when atomic then 0 else late_rows end
                where id in (select unnest(:ids)) and status in ('RECEIVED', 'PROCESSING')""")
                .param("f", failure).param("at", Timestamp.from(at)).param("ids", ids.toArray(Long[]::new)).update();
    }

    /** Batches still queued in this instance are alive, whatever their age. */
    void touch(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update ingestion_batch set last_activity_at = now() where id in (select unnest(:ids))")
                    .param("ids", ids.toArray(Long[]::new)).update();
        }
    }

    void reject(long batchId, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        template.batchUpdate("insert into ingestion_rejection (batch_id, row_no, field, code, message, source_id) values (?, ?, ?, ?, ?, ?)",
                rejections.stream().map(r -> new Object[] {batchId, r.rowNo(), cut(r.field(), FIELD_LENGTH), r.code(),
                    cut(r.message(), MESSAGE_LENGTH), r.sourceId()}).toList());
    }

    /** The columns' lengths (V3): a message that quotes a long value, a field named by a long column, is cut to fit. */
    static final int FIELD_LENGTH = 60;
    static final int MESSAGE_LENGTH = 500;

    /**
     * The text cut to at most {@code max} characters (code points, as PostgreSQL counts them), the cut marked by "…";
     * without the cut a rejection quoting a 5,000-character value failed its whole batch (issue 19 item 5).
     */
    static String cut(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    Optional<BatchReport> report(long id, DepartmentCode department) {
        return jdbc.sql("select * from ingestion_batch where id = :id and department_code = :d").param("id", id)
                .param("d", department.value()).query((rs, n) -> map(rs, firstRejections(id))).optional();
    }

    List<BatchReport> ofDepartment(DepartmentCode department, int limit) {
        return jdbc.sql("select * from ingestion_batch where department_code = :d order by id desc limit :n")
                .param("d", department.value()).param("n", limit).query((rs, n) -> map(rs, List.of())).list();
    }

    PageResult<BatchReport> page(BatchFilter filter, PageRequest request) {
        Where where = where(filter);
        long total = where.apply(jdbc.sql("select count(*) from ingestion_batch" + where.sql)).query(Long.class).single();
        List<BatchReport> items = where.apply(jdbc.sql("select * from ingestion_batch" + where.sql + " order by "
                        + request.orderBy(RecordBatches.BATCH_SORTS, "id") + " limit :limit offset :offset"))
                .param("limit", request.size()).param("offset", request.offset())
                .query((rs, n) -> map(rs, List.of())).list();
        return new PageResult<>(items, total, request);
    }

    long each(BatchFilter filter, PageRequest order, int limit, Consumer<BatchReport> each) {
        Where where = where(filter);
        long[] count = {0};
        where.apply(jdbc.sql("select * from ingestion_batch" + where.sql + " order by "
                        + order.orderBy(RecordBatches.BATCH_SORTS, "id") + " limit :limit"))
                .param("limit", limit)
                .query((RowCallbackHandler) rs -> {
                    each.accept(map(rs, List.of()));
                    count[0]++;
                });
        return count[0];
    }

    /** The {@code where} of a batch list and its parameters; nothing from the request but bound values. */
    private record Where(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec apply(JdbcClient.StatementSpec statement) {
            params.forEach(statement::param);
            return statement;
        }
    }

    private static Where where(BatchFilter filter) {
        ZoneId city = ZoneId.of("Asia/Shanghai");
        StringBuilder sql = new StringBuilder(" where department_code = :d");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("d", filter.department().value());
        if (filter.status() != null) {
            sql.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.from() != null) {
            sql.append(" and submitted_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(city).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and submitted_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(city).toInstant()));
        }
        if (filter.fileName() != null && !filter.fileName().isBlank()) {
            sql.append(" and strpos(lower(coalesce(file_name, '')), lower(:file)) > 0");
            params.put("file", filter.fileName().strip());
        }
        if (filter.withRejections()) {
            sql.append(" and rejected > 0");
        }
        return new Where(sql.toString(), params);
    }

    List<DepartmentFigures> figures() {
        return jdbc.sql("""
                select department_code, count(*) batches, sum(processed) as row_count, sum(accepted) accepted,
                    sum(corrected) corrected, sum(rejected) rejected, sum(timeliness_days) days, sum(late_rows) late
                from ingestion_batch group by department_code order by department_code""")
                .query((rs, n) -> {
                    long rows = rs.getLong("row_count");
                    long stored = rs.getLong("accepted") + rs.getLong("corrected");
                    return new DepartmentFigures(DepartmentCode.of(rs.getString("department_code")), rs.getLong("batches"),
                            rows, rs.getLong("accepted"), rs.getLong("corrected"), rs.getLong("rejected"),
                            rows == 0 ? 0 : rs.getLong("rejected") / (double) rows,
                            stored == 0 ? 0 : rs.getLong("days") / (double) stored, rs.getLong("late"));
                }).list();
    }

    List<PushMonth> monthlyFigures(LocalDate from, LocalDate to) {
        ZoneId city = ZoneId.of("Asia/Shanghai");
        return jdbc.sql("""
                select department_code, extract(year from m)::int, extract(month from m)::int, count(*), sum(processed), sum(rejected)
                from (select department_code, processed, rejected, (submitted_at at time zone 'Asia/Shanghai') as m from ingestion_batch
                      where submitted_at >= :from and submitted_at < :to) b
                group by 1, 2, 3""")
                .param("from", Timestamp.from(from.atStartOfDay(city).toInstant()))
                .param("to", Timestamp.from(to.atStartOfDay(city).toInstant()))
                .query((rs, n) -> new PushMonth(DepartmentCode.of(rs.getString(1)), YearMonth.of(rs.getInt(2), rs.getInt(3)),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }

    void rejections(long batchId, Consumer<Rejection> each) {
        template.query(con -> {
            con.setAutoCommit(false);
            var ps = con.prepareStatement("select row_no, field, code, message, source_id from ingestion_rejection where batch_id = ? order by row_no");
            ps.setLong(1, batchId);
            ps.setFetchSize(5000);
            return ps;
        }, rs -> {
            each.accept(rejection(rs));
        });
    }

    private List<Rejection> firstRejections(long id) {
        return jdbc.sql("select row_no, field, code, message, source_id from ingestion_rejection where batch_id = :id order by row_no limit "
                + REPORTED_REJECTIONS).param("id", id)
                .query((rs, n) -> rejection(rs)).list();
    }

    private static Rejection rejection(ResultSet rs) throws SQLException {
        return new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    private static final String REJECTION_COLUMNS = "select row_no, field, code, message, source_id from ingestion_rejection";
    private static final String REJECTION_TIE = "row_no, code, field";

    /** One page of a batch's rejections matching the filter, with the total; the filter is applied in SQL. */
    PageResult<Rejection> rejectionPage(long batchId, RejectionFilter filter, PageRequest request) {
        Where where = where(batchId, filter);
        long total = where.apply(jdbc.sql("select count(*) from ingestion_rejection" + where.sql)).query(Long.class).single();
        List<Rejection> items = where.apply(jdbc.sql(REJECTION_COLUMNS + where.sql + " order by "
                        + request.orderBy(RecordBatches.REJECTION_SORTS, REJECTION_TIE) + " limit :limit offset :offset"))
                .param("limit", request.size()).param("offset", request.offset())
                .query((rs, n) -> rejection(rs)).list();
        return new PageResult<>(items, total, request);
    }

    long eachRejection(long batchId, RejectionFilter filter, PageRequest order, int limit, Consumer<Rejection> each) {
        Where where = where(batchId, filter);
        long[] count = {0};
        where.apply(jdbc.sql(REJECTION_COLUMNS + where.sql + " order by " + order.orderBy(RecordBatches.REJECTION_SORTS, REJECTION_TIE)
                        + " limit :limit"))
                .param("limit", limit)
                .query((RowCallbackHandler) rs -> {
                    each.accept(rejection(rs));
                    count[0]++;
                });
        return count[0];
    }

    /** The codes a batch's rejections carry, each with one of its messages, and the fields they name (the filter's choices). */
    Map<String, String> rejectionCodes(long batchId) {
        Map<String, String> codes = new LinkedHashMap<>();
        jdbc.sql("select code, min(message) from ingestion_rejection where batch_id = :id group by code order by code").param("id", batchId)
                .query((RowCallbackHandler) rs -> codes.put(rs.getString(1), rs.getString(2)));
        return codes;
    }

    List<String> rejectedFields(long batchId) {
        return jdbc.sql("select distinct field from ingestion_rejection where batch_id = :id and field is not null order by field")
                .param("id", batchId).query(String.class).list();
    }

    private static Where where(long batchId, RejectionFilter filter) {
        StringBuilder sql = new StringBuilder(" where batch_id = :batch");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("batch", batchId);
        if (filter.rowFrom() != null) {
            sql.append(" and row_no >= :rowFrom");
            params.put("rowFrom", filter.rowFrom());
        }
        if (filter.rowTo() != null) {
            sql.append(" and row_no <= :rowTo");
            params.put("rowTo", filter.rowTo());
        }
        if (filter.sourceId() != null) {
            sql.append(" and strpos(coalesce(source_id, ''), :source) > 0");
            params.put("source", filter.sourceId());
        }
        if (RejectionFilter.WHOLE_ROW.equals(filter.field())) {
            sql.append(" and field is null");
        } else if (filter.field() != null) {
            sql.append(" and field = :field");
            params.put("field", filter.field());
        }
        if (filter.code() != null) {
            sql.append(" and code = :code");
            params.put("code", filter.code());
        }
        return new Where(sql.toString(), params);
    }

    private static BatchReport map(ResultSet rs, List<Rejection> rejections) throws SQLException {
        int accepted = rs.getInt("accepted") + rs.getInt("corrected");
        Timestamp finished = rs.getTimestamp("finished_at");
        BatchStatus status = BatchStatus.valueOf(rs.getString("status"));
        return new BatchReport(rs.getLong("id"), DepartmentCode.of(rs.getString("department_code")), rs.getString("submitted_by"),
                BatchFormat.valueOf(rs.getString("format")), rs.getString("file_name"), rs.getBoolean("atomic"),
                status, (Integer) rs.getObject("total"), rs.getInt("processed"),
                rs.getInt("accepted"), rs.getInt("corrected"), rs.getInt("unchanged"), rs.getInt("ended"), rs.getInt("rejected"),
                rs.getString("failure"), BatchReport.warningFor(status, rs.getInt("processed")), rs.getTimestamp("submitted_at").toInstant(), finished == null ? null : finished.toInstant(),
                accepted == 0 ? 0 : rs.getLong("timeliness_days") / (double) accepted, rs.getInt("late_rows"), rejections);
    }

    /** The running counts of a batch. */
    static final class Counts {
        int processed;
        int accepted;
        int corrected;
        int unchanged;
        /** Rows of an upstream list that ended a record held. */
        int ended;
        int rejected;
        /** Rows refused because their bytes were not valid in the file's encoding. */
        int badEncoding;
        long daysToPush;
        int late;
    }
}
