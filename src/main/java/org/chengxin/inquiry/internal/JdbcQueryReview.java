package org.chengxin.inquiry.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.chengxin.inquiry.QueryReview;
import org.chengxin.inquiry.domain.QueryReviewRules;
import org.chengxin.lists.AgencyBlacklist;
import org.chengxin.lists.AgencyListing;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.cluster.ClusterJobs;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.jdbc.DepartmentCodes;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.text.UnicodeText;
import org.chengxin.shared.time.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Flags in {@code inquiry_flag}, raised by {@link QueryReviewRules} over the last eight days of the log every ten minutes. */
@Service
class JdbcQueryReview implements QueryReview {

    private static final Logger log = LoggerFactory.getLogger(JdbcQueryReview.class);

    private final JdbcClient jdbc;
    private final AgencyBlacklist blacklist;
    private final Departments departments;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final DataSource dataSource;
    private final ClusterJobs jobs;
    private final Duration interval;

    JdbcQueryReview(JdbcClient jdbc, AgencyBlacklist blacklist, Departments departments, ApplicationEventPublisher events, Clock clock,
            WorkingCalendar calendar, DataSource dataSource, ClusterJobs jobs,
            @Value("${chengxin.inquiry.review-interval:PT10M}") Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
        this.calendar = calendar;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.blacklist = blacklist;
        this.departments = departments;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chengxin.inquiry.review-interval:PT10M}", initialDelayString = "PT1M")
    void scheduled() {
        jobs.runOnce("inquiry.query-review", interval.dividedBy(2), () -> {
            int n = scan();
            if (n > 0) {
                log.info("查询记录审查：新增 {} 条异常使用提示", n);
            }
        });
    }

