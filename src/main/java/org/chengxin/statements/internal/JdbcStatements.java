package org.chengxin.statements.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.statements.domain.OwnStatement;
import org.chengxin.statements.domain.PrecheckFlag;
import org.chengxin.statements.domain.RejectionGround;
import org.chengxin.statements.domain.StatementStatus;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The statements' table: statements and row mapping only. What a change may do is decided by the domain. */
@Repository
class JdbcStatements {

    private static final String COLUMNS = "id, subject_index, record_id, version, text, flags, status, submitted_by, submitted_at, "
            + "reviewed_by, reviewed_at, rejection_ground, rejection_reason, closed_at";

    private final JdbcClient jdbc;

    JdbcStatements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version of the person's statement on one record, locked for a change when {@code forUpdate}. */
    List<OwnStatement> history(SubjectKey subject, long recordId, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from statements_statement where subject_index = :s and record_id = :r order by version"
                        + (forUpdate ? " for update" : ""))
                .param("s", subject.bytes()).param("r", recordId).query(this::map).list();
    }

    List<OwnStatement> allOf(SubjectKey subject) {
        return jdbc.sql("select " + COLUMNS + " from statements_statement where subject_index = :s order by record_id, version")
                .param("s", subject.bytes()).query(this::map).list();
    }

    Optional<OwnStatement> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from statements_statement where id = :id").param("id", id).query(this::map).optional();
    }

    List<OwnStatement> pending(int limit) {
        return jdbc.sql("select " + COLUMNS + " from statements_statement where status = 'PENDING' order by submitted_at, id limit :n")
                .param("n", limit).query(this::map).list();
    }

    Map<Long, List<String>> published(SubjectKey subject) {
        Map<Long, List<String>> byRecord = new LinkedHashMap<>();
        jdbc.sql("select record_id, text from statements_statement where subject_index = :s and status = 'PUBLISHED' "
                        + "order by record_id, version")
                .param("s", subject.bytes())
                .query((RowCallbackHandler) rs -> byRecord.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
        return byRecord;
    }

    List<String> publishedOn(long recordId) {
        return jdbc.sql("select text from statements_statement where record_id = :r and status = 'PUBLISHED' order by version")
                .param("r", recordId).query(String.class).list();
    }

    long insert(OwnStatement s) {
        return jdbc.sql("""
                insert into statements_statement (subject_index, record_id, version, text, flags, status, submitted_by, submitted_at)
                values (:s, :r, :v, :t, :f, :st, :by, :at) returning id""")
                .param("s", s.subject().bytes()).param("r", s.recordId()).param("v", s.version()).param("t", s.text())
                .param("f", s.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("st", s.status().name()).param("by", s.submittedBy()).param("at", Timestamp.from(s.submittedAt()))
                .query(Long.class).single();
    }

    void update(OwnStatement s) {
        jdbc.sql("""
                update statements_statement set status = :st, reviewed_by = :rb, reviewed_at = :ra, rejection_ground = :g,
                       rejection_reason = :why, closed_at = :c
                where id = :id""")
                .param("st", s.status().name()).param("rb", s.reviewedBy()).param("ra", timestamp(s.reviewedAt()))
                .param("g", s.rejectionGround() == null ? null : s.rejectionGround().name()).param("why", s.rejectionReason())
                .param("c", timestamp(s.closedAt())).param("id", s.id()).update();
    }

    private OwnStatement map(ResultSet rs, int n) throws SQLException {
        String ground = rs.getString("rejection_ground");
        return new OwnStatement(rs.getLong("id"), SubjectKey.of(rs.getBytes("subject_index")), rs.getLong("record_id"),
                rs.getInt("version"), rs.getString("text"), flags(rs.getString("flags")), StatementStatus.valueOf(rs.getString("status")),
                rs.getString("submitted_by"), instant(rs.getTimestamp("submitted_at")), rs.getString("reviewed_by"),
                instant(rs.getTimestamp("reviewed_at")), ground == null ? null : RejectionGround.valueOf(ground),
                rs.getString("rejection_reason"), instant(rs.getTimestamp("closed_at")));
    }

    private static Set<PrecheckFlag> flags(String raw) {
        Set<PrecheckFlag> flags = EnumSet.noneOf(PrecheckFlag.class);
        if (raw != null && !raw.isBlank()) {
            Arrays.stream(raw.split(",")).map(String::strip).forEach(f -> flags.add(PrecheckFlag.valueOf(f)));
        }
        return flags;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
