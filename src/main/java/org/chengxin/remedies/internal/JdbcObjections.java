package org.chengxin.remedies.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chengxin.remedies.domain.Channel;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.remedies.domain.ObjectionStatus;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The objections' table: statements and row mapping only. */
@Component
class JdbcObjections {

    private static final String SELECT = "select * from remedies_objection";
    private static final String OPEN = "status in ('SCREENING', 'WITH_DEPARTMENT')";
    /** Passed on to the department at screening: dismissed ones and those withdrawn before screening never were. */
    private static final String PASSED_ON = "screened_at is not null and status not in ('SCREENING', 'DISMISSED')";

    private final JdbcClient jdbc;

    JdbcObjections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Objection insert(Objection o) {
        long id = jdbc.sql("""
                insert into remedies_objection (record_id, record_version, subject_index, department_code, item_code, field,
                    grounds, requested_value, channel, filed_by, filed_at, due_on, status)
                values (:record, :version, :s, :dept, :item, :field, :grounds, :value, :channel, :by, :at, :due,
                    :status)
                returning id""")
                .param("record", o.recordId()).param("version", o.recordVersion()).param("s", o.subject().bytes())
                .param("dept", o.departmentCode().value()).param("item", o.itemCode()).param("field", o.field())
                .param("grounds", o.grounds()).param("value", o.requestedValue()).param("channel", o.channel().name())
                .param("by", o.filedBy()).param("at", Timestamp.from(o.filedAt())).param("due", o.dueOn())
                .param("status", o.status().name())
                .query(Long.class).single();
        return o.withId(id);
    }

    /** Writes what a step changed: status, screening, decision, escalation. */
    void update(Objection o) {
        jdbc.sql("""
                update remedies_objection set status = :status, screened_by = :screenedBy, screened_at = :screenedAt,
                    decided_by = :decidedBy, decided_at = :decidedAt, decision_reason = :reason, corrected_value = :value,
                    escalated_at = :escalatedAt, late = :late
                where id = :id""")
                .param("status", o.status().name()).param("screenedBy", o.screenedBy()).param("screenedAt", ts(o.screenedAt()))
                .param("decidedBy", o.decidedBy()).param("decidedAt", ts(o.decidedAt())).param("reason", o.decisionReason())
                .param("value", o.correctedValue()).param("escalatedAt", ts(o.escalatedAt())).param("late", o.late())
                .param("id", o.id()).update();
    }

    Optional<Objection> lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(this::map).optional();
    }

    Optional<Objection> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
    }

    /** The rows of these ids (in no particular order). */
    List<Objection> byIds(List<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql(SELECT + " where id in (:ids)").param("ids", ids).query(this::map).list();
    }

        boolean openFor(long recordId) {
        return jdbc.sql("select exists (select 1 from remedies_objection where record_id = :r and " + OPEN + ")")
                .param("r", recordId).query(Boolean.class).single();
    }

    List<Objection> ofSubject(SubjectKey subject) {
        return jdbc.sql(SELECT + " where subject_index = :s order by filed_at desc, id desc")
                .param("s", subject.bytes()).query(this::map).list();
    }

    List<Objection> inStatus(ObjectionStatus status, int limit) {
        return jdbc.sql(SELECT + " where status = :status order by due_on, id limit :n")
                .param("status", status.name()).param("n", limit).query(this::map).list();
    }

    /** A department's objections: open ones first by deadline, then the answered ones, newest first. */
    List<Objection> ofDepartment(DepartmentCode departmentCode, boolean openOnly, int limit) {
        return jdbc.sql(SELECT + " where department_code = :d and " + PASSED_ON
                        + (openOnly ? " and status = 'WITH_DEPARTMENT'" : "")
                        + " order by (status = 'WITH_DEPARTMENT') desc, case when status = 'WITH_DEPARTMENT' then due_on end,"
                        + " decided_at desc nulls last, id desc limit :n")
                .param("d", departmentCode.value()).param("n", limit).query(this::map).list();
    }

    /** Open objections past their day that nobody has been told about yet. */
    List<Long> dueForEscalation(LocalDate today) {
        return jdbc.sql("select id from remedies_objection where " + OPEN + " and due_on < :today and escalated_at is null order by id")
                .param("today", today).query(Long.class).list();
    }

    /** Every open objection past its day, escalated or not: the administrator's list. */
    List<Objection> overdue(LocalDate today) {
        return jdbc.sql(SELECT + " where " + OPEN + " and due_on < :today order by due_on, id").param("today", today)
                .query(this::map).list();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private Objection map(ResultSet rs, int row) throws SQLException {
        return new Objection(rs.getLong("id"), rs.getLong("record_id"), rs.getInt("record_version"), SubjectKeys.read(rs, "subject_index"),
                DepartmentCode.of(rs.getString("department_code")), rs.getString("item_code"), rs.getString("field"), rs.getString("grounds"),
                rs.getString("requested_value"), Channel.valueOf(rs.getString("channel")), rs.getString("filed_by"),
                instant(rs, "filed_at"), rs.getObject("due_on", LocalDate.class), ObjectionStatus.valueOf(rs.getString("status")),
                rs.getString("screened_by"), instant(rs, "screened_at"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("decision_reason"), rs.getString("corrected_value"), instant(rs, "escalated_at"), rs.getBoolean("late"));
    }
}
