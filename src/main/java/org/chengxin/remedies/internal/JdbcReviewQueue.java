package org.chengxin.remedies.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.chengxin.remedies.ReviewQueue;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.remedies.domain.RepairApplication;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review list in SQL: the department's objections passed on at screening and its repair applications as one
 * {@code union all}, every filter a parameter, sorted, counted and paged by the database; only the cases of a page (or
 * of an export chunk) are then read in full.
 */
@Service
class JdbcReviewQueue implements ReviewQueue {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    // "open" as ObjectionStatus/RepairStatus.isOpen say it; an objection still in screening is never passed on
    private static final String CASES = """
            (select 'objection' as kind, id, subject_index, item_code, filed_at, due_on, status, decided_at,
                status = 'WITH_DEPARTMENT' as open
             from remedies_objection
             where department_code = :dept and screened_at is not null and status not in ('SCREENING', 'DISMISSED')
             union all
             select 'repair' as kind, id, subject_index, item_code, filed_at, due_on, status, decided_at, status = 'OPEN' as open
             from remedies_repair where department_code = :dept) c""";

    private final JdbcClient jdbc;
    private final JdbcObjections objections;
    private final JdbcRepairs repairs;
    private final Clock clock;

    JdbcReviewQueue(JdbcClient jdbc, JdbcObjections objections, JdbcRepairs repairs, Clock clock) {
        this.jdbc = jdbc;
        this.objections = objections;
        this.repairs = repairs;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<Case> page(DepartmentCode departmentCode, Filter filter, PageRequest request) {
        Map<String, Object> params = new HashMap<>();
        String where = where(departmentCode, filter, params);
        long total = jdbc.sql("select count(*) from " + CASES + where).params(params).query(Long.class).single();
        PageRequest page = request;
        if (total > 0 && page.offset() >= total) {
            page = page.withPage((int) ((total - 1) / page.size()));
        }
        List<Key> keys = jdbc.sql("select c.kind, c.id from " + CASES + where + orderBy(page) + " limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Key(rs.getString(1), rs.getLong(2))).list();
        return new PageResult<>(load(keys), total, page);
    }

    @Override
    public long count(DepartmentCode departmentCode, Filter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = where(departmentCode, filter, params);
        return jdbc.sql("select count(*) from " + CASES + where).params(params).query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public long each(DepartmentCode departmentCode, Filter filter, PageRequest order, int chunk, Consumer<List<Case>> each) {
        Map<String, Object> params = new HashMap<>();
        String where = where(departmentCode, filter, params);
        // the keys only (kind and number), then the cases in full chunk by chunk
        List<Key> keys = jdbc.sql("select c.kind, c.id from " + CASES + where + orderBy(order)).params(params)
                .query((rs, n) -> new Key(rs.getString(1), rs.getLong(2))).list();
        for (int i = 0; i < keys.size(); i += chunk) {
            each.accept(load(keys.subList(i, Math.min(keys.size(), i + chunk))));
        }
        return keys.size();
    }

    @Override
    public List<String> itemCodes(DepartmentCode departmentCode) {
        return jdbc.sql("select distinct c.item_code from " + CASES + " order by 1").param("dept", departmentCode.value())
                .query(String.class).list();
    }

    private record Key(String kind, long id) {
    }

    /** The cases of the keys in full, in the keys' order. */
    private List<Case> load(List<Key> keys) {
        Map<Long, Objection> o = new HashMap<>();
        Map<Long, RepairApplication> r = new HashMap<>();
        objections.byIds(keys.stream().filter(k -> k.kind().equals("objection")).map(Key::id).toList()).forEach(x -> o.put(x.id(), x));
        repairs.byIds(keys.stream().filter(k -> k.kind().equals("repair")).map(Key::id).toList()).forEach(x -> r.put(x.id(), x));
        List<Case> cases = new ArrayList<>();
        for (Key k : keys) {
            if (k.kind().equals("objection") && o.containsKey(k.id())) {
                cases.add(new Case(o.get(k.id()), null));
            } else if (k.kind().equals("repair") && r.containsKey(k.id())) {
                cases.add(new Case(null, r.get(k.id())));
            }
        }
        return cases;
    }

    /** The filter as SQL, every value a parameter. */
    private String where(DepartmentCode departmentCode, Filter f, Map<String, Object> params) {
        params.put("dept", departmentCode.value());
        StringBuilder w = new StringBuilder(" where true");
        if (f.subjects() != null) {
            if (f.subjects().isEmpty()) {
                w.append(" and false");
            } else {
                w.append(" and c.subject_index in (:subjects)");
                params.put("subjects", f.subjects().stream().map(SubjectKey::bytes).toList());
            }
        }
        if (f.kind() != null) {
            w.append(" and c.kind = :kind");
            params.put("kind", f.kind());
        }
        if (PENDING.equals(f.status())) {
            w.append(" and c.open");
        } else if (DONE.equals(f.status())) {
            w.append(" and not c.open");
        } else if (f.status() != null) {
            w.append(" and c.status = :status");
            params.put("status", f.status());
        }
        if (f.itemCode() != null) {
            w.append(" and c.item_code = :item");
            params.put("item", f.itemCode());
        }
        if (f.from() != null) {
            w.append(" and c.filed_at >= :filedFrom");
            params.put("filedFrom", Timestamp.from(f.from().atStartOfDay(BEIJING).toInstant()));
        }
        if (f.to() != null) {
            w.append(" and c.filed_at < :filedBefore");
            params.put("filedBefore", Timestamp.from(f.to().plusDays(1).atStartOfDay(BEIJING).toInstant()));
        }
        if (f.overdueOnly()) {
            w.append(" and c.open and c.due_on < :today");
            params.put("today", LocalDate.now(clock));
        }
        return w.toString();
    }

    /**
     * The order of a request, from its whitelisted key only (never text of the request): the work queue puts the open
     * cases first, the nearest deadline first, then the decided ones, the latest first; descending turns all of it round.
     */
    private static String orderBy(PageRequest request) {
        boolean desc = request.descending();
        String dir = desc ? " desc" : " asc";
        String sort = switch (request.sort()) {
            case "filedAt" -> "c.filed_at" + dir;
            case "dueOn" -> "c.due_on" + dir;
            default -> desc
                    ? "c.open asc, case when c.open then c.due_on end desc, case when not c.open then c.decided_at end asc nulls first"
                    : "c.open desc, case when c.open then c.due_on end asc, case when not c.open then c.decided_at end desc nulls last";
        };
        return " order by " + sort + ", c.kind" + dir + ", c.id" + dir;
    }
}
