package org.chengxin.records.internal;

import java.time.Duration;
import org.chengxin.records.Records;
import org.chengxin.shared.cluster.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night just after midnight (and at start, for a server that was down) records past their
 * maximum disclosure period are marked expired and their downstream effects end (policy 十). Reads
 * never wait for it: they treat a record past its period as expired anyway.
 */
@Component
class ExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final Records records;
    private final ClusterJobs jobs;

    ExpiryJob(Records records, ClusterJobs jobs) {
        this.records = records;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${chengxin.jobs.expiry-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
    @EventListener(ApplicationReadyEvent.class)
    void expire() {
        // at 00:05 and at every start, once across instances (a start within the hour after a run skips it)
        jobs.runOnce("records.expiry", Duration.ofHours(1), this::expireDue);
    }

    private void expireDue() {
        int n = records.expireDue();
        if (n > 0) {
            log.info("{} 条信用记录已超过最长公开期限，不再公开和使用", n);
        }
    }
}
