package org.chengxin.remedies.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.chengxin.remedies.RemedyFigures;
import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures in one statement per table, joined by department. Objections the platform dismissed at
 * screening are not the department's: they are left out; refusals the law made (no reviewer involved)
 * count as received and refused, never as late.
 */
@Component
class JdbcRemedyFigures implements RemedyFigures {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcRemedyFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<DepartmentRemedies> byDepartment() {
        return jdbc.sql("""
                with o as (
                    select department_code,
                        count(*) filter (where status not in ('SCREENING', 'DISMISSED')) as received,
                        count(*) filter (where status = 'WITH_DEPARTMENT') as open,
                        count(*) filter (where status = 'UPHELD') as upheld,
                        count(*) filter (where status = 'CORRECTED') as corrected,
                        count(*) filter (where status = 'REVOKED') as revoked,
                        count(*) filter (where late or (status = 'WITH_DEPARTMENT' and due_on < :today)) as late
                    from remedies_objection group by department_code
                ), r as (
                    select department_code, count(*) as received,
                        count(*) filter (where status = 'OPEN') as open,
                        count(*) filter (where status = 'GRANTED') as granted,
                        count(*) filter (where status = 'REFUSED') as refused,
                        count(*) filter (where late or (status = 'OPEN' and due_on < :today)) as late
                    from remedies_repair group by department_code
                )
                select coalesce(o.department_code, r.department_code) as department_code,
                    coalesce(o.received, 0), coalesce(o.open, 0), coalesce(o.upheld, 0), coalesce(o.corrected, 0),
                    coalesce(o.revoked, 0), coalesce(o.late, 0), coalesce(r.received, 0), coalesce(r.open, 0),
                    coalesce(r.granted, 0), coalesce(r.refused, 0), coalesce(r.late, 0)
                from o full join r on o.department_code = r.department_code
                order by 1""")
                .param("today", LocalDate.now(clock))
                .query((rs, n) -> new DepartmentRemedies(DepartmentCode.of(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12)))
                .list();
    }

    @Override
    public List<RemediesMonth> byDepartmentAndMonth(LocalDate from, LocalDate to) {
        ZoneId city = ZoneId.of("Asia/Shanghai");
        return jdbc.sql("""
                with o as (
                    select department_code, extract(year from filed_at at time zone 'Asia/Shanghai')::int as y,
                        extract(month from filed_at at time zone 'Asia/Shanghai')::int as m,
                        count(*) as received,
                        count(*) filter (where late or (status = 'WITH_DEPARTMENT' and due_on < :today)) as late
                    from remedies_objection
                    where filed_at >= :from and filed_at < :to and status not in ('SCREENING', 'DISMISSED')
                    group by 1, 2, 3
                ), r as (
                    select department_code, extract(year from filed_at at time zone 'Asia/Shanghai')::int as y,
                        extract(month from filed_at at time zone 'Asia/Shanghai')::int as m,
                        count(*) as received,
                        count(*) filter (where late or (status = 'OPEN' and due_on < :today)) as late
                    from remedies_repair where filed_at >= :from and filed_at < :to
                    group by 1, 2, 3
                )
                select coalesce(o.department_code, r.department_code), coalesce(o.y, r.y), coalesce(o.m, r.m),
                    coalesce(o.received, 0), coalesce(o.late, 0), coalesce(r.received, 0), coalesce(r.late, 0)
                from o full join r on o.department_code = r.department_code and o.y = r.y and o.m = r.m""")
                .param("today", LocalDate.now(clock))
                .param("from", Timestamp.from(from.atStartOfDay(city).toInstant()))
                .param("to", Timestamp.from(to.atStartOfDay(city).toInstant()))
                .query((rs, n) -> new RemediesMonth(DepartmentCode.of(rs.getString(1)), YearMonth.of(rs.getInt(2), rs.getInt(3)),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }
}
