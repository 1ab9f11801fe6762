package org.chengxin.remedies.internal;

import org.chengxin.remedies.Objections;
import org.chengxin.remedies.Repairs;
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

    EscalationJob(Objections objections, Repairs repairs) {
        this.objections = objections;
        this.repairs = repairs;
    }

    @Scheduled(cron = "0 15 0 * * *", zone = "Asia/Shanghai")
    @EventListener(ApplicationReadyEvent.class)
    void escalate() {
        int o = objections.escalateOverdue();
        int r = repairs.escalateOverdue();
        if (o + r > 0) {
            log.info("{} 件异议、{} 件信用修复申请超过办理期限，已提请平台管理员督办", o, r);
        }
    }
}
