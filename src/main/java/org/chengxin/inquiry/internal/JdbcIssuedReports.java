package org.chengxin.inquiry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.IssuedReports;
import org.chengxin.inquiry.domain.ReportScope;
import org.chengxin.shared.subject.SubjectKey;
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
}