    @Override
    @Transactional
    public int scan() {
        Instant now = Instant.now(clock);
        List<QueryReviewRules.Fact> facts = jdbc.sql("""
                select id, queried_at, kind, actor, organization, department_code, subject_index, refused, refusal_code
                from inquiry_query where queried_at >= :since and queried_at <= :now
                    and kind in ('WINDOW', 'SELF', 'GOVERNMENT', 'API', 'ARCHIVE', 'STUDENT_ARCHIVE', 'MUTUAL')
                order by queried_at, id""")
                .param("since", Timestamp.from(now.minus(Duration.ofDays(8)))).param("now", Timestamp.from(now))
                .query((rs, n) -> new QueryReviewRules.Fact(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), DepartmentCodes.read(rs, "department_code"), SubjectKeys.read(rs, 7), rs.getBoolean(8), rs.getString(9)))
                .list();
        int raised = 0;
        for (QueryReviewRules.Flag f : QueryReviewRules.review(facts, clock.getZone(), calendar)) {
            raised += jdbc.sql("""
                    insert into inquiry_flag (rule, flag_key, actor, organization, department_code, query_ids, detail, raised_at, status)
                    values (:rule, :key, :actor, :org, :dept, :ids, :detail, :at, 'OPEN') on conflict (rule, flag_key) do nothing""")
                    .param("rule", f.rule()).param("key", UnicodeText.truncate(f.key(), 200))
                    .param("actor", f.actor()).param("org", f.organization()).param("dept", DepartmentCodes.value(f.departmentCode()))
                    .param("ids", f.queryIds().toArray(Long[]::new)).param("detail", f.detail()).param("at", Timestamp.from(now))
                    .update();
        }
        return raised;
    }

    @Override
    public List<Flag> flags(int limit) {
        return jdbc.sql("select * from inquiry_flag order by (status = 'OPEN') desc, raised_at desc, id desc limit :n")
                .param("n", limit).query(JdbcQueryReview::map).list();
    }

    /** Ties go to the newest, then to the highest number, whatever the sort. */
    private static final String TIE_BREAKER = "raised_at desc, id";

    @Override
    public PageResult<Flag> flags(FlagFilter filter, PageRequest request) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        long total = jdbc.sql("select count(*) from inquiry_flag" + where).params(params).query(Long.class).single();
        params.put("limit", request.size());
        params.put("offset", request.offset());
        List<Flag> items = jdbc.sql("select * from inquiry_flag" + where + " order by " + request.orderBy(SORT, TIE_BREAKER)
                + " limit :limit offset :offset").params(params).query(JdbcQueryReview::map).list();
        return new PageResult<>(items, total, request);
    }

    @Override
    @Transactional(readOnly = true) // lets the driver use a cursor
    public long eachFlag(FlagFilter filter, PageRequest order, int limit, Consumer<Flag> each) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        String sql = "select * from inquiry_flag" + where(filter, params) + " order by " + order.orderBy(SORT, TIE_BREAKER) + " limit :limit";
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(500);
        long[] n = {0};
        new NamedParameterJdbcTemplate(template).query(sql, params, rs -> {
            each.accept(map(rs, 0));
            n[0]++;
        });
        return n[0];
    }

    private static String where(FlagFilter f, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where true");
        if ("CLOSED".equals(f.status())) {
            sql.append(" and status <> 'OPEN'");
        } else if (f.status() != null) {
            sql.append(" and status = :status");
            params.put("status", f.status());
        }
        if (f.rule() != null) {
            sql.append(" and rule = :rule");
            params.put("rule", f.rule());
        }
        if (f.organization() != null) {
            sql.append(" and organization ilike :org escape '\\'");
            params.put("org", JdbcQueryLog.like(f.organization()));
        }
        if (f.from() != null) {
            sql.append(" and raised_at >= :from");
            params.put("from", Timestamp.from(f.from()));
        }
        if (f.until() != null) {
            sql.append(" and raised_at < :until");
            params.put("until", Timestamp.from(f.until()));
        }
        return sql.toString();
    }

    @Override
    @Transactional
    public Flag close(long flagId, boolean misuse, String note, LocalDate blacklistUntil, boolean staff) {
        Flag flag = jdbc.sql("select * from inquiry_flag where id = :id for update").param("id", flagId).query(JdbcQueryReview::map)
                .optional().orElseThrow(() -> ChengxinException.notFound("INQUIRY_FLAG_NOT_FOUND", "没有编号为 " + flagId + " 的提示"));
        if (!flag.open()) {
            throw ChengxinException.conflict("INQUIRY_FLAG_CLOSED", "该提示已处理");
        }
        String n = note == null ? "" : note.strip();
        if (n.isEmpty() || UnicodeText.longerThan(n, 500)) {
            throw ChengxinException.badRequest("INQUIRY_FLAG_NOTE_REQUIRED", "请写明审查意见（不超过 500 字）");
        }
        Long listing = null;
        if (blacklistUntil != null) {
            if (!misuse) {
                throw ChengxinException.badRequest("INQUIRY_FLAG_BLACKLIST_NEEDS_MISUSE", "只有认定为违规使用时才能列入黑名单");
            }
            boolean agency = flag.departmentCode() != null && departments.find(flag.departmentCode())
                    .map(d -> d.kind() == DepartmentKind.CREDIT_AGENCY).orElse(false);
            if (!agency) {
                throw ChengxinException.badRequest("INQUIRY_FLAG_NOT_AN_AGENCY", "只有信用服务机构及其从业人员可以列入黑名单");
            }
            LocalDate today = LocalDate.now(clock);
            listing = blacklist.add(new AgencyListing.Request(flag.departmentCode().value(), staff ? flag.actor() : null,
                    "查询记录审查认定违规查询个人信用信息：" + flag.detail() + "；" + n, "查询审查认定第 " + flagId + " 号",
                    "《征信业管理条例》；《岳阳市人民政府关于加强个人诚信体系建设的实施意见》（八）", today, blacklistUntil)).id();
        }
        Instant now = Instant.now(clock);
        jdbc.sql("""
                update inquiry_flag set status = :s, note = :note, closed_by = :by, closed_at = :at, blacklist_id = :listing
                where id = :id""")
                .param("s", misuse ? "MISUSE" : "JUSTIFIED").param("note", n).param("by", CurrentActor.get().name())
                .param("at", Timestamp.from(now)).param("listing", listing).param("id", flagId).update();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "inquiry.flag-close", null, "查询记录审查", AuditOutcome.SUCCESS,
                "提示 #" + flagId + "（" + QueryReviewRules.label(flag.rule()) + "，" + flag.actor() + "）认定为"
                        + (misuse ? "违规使用" : "正当使用") + (listing == null ? "" : "，列入信用服务机构黑名单 #" + listing)));
        return jdbc.sql("select * from inquiry_flag where id = :id").param("id", flagId).query(JdbcQueryReview::map).single();
    }

    @Override
    @Transactional
    public Flag refer(long queryId, String detail) {
        String key = "query:" + queryId;
        record Entry(String kind, String actor, String organization, String departmentCode) {
        }
        Entry entry = jdbc.sql("select kind, actor, organization, department_code from inquiry_query where id = :id")
                .param("id", queryId).query(Entry.class).optional().filter(e -> !"SELF".equals(e.kind()))
                .orElseThrow(() -> ChengxinException.notFound("INQUIRY_QUERY_NOT_FOUND", "没有编号为 " + queryId + " 的查询记录"));
        Instant now = Instant.now(clock);
        int raised = jdbc.sql("""
                insert into inquiry_flag (rule, flag_key, actor, organization, department_code, query_ids, detail, raised_at, status)
                values ('COMPLAINT', :key, :actor, :org, :dept, :ids, :detail, :at, 'OPEN') on conflict (rule, flag_key) do nothing""")
                .param("key", key).param("actor", entry.actor()).param("org", entry.organization()).param("dept", entry.departmentCode())
                .param("ids", new Long[] {queryId}).param("detail", UnicodeText.truncate(detail == null ? "当事人投诉" : detail, 500))
                .param("at", Timestamp.from(now)).update();
        Flag flag = jdbc.sql("select * from inquiry_flag where rule = 'COMPLAINT' and flag_key = :key").param("key", key)
                .query(JdbcQueryReview::map).single();
        if (raised > 0) {
            events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "inquiry.flag-refer", null, "查询记录审查", AuditOutcome.SUCCESS,
                    "因当事人投诉提请审查查询记录 #" + queryId + "（提示 #" + flag.id() + "，" + entry.actor() + "）"));
        }
        return flag;
    }

    @Override
    public List<Flag> ofQuery(long queryId) {
        return jdbc.sql("select * from inquiry_flag where :id = any(query_ids) order by raised_at desc, id desc")
                .param("id", queryId).query(JdbcQueryReview::map).list();
    }

    static Flag map(ResultSet rs, int n) throws SQLException {
        Array ids = rs.getArray("query_ids");
        List<Long> queryIds = Arrays.stream((Long[]) ids.getArray()).toList();
        Timestamp closed = rs.getTimestamp("closed_at");
        String rule = rs.getString("rule");
        return new Flag(rs.getLong("id"), rule, QueryReviewRules.label(rule), rs.getString("actor"), rs.getString("organization"),
                DepartmentCodes.read(rs, "department_code"), queryIds, rs.getString("detail"), rs.getTimestamp("raised_at").toInstant(),
                rs.getString("status"), rs.getString("note"), rs.getString("closed_by"), closed == null ? null : closed.toInstant(),
                (Long) rs.getObject("blacklist_id"));
    }
}
