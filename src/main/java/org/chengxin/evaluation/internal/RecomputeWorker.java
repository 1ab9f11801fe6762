package org.chengxin.evaluation.internal;

import org.chengxin.evaluation.Scores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the recomputation queue in the background (dynamic update, policy 七), and recomputes
 * everybody once a night so that records that simply aged out of their period are taken off too.
 */
@Component
class RecomputeWorker {

    private static final Logger log = LoggerFactory.getLogger(RecomputeWorker.class);
    private static final int BATCH = 500;

    private final Scores scores;

    RecomputeWorker(Scores scores) {
        this.scores = scores;
    }

    @Scheduled(fixedDelayString = "${chengxin.evaluation.queue-interval:PT2S}", initialDelayString = "PT5S")
    void drain() {
        int total = 0;
        for (int n = scores.recomputePending(BATCH); n > 0; n = scores.recomputePending(BATCH)) {
            total += n;
        }
        if (total > 0) {
            log.info("已重新计算 {} 人的信用积分与等级", total);
        }
    }

    @Scheduled(cron = "0 30 0 * * *", zone = "Asia/Shanghai")
    void nightly() {
        try {
            scores.recomputeEverybody("夜间全量重算");
        } catch (IllegalStateException e) {
            log.warn("夜间全量重算未开始：另一次全量重算正在进行");
        }
    }
}
