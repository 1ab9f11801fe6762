package org.chengxin.complaints.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.chengxin.complaints.Complaints;
import org.chengxin.complaints.domain.Complaint;
import org.chengxin.complaints.domain.ComplaintChannel;
import org.chengxin.complaints.domain.ComplaintKind;
import org.chengxin.complaints.domain.ComplaintStatus;
import org.chengxin.shared.jdbc.DepartmentCodes;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The complaints' table: statements only. */
@Repository
class JdbcComplaints {

    private final JdbcClient jdbc;

    JdbcComplaints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Complaint c) {
        return jdbc.sql("""
                        insert into complaints_complaint (subject_index, masked_id, kind, channel, text, query_id, query_summary,
                            department_code, status, filed_at, filed_by, ack_due, reply_due)
                        values (:s, :masked, :kind, :channel, :text, :query, :summary, :dept, :status, :at, :by, :ackDue, :replyDue)
                        returning id""")
                .param("s", c.subject().bytes()).param("masked", c.maskedId()).param("kind", c.kind().name())
                .param("channel", c.channel().name()).param("text", c.text()).param("query", c.queryId())
                .param("summary", c.querySummary()).param("dept", DepartmentCodes.value(c.department()))
                .param("status", c.status().name()).param("at", Timestamp.from(c.filedAt())).param("by", c.filedBy())
                .param("ackDue", Date.valueOf(c.ackDue())).param("replyDue", Date.valueOf(c.replyDue()))
                .query(Long.class).single();
    }

    /** Stores a transition: the state, the department and the answer. */
    void update(Complaint c) {
        jdbc.sql("""
                        update complaints_complaint set status = :status, department_code = :dept, acknowledged_at = :ack,
                            answered_at = :answered, answered_on = :on, reply = :reply where id = :id""")
                .param("status", c.status().name()).param("dept", DepartmentCodes.value(c.department()))
                .param("ack", ts(c.acknowledgedAt())).param("answered", ts(c.answeredAt()))
                .param("on", c.answeredOn() == null ? null : Date.valueOf(c.answeredOn())).param("reply", c.reply())
                .param("id", c.id()).update();
    }

    Optional<Complaint> find(long id) {
        return jdbc.sql("select * from complaints_complaint where id = :id").param("id", id).query(JdbcComplaints::map).optional();
    }

    /** The same case locked for a transition. */
    Optional<Complaint> lock(long id) {
        return jdbc.sql("select * from complaints_complaint where id = :id for update").param("id", id).query(JdbcComplaints::map)
                .optional();
    }

    List<Complaint> of(SubjectKey subject) {
        return jdbc.sql("select * from complaints_complaint where subject_index = :s order by filed_at desc, id desc")
                .param("s", subject.bytes()).query(JdbcComplaints::map).list();
    }

    List<Complaint> queue(int limit) {
        return jdbc.sql("""
                        select * from complaints_complaint
                        order by case status when 'ANSWERED' then 1 else 0 end, reply_due, filed_at desc, id desc limit :n""")
                .param("n", limit).query(JdbcComplaints::map).list();
    }

    List<Complaint> ofDepartment(DepartmentCode department, int limit) {
        return jdbc.sql("""
                        select * from complaints_complaint where department_code = :dept
                        order by case status when 'ANSWERED' then 1 else 0 end, reply_due, filed_at desc, id desc limit :n""")
                .param("dept", department.value()).param("n", limit).query(JdbcComplaints::map).list();
    }

    List<Complaints.Figures> figures(LocalDate today) {
        return jdbc.sql("""
                        select department_code, count(*) as received,
                            count(*) filter (where status = 'ANSWERED') as answered,
                            count(*) filter (where status <> 'ANSWERED') as open,
                            count(*) filter (where (status = 'ANSWERED' and answered_on > reply_due)
                                or (status <> 'ANSWERED' and :today > reply_due)) as late
                        from complaints_complaint group by department_code order by department_code nulls first""")
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new Complaints.Figures(DepartmentCodes.read(rs, "department_code"), rs.getInt("received"),
                        rs.getInt("answered"), rs.getInt("open"), rs.getInt("late")))
                .list();
    }

    List<Complaints.MonthFigures> figuresPerMonth(LocalDate from, LocalDate to, LocalDate today) {
        ZoneId city = ZoneId.of("Asia/Shanghai");
        return jdbc.sql("""
                        select department_code, extract(year from m)::int, extract(month from m)::int, count(*),
                            count(*) filter (where status = 'ANSWERED'),
                            count(*) filter (where (status = 'ANSWERED' and answered_on > reply_due)
                                or (status <> 'ANSWERED' and :today > reply_due))
                        from (select department_code, status, answered_on, reply_due, (filed_at at time zone 'Asia/Shanghai') as m
                              from complaints_complaint
                              where department_code is not null and filed_at >= :from and filed_at < :to) c
                        group by 1, 2, 3""")
                .param("today", Date.valueOf(today))
                .param("from", Timestamp.from(from.atStartOfDay(city).toInstant()))
                .param("to", Timestamp.from(to.atStartOfDay(city).toInstant()))
                .query((rs, n) -> new Complaints.MonthFigures(DepartmentCode.of(rs.getString(1)), YearMonth.of(rs.getInt(2), rs.getInt(3)),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                .list();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Complaint map(ResultSet rs, int n) throws SQLException {
        Date answeredOn = rs.getDate("answered_on");
        return new Complaint(rs.getLong("id"), SubjectKeys.read(rs, "subject_index"), rs.getString("masked_id"),
                ComplaintKind.valueOf(rs.getString("kind")), ComplaintChannel.valueOf(rs.getString("channel")), rs.getString("text"),
                (Long) rs.getObject("query_id"), rs.getString("query_summary"), DepartmentCodes.read(rs, "department_code"),
                ComplaintStatus.valueOf(rs.getString("status")), instant(rs, "filed_at"), rs.getString("filed_by"),
                rs.getDate("ack_due").toLocalDate(), rs.getDate("reply_due").toLocalDate(), instant(rs, "acknowledged_at"),
                instant(rs, "answered_at"), answeredOn == null ? null : answeredOn.toLocalDate(), rs.getString("reply"));
    }
}
