package org.chengxin.remedies.internal;

import java.time.Duration;
import org.chengxin.remedies.Objections;
import org.chengxin.remedies.Repairs;
import org.chengxin.shared.cluster.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning (and at start, for a server that was down) the objections and repair applications
 * past their day are escalated to the platform's administrator, once each; the late answers count
 * against the department in the figures.
 */
@Component
class EscalationJob {

    private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

    private final Objections objections;
    private final Repairs repairs;
    private final ClusterJobs jobs;

    EscalationJob(Objections objections, Repairs repairs, ClusterJobs jobs) {
        this.objections = objections;
        this.repairs = repairs;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${chengxin.jobs.escalation-cron:0 15 0 * * *}", zone = "Asia/Shanghai")
    @EventListener(ApplicationReadyEvent.class)
    void escalate() {
        // at 00:15 and at every start, once across instances (a start within the hour after a run skips it)
        jobs.runOnce("remedies.escalation", Duration.ofHours(1), this::escalateOverdue);
    }

    private void escalateOverdue() {
        int o = objections.escalateOverdue();
        int r = repairs.escalateOverdue();
        if (o + r > 0) {
            log.info("{} 件异议、{} 件信用修复申请超过办理期限，已提请平台管理员督办", o, r);
        }
    }
}
