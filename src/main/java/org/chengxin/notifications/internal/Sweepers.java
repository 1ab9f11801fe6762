package org.chengxin.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.inquiry.QueryLog;
import org.chengxin.inquiry.QueryLog.Entry;
import org.chengxin.notifications.NoticeKind;
import org.chengxin.notifications.internal.JdbcInbox.Draft;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.cluster.ClusterJobs;
import org.chengxin.shared.organization.DepartmentCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells people about the events that come in large numbers — a new dishonesty record about them, a use of their data
 * by somebody else (a report query, a credit-status answer, a measure check) — by reading the new rows of the records
 * and the query log after the fact, a thousand at a time, instead of listening to each: a push of a million records
 * pays nothing for its notices. A cursor per source keeps how far it has read, moved in the transaction that gives
 * the notices. Only rows older than the lag are read, so that a row written by a transaction still open when a
 * later id was committed is not skipped (ingestion commits a chunk in seconds; the lag is minutes).
 */
@Component
class Sweepers {

    static final String RECORDS = "dishonesty-records";
    static final String QUERIES = "query-log";
    private static final Logger log = LoggerFactory.getLogger(Sweepers.class);
    private static final int BATCH = 1000;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Notifier notifier;
    private final Records records;
    private final QueryLog queryLog;
    private final Catalog catalog;
    private final Departments departments;
    private final Clock clock;
    private final Duration lag;
    private final boolean background;
    private final ClusterJobs jobs;
    private final Duration interval;

    Sweepers(JdbcClient jdbc, TransactionTemplate transactions, Notifier notifier, Records records, QueryLog queryLog, Catalog catalog,
            Departments departments, Clock clock, @Value("${chengxin.notifications.sweep-lag:PT2M}") Duration lag,
            @Value("${chengxin.notifications.background:true}") boolean background, ClusterJobs jobs,
            @Value("${chengxin.notifications.sweep-interval:PT1M}") Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.notifier = notifier;
        this.records = records;
        this.queryLog = queryLog;
        this.catalog = catalog;
        this.departments = departments;
        this.clock = clock;
        this.lag = lag;
        this.background = background;
    }

    @Scheduled(fixedDelayString = "${chengxin.notifications.sweep-interval:PT1M}", initialDelayString = "PT45S")
    void sweepInBackground() {
        if (background) {
            jobs.runOnce("notifications.sweep", interval.dividedBy(2), this::sweepNow);
        }
    }

    private void sweepNow() {
        try {
            Instant before = Instant.now(clock).minus(lag);
            int n = sweepRecords(before) + sweepQueries(before);
            if (n > 0) {
                log.info("已生成 {} 条新增失信记录和信用信息使用的通知", n);
            }
        } catch (RuntimeException e) {
            log.warn("通知生成任务出错，稍后重试：{}", e.getClass().getSimpleName());
        }
    }

    /** Gives the notices of new dishonesty records accepted before {@code before}; returns how many it read. */
    int sweepRecords(Instant before) {
        int total = 0;
        for (int n = sweepRecordsOnce(before); n > 0; n = sweepRecordsOnce(before)) {
            total += n;
        }
        return total;
    }

    /** Gives the notices of uses of people's data logged before {@code before}; returns how many it read. */
    int sweepQueries(Instant before) {
        int total = 0;
        for (int n = sweepQueriesOnce(before); n > 0; n = sweepQueriesOnce(before)) {
            total += n;
        }
        return total;
    }

    private int sweepRecordsOnce(Instant before) {
        Integer n = transactions.execute(status -> {
            long cursor = cursor(RECORDS);
            List<CreditRecord> found = records.dishonestyAcceptedAfter(cursor, before, BATCH);
            if (found.isEmpty()) {
                return 0;
            }
            Map<DepartmentCode, String> names = new HashMap<>();
            List<Draft> drafts = found.stream().map(r -> recordNotice(r, names)).toList();
            notifier.give(drafts, Instant.now(clock));
            move(RECORDS, found.get(found.size() - 1).id());
            return found.size();
        });
        return n == null ? 0 : n;
    }

    private int sweepQueriesOnce(Instant before) {
        Integer n = transactions.execute(status -> {
            long cursor = cursor(QUERIES);
            List<QueryLog.Use> found = queryLog.usesAfter(cursor, before, BATCH);
            if (found.isEmpty()) {
                return 0;
            }
            notifier.give(found.stream().map(Sweepers::useNotice).toList(), Instant.now(clock));
            move(QUERIES, found.get(found.size() - 1).entry().id());
            return found.size();
        });
        return n == null ? 0 : n;
    }

    private Draft recordNotice(CreditRecord r, Map<DepartmentCode, String> names) {
        String department = names.computeIfAbsent(r.departmentCode(),
                code -> departments.find(code).map(Department::name).orElse(code.value()));
        String item = catalog.item(r.itemCode()).map(Item::name).orElse(r.itemCode());
        String body = department + "于 " + r.decisionDate() + " 作出" + (r.documentNumber() == null ? "" : "（决定书 " + r.documentNumber() + "）")
                + "并报送了一条关于您的失信信息：" + item + "，信用记录 #" + r.id() + "。该记录依法公示、使用至 " + r.expiresOn()
                + "，最短公示期至 " + r.minPeriodEnd() + "。您认为记录有误的，可以提出异议；最短公示期届满并纠正失信行为后，可以申请信用修复。";
        return new Draft(r.subject(), NoticeKind.DISHONESTY_RECORD, department + "报送了一条关于您的失信信息", body, "/my/credit",
                "record:" + r.id() + ":accepted");
    }

    private static Draft useNotice(QueryLog.Use use) {
        Entry e = use.entry();
        String who = e.organization() + (e.shownActor() == null || e.shownActor().isBlank() ? "" : "（" + e.shownActor() + "）");
        String body = who + "于 " + AT.format(e.at()) + " 进行了" + e.kindLabel()
                + (e.purpose() == null || e.purpose().isBlank() ? "" : "，用途：" + e.purpose())
                + (e.basis() == null || e.basis().isBlank() ? "" : "，依据：" + e.basis()) + "。结果：" + e.outcome() + "。"
                + "如您认为这次查询未经授权或超出用途，可以在“谁查询了我”页面对该条记录提出投诉。";
        String title = e.refused() ? e.organization() + "查询您的信用信息被拒绝" : e.organization() + "查询了您的信用信息（" + e.kindLabel() + "）";
        return new Draft(use.subject(), NoticeKind.DATA_USE, title, body, "/my/queries", "query:" + e.id());
    }

    private long cursor(String name) {
        return jdbc.sql("select last_id from notifications_cursor where name = :n for update").param("n", name).query(Long.class).single();
    }

    private void move(String name, long lastId) {
        jdbc.sql("update notifications_cursor set last_id = :id where name = :n").param("id", lastId).param("n", name).update();
    }
}
