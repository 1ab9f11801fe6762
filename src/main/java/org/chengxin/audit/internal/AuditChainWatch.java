package org.chengxin.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.chengxin.audit.AuditTrail;
import org.chengxin.audit.AuditVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The alert of the audit trail. Every few hours it verifies the chain (anchors and table), every half minute it
 * measures the writer's lag: how long the oldest entry waiting in the inbox has waited, and how many requests wait in
 * this instance's queue. A failed verification or a lag over {@code chengxin.audit.max-lag} is logged at ERROR, turns
 * {@code /actuator/health/audit} to ALERT and shows in the meters {@code chengxin.audit.*} of
 * {@code /actuator/prometheus}.
 */
@Component
class AuditChainWatch {

    private static final Logger log = LoggerFactory.getLogger(AuditChainWatch.class);

    private final AuditTrail trail;
    private final AuditChainWriter writer;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration maxLag;
    private volatile AuditVerification lastVerification;
    private volatile Duration lag = Duration.ZERO;
    private volatile long waiting;

    AuditChainWatch(AuditTrail trail, AuditChainWriter writer, JdbcClient jdbc, Clock clock,
            @Value("${chengxin.audit.max-lag:PT5M}") Duration maxLag, MeterRegistry meters) {
        this.trail = trail;
        this.writer = writer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxLag = maxLag;
        Gauge.builder("chengxin.audit.writer.lag", this, w -> w.lag.toMillis() / 1000.0).baseUnit("seconds")
                .description("审计链写入滞后：收件表中最早一条待写入记录已等待的时间").register(meters);
        Gauge.builder("chengxin.audit.writer.waiting", this, w -> w.waiting)
                .description("审计链收件表中待写入的记录数").register(meters);
        Gauge.builder("chengxin.audit.writer.queue", writer, AuditChainWriter::queueLength)
                .description("本实例等待审计链写入的请求数").register(meters);
        Gauge.builder("chengxin.audit.chain.intact", this, AuditChainWatch::intactGauge)
                .description("最近一次审计链校验：1 完整，0 断裂，尚未校验时无值").register(meters);
    }

    @Scheduled(cron = "${chengxin.audit.verify-cron:0 20 */6 * * *}", zone = "Asia/Shanghai")
    void scheduledVerification() {
        verifyNow();
    }

    @Scheduled(fixedDelayString = "${chengxin.audit.lag-check-interval:PT30S}", initialDelayString = "PT30S")
    void scheduledLagCheck() {
        try {
            measureLag();
        } catch (DataAccessException e) {
            // the database's own health shows the outage; the lag is measured again once it is back
            log.warn("审计链写入滞后无法测量（数据库不可用）：{}", e.getClass().getSimpleName());
        }
    }

    AuditVerification verifyNow() {
        AuditVerification result = trail.verify();
        lastVerification = result;
        if (!result.intact()) {
            log.error("审计链校验失败：第 {} 条起不可信：{}（告警：/actuator/health/audit）", result.firstBrokenSeq(), result.reason());
        }
        return result;
    }

    Duration measureLag() {
        record Inbox(long waiting, Timestamp oldest) {
        }
        Inbox inbox = jdbc.sql("select count(*), min(occurred_at) from audit_inbox")
                .query((rs, n) -> new Inbox(rs.getLong(1), rs.getTimestamp(2))).single();
        waiting = inbox.waiting();
        Duration measured = Optional.ofNullable(inbox.oldest())
                .map(oldest -> Duration.between(oldest.toInstant(), Instant.now(clock)))
                .filter(d -> !d.isNegative()).orElse(Duration.ZERO);
        lag = measured;
        if (lagging()) {
            log.error("审计链写入滞后 {} 秒（{} 条待写入），超过告警阈值 {} 秒：检查日志中的“审计链写入失败”（告警：/actuator/health/audit）",
                    measured.toSeconds(), inbox.waiting(), maxLag.toSeconds());
        }
        return measured;
    }

    boolean lagging() {
        return lag.compareTo(maxLag) > 0;
    }

    Duration lag() {
        return lag;
    }

    Duration maxLag() {
        return maxLag;
    }

    Optional<AuditVerification> lastVerification() {
        return Optional.ofNullable(lastVerification);
    }

    private double intactGauge() {
        AuditVerification v = lastVerification;
        return v == null ? Double.NaN : v.intact() ? 1 : 0;
    }
}
