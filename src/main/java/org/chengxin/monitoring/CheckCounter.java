package org.chengxin.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.chengxin.measures.MeasureChecked;
import org.chengxin.measures.MeasureChecksStored;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code chengxin.measures.checks}: the measure checks (联合奖惩核查) made and refused since the instance started,
 * counted once their transaction commits. Heard synchronously (the checks are published inside their transaction)
 * rather than through the event publication registry, which would store a publication per check for a counter.
 */
@Component
class CheckCounter {

    private final Counter checked;
    private final Counter refused;

    CheckCounter(MeterRegistry meters) {
        this.checked = Counter.builder("chengxin.measures.checks").tag("outcome", "checked")
                .description("联合奖惩核查次数（本实例启动以来，提交后计数）").register(meters);
        this.refused = Counter.builder("chengxin.measures.checks").tag("outcome", "refused")
                .description("联合奖惩核查次数（本实例启动以来，提交后计数）").register(meters);
    }

    @EventListener
    void on(MeasureChecked check) {
        afterCommit(check.refused() ? 0 : 1, check.refused() ? 1 : 0);
    }

    @EventListener
    void on(MeasureChecksStored stored) {
        long refusals = stored.checks().stream().filter(MeasureChecked::refused).count();
        afterCommit(stored.checks().size() - refusals, refusals);
    }

    private void afterCommit(long made, long refusals) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count(made, refusals);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count(made, refusals);
            }
        });
    }

    private void count(long made, long refusals) {
        checked.increment(made);
        refused.increment(refusals);
    }
}
