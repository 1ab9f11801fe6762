package org.chengxin.inquiry.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.IssuedReports;
import org.chengxin.inquiry.domain.ReportScope;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.chengxin.shared.text.UnicodeText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcIssuedReports implements IssuedReports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    JdbcIssuedReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Issued> byVerificationCode(String code) {
        if (code == null || code.isBlank() || UnicodeText.longerThan(code.strip(), 20)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from inquiry_report where verification_code = :c").param("c", code.strip().toUpperCase(Locale.ROOT))
                .query((rs, n) -> new Issued(rs.getString("report_number"), rs.getString("verification_code"),
                        rs.getTimestamp("issued_at").toInstant(), rs.getObject("valid_until", LocalDate.class), rs.getString("masked_id"),
                        rs.getString("scope"), rs.getString("content_sha256"), rs.getString("pdf_sha256")))
                .optional();
    }

    long nextSequence() {
        return jdbc.sql("select nextval('inquiry_report_seq')").query(Long.class).single();
    }

    /** Keeps an issued report, its content as issued and the query it answered. */
    void store(CreditReport report, SubjectKey subject, String masked, ReportScope scope, long queryId) {
        jdbc.sql("""
                insert into inquiry_report (report_number, verification_code, issued_at, valid_until, subject_index, masked_id,
                    scope, content_sha256, query_id, content)
                values (:n, :code, :at, :until, :s, :masked, :scope, :hash, :query, cast(:content as jsonb))""")
                .param("n", report.reportNumber()).param("code", report.verificationCode()).param("at", Timestamp.from(report.issuedAt()))
                .param("until", report.validUntil())
                .param("s", subject.bytes()).param("masked", masked).param("scope", scope.name()).param("hash", report.contentHash())
                .param("query", queryId).param("content", JSON.writeValueAsString(report)).update();
    }

    /** A report the person asked about themselves, by number. */
    Optional<CreditReport> selfReport(String number, SubjectKey subject) {
        return jdbc.sql("""
                select r.content from inquiry_report r join inquiry_query q on q.id = r.query_id
                where r.report_number = :n and r.subject_index = :s and q.kind = 'SELF'""")
                .param("n", number).param("s", subject.bytes())
                .query(String.class).optional().map(json -> JSON.readValue(json, CreditReport.class));
    }

    /** A report issued to a member of staff or a system (by its login name or client id), by number. */
    Optional<CreditReport> reportTo(String actor, String number) {
        return jdbc.sql("""
                select r.content from inquiry_report r join inquiry_query q on q.id = r.query_id
                where r.report_number = :n and q.actor = :actor and q.kind <> 'SELF'""")
                .param("n", number).param("actor", actor)
                .query(String.class).optional().map(json -> JSON.readValue(json, CreditReport.class));
    }

    @Override
    public Optional<Boolean> isTheIssuedFile(Issued issued, byte[] file) {
        String recorded = issued.pdfSha256();
        if (recorded == null || recorded.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(MessageDigest.isEqual(Sha256.hex(file).getBytes(StandardCharsets.US_ASCII),
                recorded.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public void recordPdf(String reportNumber, String pdfSha256) {
        jdbc.sql("update inquiry_report set pdf_sha256 = :h where report_number = :n").param("h", pdfSha256).param("n", reportNumber)
                .update();
    }

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String WINDOW_COLUMNS = """
            select r.report_number, r.issued_at, r.masked_id, r.content -> 'subject' ->> 'name' as subject_name, r.scope,
                r.valid_until, q.department_code, q.actor_name, q.actor
            from inquiry_report r join inquiry_query q on q.id = r.query_id""";

    @Override
    public PageResult<WindowReport> windowReports(WindowFilter filter, PageRequest request) {
        Where where = where(filter);
        long total = where.apply(jdbc.sql("select count(*) from inquiry_report r join inquiry_query q on q.id = r.query_id" + where.sql))
                .query(Long.class).single();
        List<WindowReport> items = where.apply(jdbc.sql(WINDOW_COLUMNS + where.sql + " order by "
                        + request.orderBy(WINDOW_REPORT_SORTS, "r.report_number") + " limit :limit offset :offset"))
                .param("limit", request.size()).param("offset", request.offset())
                .query((rs, n) -> windowReport(rs)).list();
        return new PageResult<>(items, total, request);
    }

    @Override
    public long eachWindowReport(WindowFilter filter, PageRequest order, int limit, Consumer<WindowReport> each) {
        Where where = where(filter);
        long[] count = {0};
        where.apply(jdbc.sql(WINDOW_COLUMNS + where.sql + " order by " + order.orderBy(WINDOW_REPORT_SORTS, "r.report_number")
                        + " limit :limit"))
                .param("limit", limit)
                .query((RowCallbackHandler) rs -> {
                    each.accept(windowReport(rs));
                    count[0]++;
                });
        return count[0];
    }

    private static WindowReport windowReport(ResultSet rs) throws SQLException {
        String name = rs.getString("subject_name");
        String department = rs.getString("department_code");
        return new WindowReport(rs.getString("report_number"), rs.getTimestamp("issued_at").toInstant(), rs.getString("masked_id"),
                name == null || name.isBlank() ? null : Masking.name(name), rs.getString("scope"), rs.getObject("valid_until", LocalDate.class),
                department == null ? null : DepartmentCode.of(department), rs.getString("actor_name"), rs.getString("actor"));
    }

    /** The {@code where} of the list and its parameters; nothing from the request but bound values. */
    private record Where(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec apply(JdbcClient.StatementSpec statement) {
            params.forEach(statement::param);
            return statement;
        }
    }

    private static Where where(WindowFilter filter) {
        // the kind as a literal: only reports the window clerks issued
        StringBuilder sql = new StringBuilder(" where q.kind = 'WINDOW'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.department() != null) {
            sql.append(" and q.department_code = :d");
            params.put("d", filter.department().value());
        }
        if (filter.subjects() != null) {
            sql.append(" and r.subject_index = any(:subjects)");
            params.put("subjects", SubjectKeys.array(filter.subjects()));
        }
        if (filter.reportNumber() != null) {
            sql.append(" and strpos(upper(r.report_number), upper(:number)) > 0");
            params.put("number", filter.reportNumber());
        }
        if (filter.from() != null) {
            sql.append(" and r.issued_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(CITY).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and r.issued_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(CITY).toInstant()));
        }
        return new Where(sql.toString(), params);
    }
}
