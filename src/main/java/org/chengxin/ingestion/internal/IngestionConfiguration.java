package org.chengxin.ingestion.internal;


import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class IngestionConfiguration {

    /** Batches are processed two at a time; more would only compete for the same database. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor ingestionExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(1000);
        executor.setThreadNamePrefix("ingestion-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        // a stop ends the running batches and hands the queued ones back first (JdbcRecordBatches, a phase earlier)
        executor.setPhase(SmartLifecycle.DEFAULT_PHASE - 8192);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        return executor;
    }

    /** Chunks of running batches are stored on these, while the batch's own thread reads on. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService ingestionWriters() {
        return Executors.newFixedThreadPool(2 * BatchProcessor.WRITERS, runnable -> {
            Thread thread = new Thread(runnable, "ingestion-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

}
