package org.chengxin.inquiry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.chengxin.inquiry.IssuedReports;
import org.chengxin.shared.text.UnicodeText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcIssuedReports implements IssuedReports {

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
