package org.chengxin.lists.internal;

import java.time.Duration;
import org.chengxin.records.RecordEvents.RecordExpired;
import org.chengxin.records.RecordEvents.RecordRepaired;
import org.chengxin.records.RecordEvents.RecordRevoked;
import org.chengxin.shared.cluster.ClusterJobs;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Entries end by themselves: at their end date (a daily job), and when the records they rest on are
 * revoked, expire or are repaired — in the same transaction as that change, so a person is never listed on records
 * that no longer stand.
 */
@Component
class ListsLifecycle {

    private final JdbcSeriousDishonestyList list;
    private final ClusterJobs jobs;

    ListsLifecycle(JdbcSeriousDishonestyList list, ClusterJobs jobs) {
        this.list = list;
        this.jobs = jobs;
    }

    @EventListener
    void on(RecordRevoked e) {
        list.endEntriesOf(e.recordId(), "所依据的记录已撤销");
    }

    @EventListener
    void on(RecordExpired e) {
        list.endEntriesOf(e.recordId(), "所依据的记录已超过公开期限");
    }

    @EventListener
    void on(RecordRepaired e) {
        list.endEntriesOf(e.recordId(), "所依据的记录已修复");
    }

    @Scheduled(cron = "${chengxin.jobs.list-ends-cron:0 10 0 * * *}", zone = "Asia/Shanghai")
    void endDue() {
        jobs.runOnce("lists.end-due", Duration.ofHours(1), list::endDue);
    }

}
