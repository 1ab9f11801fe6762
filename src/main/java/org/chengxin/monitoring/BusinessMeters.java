package org.chengxin.monitoring;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The business meters of {@code /actuator/prometheus}, read by a few counts on small tables or through partial
 * indexes (batches, the recomputation queue, overdue objections, reports of the last day) and kept
 * {@code chengxin.metrics.figures-kept} (10 s), so that a scrape every few seconds costs one read. The only place where
 * a module reads other modules' tables, read-only and for counting: the figures are the modules' own, nothing here
 * decides anything.
 */
@Component
class BusinessMeters {

    static final List<String> BATCH_STATUSES = List.of("RECEIVED", "PROCESSING", "COMPLETED", "REJECTED", "FAILED");
    static final List<String> ROW_OUTCOMES = List.of("accepted", "unchanged", "corrected", "rejected");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration kept;
    private final TransactionTemplate readOnly;
    private volatile Figures figures;

    BusinessMeters(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager, MeterRegistry meters,
            @Value("${chengxin.metrics.figures-kept:PT10S}") Duration kept) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.kept = kept;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        for (String status : BATCH_STATUSES) {
            Gauge.builder("chengxin.ingestion.batches", this, m -> m.figures().batches().getOrDefault(status, 0L))
                    .tag("status", status).description("报送批次数（按状态）").register(meters);
        }
        for (String outcome : ROW_OUTCOMES) {
            Gauge.builder("chengxin.ingestion.rows", this, m -> m.figures().rows().getOrDefault(outcome, 0L))
                    .tag("outcome", outcome).description("报送批次已处理的行数（按结果；rejected 即被拒绝的行）").register(meters);
        }
        Gauge.builder("chengxin.evaluation.queue", this, m -> m.figures().queue())
                .description("等待重新计算信用评价的人数（重算队列长度）").register(meters);
        Gauge.builder("chengxin.remedies.objections.overdue", this, m -> m.figures().overdueObjections())
                .description("超过答复期限仍未办结的异议数").register(meters);
        Gauge.builder("chengxin.inquiry.reports.last-day", this, m -> m.figures().reportsLastDay())
                .description("最近 24 小时出具的信用报告数").register(meters);
    }

    /** The figures, read afresh when older than {@code kept}. */
    Figures figures() {
        Figures current = figures;
        Instant now = Instant.now(clock);
        if (current == null || !current.readAt().plus(kept).isAfter(now) || current.readAt().isAfter(now)) {
            current = readOnly.execute(status -> read(now));
            figures = current;
        }
        return current;
    }

    private Figures read(Instant now) {
        Map<String, Long> batches = new HashMap<>();
        Map<String, Long> rows = new HashMap<>();
        jdbc.sql("""
                select status, count(*), sum(accepted), sum(unchanged), sum(corrected), sum(rejected)
                from ingestion_batch group by status""").query(rs -> {
                    batches.put(rs.getString(1), rs.getLong(2));
                    rows.merge("accepted", rs.getLong(3), Long::sum);
                    rows.merge("unchanged", rs.getLong(4), Long::sum);
                    rows.merge("corrected", rs.getLong(5), Long::sum);
                    rows.merge("rejected", rs.getLong(6), Long::sum);
                });
        long queue = jdbc.sql("select count(*) from evaluation_pending").query(Long.class).single();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        long overdue = jdbc.sql("""
                select count(*) from remedies_objection where status in ('SCREENING', 'WITH_DEPARTMENT') and due_on < :today""")
                .param("today", Date.valueOf(today)).query(Long.class).single();
        long reports = jdbc.sql("select count(*) from inquiry_report where issued_at >= :since")
                .param("since", Timestamp.from(now.minus(Duration.ofDays(1)))).query(Long.class).single();
        return new Figures(now, Map.copyOf(batches), Map.copyOf(rows), queue, overdue, reports);
    }

    record Figures(Instant readAt, Map<String, Long> batches, Map<String, Long> rows, long queue, long overdueObjections,
            long reportsLastDay) {
    }
}
