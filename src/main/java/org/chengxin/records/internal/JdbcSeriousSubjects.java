package org.chengxin.records.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.chengxin.records.Records;
import org.chengxin.records.SeriousSubjectsQuery;
import org.chengxin.records.SeriousSubjectsQuery.SeriousSubject;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people a department's serious records put forward, set-based: the department's counting serious records
 * (index records_record_serious of V50, read alone), grouped by person, each person's basis records and the figures the
 * list sorts by computed by the database, which also counts and pages them.
 */
@Component
class JdbcSeriousSubjects {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcSeriousSubjects(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    PageResult<SeriousSubject> page(SeriousSubjectsQuery q, PageRequest request) {
        Map<String, Object> params = new HashMap<>();
        String people = people(q, params);
        // the page and the total in one pass over the department's serious records (a window count over the people)
        long[] total = {-1};
        List<SeriousSubject> rows = pageOf(people, params, request, total);
        PageRequest page = request;
        if (rows.isEmpty()) {
            total[0] = jdbc.sql("select count(*) from (" + people + ") p").params(params).query(Long.class).single();
            if (total[0] > 0 && page.offset() >= total[0]) {
                page = page.withPage((int) ((total[0] - 1) / page.size()));
                rows = pageOf(people, params, page, total);
            }
        }
        return new PageResult<>(rows, total[0], page);
    }

    private List<SeriousSubject> pageOf(String people, Map<String, Object> params, PageRequest page, long[] total) {
        return jdbc.sql("select p.*, count(*) over () as total_people from (" + people + ") p order by "
                + page.orderBy(Records.SERIOUS_SUBJECT_SORT, "first_record_id") + " limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> {
                    total[0] = rs.getLong("total_people");
                    return map(rs, n);
                }).list();
    }

    long count(SeriousSubjectsQuery q) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from (" + people(q, params) + ") p").params(params).query(Long.class).single();
    }

    List<SeriousSubject> all(SeriousSubjectsQuery q, PageRequest order, int limit) {
        Map<String, Object> params = new HashMap<>();
        String people = people(q, params);
        return jdbc.sql(people + " order by " + order.orderBy(Records.SERIOUS_SUBJECT_SORT, "first_record_id") + " limit :limit")
                .params(params).param("limit", limit).query(this::map).list();
    }

    private SeriousSubject map(ResultSet rs, int n) throws SQLException {
        return new SeriousSubject(SubjectKeys.read(rs, "subject_index"), rs.getLong("subject_id"), rs.getLong("first_record_id"),
                rs.getLong("last_record_id"), rs.getObject("earliest", LocalDate.class), rs.getInt("basis_records"));
    }

    /** The people as one statement, every value a parameter. */
    private String people(SeriousSubjectsQuery q, Map<String, Object> params) {
        params.put("dept", q.departmentCode().value());
        params.put("today", LocalDate.now(clock));
        params.put("since", q.escalationSince());
        params.put("n", q.escalationRecords());
        StringBuilder counting = new StringBuilder("""
                select r.id, r.subject_index, r.subject_id, r.item_code, r.decision_date,
                    %s as cat, r.decision_date > :since as recent
                from records_record r
                where r.department_code = :dept and r.severity = 'SERIOUS' and r.status in ('ACTIVE', 'OBJECTED')
                    and r.expires_on > :today""".formatted(q.categoryItems().isEmpty() ? "false" : "r.item_code in (:categories)"));
        if (!q.categoryItems().isEmpty()) {
            params.put("categories", List.copyOf(q.categoryItems()));
        }
        if (q.subjects() != null) {
            if (q.subjects().isEmpty()) {
                counting.append(" and false");
            } else {
                counting.append(" and r.subject_index in (:subjects)");
                params.put("subjects", q.subjects().stream().map(SubjectKey::bytes).toList());
            }
        }
        if (!q.excluded().isEmpty()) {
            // one parameter however many people are left out (a list of parameters has a ceiling)
            counting.append(" and r.subject_index <> all(array(select decode(x, 'hex') from unnest(string_to_array(:excluded, ',')) x))");
            HexFormat hex = HexFormat.of();
            params.put("excluded", q.excluded().stream().map(k -> hex.formatHex(k.bytes())).collect(Collectors.joining(",")));
        }
        StringBuilder having = new StringBuilder(" having true");
        if (q.itemCode() != null) {
            having.append(" and bool_or(b.item_code = :item)");
            params.put("item", q.itemCode());
        }
        if (q.from() != null || q.to() != null) {
            having.append(" and bool_or(true").append(dates("b", q, params)).append(")");
        }
        if (q.itemCode() != null || q.from() != null || q.to() != null) {
            // and a counting record of the person is of the item and within the dates (the same record)
            having.append(" and exists (select 1 from counting c where c.subject_index = b.subject_index")
                    .append(q.itemCode() == null ? "" : " and c.item_code = :item").append(dates("c", q, params)).append(")");
        }
        return """
                with counting as (%s),
                escalated as (
                    select subject_index from counting group by subject_index having count(*) filter (where recent) >= :n),
                basis as (
                    select c.* from counting c
                    where c.cat or (c.recent and c.subject_index in (select subject_index from escalated)))
                select b.subject_index, min(b.subject_id) as subject_id, min(b.id) as first_record_id, max(b.id) as last_record_id,
                    min(b.decision_date) as earliest, count(*) as basis_records
                from basis b
                group by b.subject_index""".formatted(counting) + having;
    }

    private static String dates(String alias, SeriousSubjectsQuery q, Map<String, Object> params) {
        StringBuilder w = new StringBuilder();
        if (q.from() != null) {
            w.append(" and ").append(alias).append(".decision_date >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            w.append(" and ").append(alias).append(".decision_date <= :to");
            params.put("to", q.to());
        }
        return w.toString();
    }
}
