package org.chengxin.remedies.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.chengxin.remedies.domain.Channel;
import org.chengxin.remedies.domain.Commitment;
import org.chengxin.remedies.domain.RepairApplication;
import org.chengxin.remedies.domain.RepairStatus;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The repair applications' table: statements and row mapping only. */
@Component
class JdbcRepairs {

    private static final String SELECT = "select * from remedies_repair";

    private final JdbcClient jdbc;

    JdbcRepairs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RepairApplication insert(RepairApplication a) {
        long id = jdbc.sql("""
                insert into remedies_repair (record_id, subject_index, department_code, item_code, fulfilment, local_ways,
                    commitment, channel, filed_by, filed_at, due_on, status, decided_by, decided_at, decision_reason, late)
                values (:record, :s, :dept, :item, :fulfilment, :ways, :commitment, :channel, :by, :at, :due,
                    :status, :decidedBy, :decidedAt, :reason, :late)
                returning id""")
                .param("record", a.recordId()).param("s", a.subject().bytes()).param("dept", a.departmentCode().value())
                .param("item", a.itemCode()).param("fulfilment", a.fulfilment()).param("ways", a.localWays())
                .param("commitment", a.commitment().name()).param("channel", a.channel().name()).param("by", a.filedBy())
                .param("at", Timestamp.from(a.filedAt())).param("due", a.dueOn()).param("status", a.status().name())
                .param("decidedBy", a.decidedBy()).param("decidedAt", ts(a.decidedAt())).param("reason", a.decisionReason())
                .param("late", a.late())
                .query(Long.class).single();
        return a.withId(id);
    }

    /** Keeps the records the person named as proof of a local way of repair. */
    void keepProof(long repairId, Collection<Long> recordIds) {
        for (long recordId : recordIds) {
            jdbc.sql("""
                    insert into remedies_repair_proof (repair_id, record_id, subject_index)
                    select id, :record, subject_index from remedies_repair where id = :repair""")
                    .param("repair", repairId).param("record", recordId).update();
        }
    }

    List<Long> proofOf(long repairId) {
        return jdbc.sql("select record_id from remedies_repair_proof where repair_id = :id order by record_id")
                .param("id", repairId).query(Long.class).list();
    }

    void update(RepairApplication a) {
        jdbc.sql("""
                update remedies_repair set status = :status, decided_by = :by, decided_at = :at, decision_reason = :reason,
                    late = :late, escalated_at = :escalatedAt
                where id = :id""")
                .param("status", a.status().name()).param("by", a.decidedBy()).param("at", ts(a.decidedAt()))
                .param("reason", a.decisionReason()).param("late", a.late()).param("escalatedAt", ts(a.escalatedAt()))
                .param("id", a.id()).update();
    }

    Optional<RepairApplication> lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(this::map).optional();
    }

    Optional<RepairApplication> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
    }

    /** The rows of these ids (in no particular order). */
    List<RepairApplication> byIds(List<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql(SELECT + " where id in (:ids)").param("ids", ids).query(this::map).list();
    }

        boolean openFor(long recordId) {
        return jdbc.sql("select exists (select 1 from remedies_repair where record_id = :r and status = 'OPEN')")
                .param("r", recordId).query(Boolean.class).single();
    }

    List<RepairApplication> ofSubject(SubjectKey subject) {
        return jdbc.sql(SELECT + " where subject_index = :s order by filed_at desc, id desc")
                .param("s", subject.bytes()).query(this::map).list();
    }

    List<RepairApplication> ofDepartment(DepartmentCode departmentCode, boolean openOnly, int limit) {
        return jdbc.sql(SELECT + " where department_code = :d" + (openOnly ? " and status = 'OPEN'" : "")
                        + " order by (status = 'OPEN') desc, case when status = 'OPEN' then due_on end,"
                        + " decided_at desc nulls last, id desc limit :n")
                .param("d", departmentCode.value()).param("n", limit).query(this::map).list();
    }

    List<Long> dueForEscalation(LocalDate today) {
        return jdbc.sql("select id from remedies_repair where status = 'OPEN' and due_on < :today and escalated_at is null order by id")
                .param("today", today).query(Long.class).list();
    }

    List<RepairApplication> overdue(LocalDate today) {
        return jdbc.sql(SELECT + " where status = 'OPEN' and due_on < :today order by due_on, id").param("today", today)
                .query(this::map).list();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private RepairApplication map(ResultSet rs, int row) throws SQLException {
        return new RepairApplication(rs.getLong("id"), rs.getLong("record_id"), SubjectKeys.read(rs, "subject_index"),
                DepartmentCode.of(rs.getString("department_code")), rs.getString("item_code"), rs.getString("fulfilment"), rs.getString("local_ways"),
                Commitment.valueOf(rs.getString("commitment")), Channel.valueOf(rs.getString("channel")), rs.getString("filed_by"),
                instant(rs, "filed_at"), rs.getObject("due_on", LocalDate.class), RepairStatus.valueOf(rs.getString("status")),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_reason"), rs.getBoolean("late"),
                instant(rs, "escalated_at"));
    }
}
