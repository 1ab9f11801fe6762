package org.chengxin.evaluation.internal;

import org.chengxin.evaluation.Scores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the recomputation queue in the background (dynamic update, policy 七), and recomputes
 * everybody once a night so that records that simply aged out of their period are taken off too.
 */
@Component
class RecomputeWorker {

    private static final Logger log = LoggerFactory.getLogger(RecomputeWorker.class);
    private final Scores scores;
    private final int batch;

    /**
     * @param batch people taken off the queue together, in one statement (a push of a million rows queues about a
     *              million people; a change by hand, one)
     */
    RecomputeWorker(Scores scores, @Value("${chengxin.evaluation.queue-batch:5000}") int batch) {
        this.scores = scores;
        this.batch = Math.max(1, batch);
    }

    @Scheduled(fixedDelayString = "${chengxin.evaluation.queue-interval:PT2S}", initialDelayString = "PT5S")
    void drain() {
        int total = 0;
        for (int n = scores.recomputePending(batch); n > 0; n = scores.recomputePending(batch)) {
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
