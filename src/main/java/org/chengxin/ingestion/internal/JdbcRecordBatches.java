package org.chengxin.ingestion.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.chengxin.ingestion.BatchReport.BatchStatus;
import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.DepartmentFigures;
import org.chengxin.ingestion.PushMonth;
import org.chengxin.ingestion.RecordBatches.RejectionFilter;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.domain.Rejection;
import org.chengxin.ingestion.internal.BatchStore.Counts;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.lifecycle.StopsBesideOthers;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.upload.Uploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * The batches of the platform: registers a push for the pushing department, hands it to the
 * {@link BatchRunner} in the background (or in the caller's thread), reports on it, and ends the
 * batches whose instance stopped.
 */
@Service
class JdbcRecordBatches implements RecordBatches, StopsBesideOthers {

    private static final Logger log = LoggerFactory.getLogger(JdbcRecordBatches.class);

    private final BatchStore store;
    private final Departments departments;
    private final BatchRunner runner;
    private final Executor executor;
    private final Clock clock;
    private final Uploads uploads;
    /** Batches of this instance that are queued or running. */
    private final Set<Long> mine = ConcurrentHashMap.newKeySet();
    private final Duration interruptedAfter;
    private volatile ScheduledExecutorService heartbeat;

    static final String INTERRUPTED_DIED = "INTERRUPTED：平台重启或进程意外终止，批次未处理完；已入库的部分保留，请重新报送整个文件（已入库的不会重复入库）";
    static final String INTERRUPTED_STOPPED = "INTERRUPTED：平台停止，批次未开始或未处理完；已入库的部分保留，请重新报送整个文件（已入库的不会重复入库）";
    private static final int STOP_WAIT_SECONDS = 15;

    JdbcRecordBatches(BatchStore store, Departments departments, BatchRunner runner,
            @Qualifier("ingestionExecutor") Executor executor, Clock clock, Uploads uploads,
            @Value("${chengxin.ingestion.interrupted-after:PT2M}") Duration interruptedAfter) {
        this.interruptedAfter = interruptedAfter;
        this.store = store;
        this.departments = departments;
        this.runner = runner;
        this.executor = executor;
        this.clock = clock;
        this.uploads = uploads;
    }

    @Override
    public long submit(Submission submission) {
        return run(register(submission, null));
    }

    @Override
    public long importList(DepartmentCode platform, Submission submission) {
        return run(register(submission, platform));
    }

    @Override
    public BatchReport importListAndWait(DepartmentCode platform, Submission submission) {
        BatchJob job = register(submission, platform);
        runner.run(job);
        return store.report(job.batchId(), job.department()).orElseThrow();
    }

    private long run(BatchJob job) {
        Submission submission = job.submission();
        mine.add(job.batchId());
        try {
            executor.execute(() -> {
                try {
                    runner.run(job);
                } finally {
                    mine.remove(job.batchId());
                }
            });
        } catch (RejectedExecutionException e) {
            mine.remove(job.batchId());
            TempFiles.delete(submission.file());
            store.finish(job.batchId(), BatchStatus.FAILED, new Counts(), "BATCH_QUEUE_FULL：待处理的批次过多，请稍后重新报送",
                    Instant.now(clock));
            throw ChengxinException.unavailable("BATCH_QUEUE_FULL",
                    "待处理的批次过多，请稍后重新报送");
        }
        return job.batchId();
    }

    /**
     * Ends the batches whose instance died (kill -9, power loss), at start-up and then every quarter of
     * {@code chengxin.ingestion.interrupted-after}: what was stored stays (each chunk committed on its own, an atomic
     * batch not at all), the rest can be pushed again; repeats change nothing. This instance's own queued and running
     * batches are touched first, so that they are never taken for dead ones.
     */
    void endInterruptedBatches() {
        Instant now = Instant.now(clock);
        store.touch(List.copyOf(mine));
        int n = store.interruptUnfinished(INTERRUPTED_DIED, now, interruptedAfter);
        if (n > 0) {
            log.warn("{} 个报送批次已 {} 秒没有进展（所在实例已停止），标记为已中断", n, interruptedAfter.toSeconds());
        }
        TempFiles.deleteOlderThan(uploads.directory(), Duration.ofHours(6));
    }

    private void heartbeat() {
        try {
            endInterruptedBatches();
        } catch (RuntimeException e) {
            // the database out of reach: the next beat tries again
            log.warn("报送批次的心跳未能写入：{}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        runner.start();
        if (heartbeat == null) {
            heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ingestion-heartbeat");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(1, interruptedAfter.toMillis() / 4);
            heartbeat.scheduleWithFixedDelay(this::heartbeat, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A stop (after the web server stopped taking requests): the running batches stop after their current chunk and
     * end as 已中断 (what they stored stays), the queued ones are handed back as 已中断 too; the sender pushes the file
     * again. Waits for that at most {@value #STOP_WAIT_SECONDS} seconds.
     */
    @Override
    public void stop() {
        runner.stop();
        if (executor instanceof ThreadPoolTaskExecutor pool) {
            // the queued batches do not start: they are handed back below
            pool.getThreadPoolExecutor().getQueue().clear();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        while (runner.running() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!mine.isEmpty()) {
            try {
                int n = store.interrupt(List.copyOf(mine), INTERRUPTED_STOPPED, Instant.now(clock));
                log.warn("平台停止：{} 个未开始或未停下的报送批次标记为已中断", n);
            } catch (RuntimeException e) {
                log.warn("平台停止：未能标记未完成的报送批次（{}），将在下次启动后标记", e.getClass().getSimpleName());
            }
        }
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
    }

    @Override
    public boolean isRunning() {
        return heartbeat != null;
    }

    /** Stopped after the web server (it stops taking pushes first), before the database goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public BatchReport submitAndWait(Submission submission) {
        BatchJob job = register(submission, null);
        runner.run(job);
        return store.report(job.batchId(), job.department()).orElseThrow();
    }

    @Override
    public Optional<BatchReport> report(long batchId, DepartmentCode departmentCode) {
        return store.report(batchId, departmentCode);
    }

    @Override
    public List<BatchReport> ofDepartment(DepartmentCode departmentCode, int limit) {
        return store.ofDepartment(departmentCode, limit);
    }

    @Override
    public PageResult<BatchReport> page(BatchFilter filter, PageRequest request) {
        return store.page(filter, request);
    }

    @Override
    public long each(BatchFilter filter, PageRequest order, int limit, Consumer<BatchReport> each) {
        return store.each(filter, order, limit, each);
    }

    @Override
    public List<DepartmentFigures> figures() {
        return store.figures();
    }

    @Override
    public List<PushMonth> monthlyFigures(LocalDate from, LocalDate to) {
        return store.monthlyFigures(from, to);
    }

    @Override
    public void rejections(long batchId, Consumer<Rejection> each) {
        store.rejections(batchId, each);
    }

    @Override
    public PageResult<Rejection> rejectionPage(long batchId, RejectionFilter filter, PageRequest request) {
        return store.rejectionPage(batchId, filter, request);
    }

    @Override
    public long eachRejection(long batchId, RejectionFilter filter, PageRequest order, int limit, Consumer<Rejection> each) {
        return store.eachRejection(batchId, filter, order, limit, each);
    }

    @Override
    public Map<String, String> rejectionCodes(long batchId) {
        return store.rejectionCodes(batchId);
    }

    @Override
    public List<String> rejectedFields(long batchId) {
        return store.rejectedFields(batchId);
    }

    /** A batch that cannot be registered, for whatever reason, takes its file with it. */
    /**
     * Registers a department's push ({@code platform} null: for the actor's department), or the import of an upstream
     * platform's list: by the platform's own system, or by an administrator for it. An external platform pushes nothing
     * as a department, and only an active external platform's list is imported.
     */
    private BatchJob register(Submission s, DepartmentCode platform) {
        try {
            Actor actor = CurrentActor.get();
            if (platform != null) {
                return registerImport(s, platform, actor);
            }
            DepartmentCode department = actor.department();
            var dept = department == null ? null : departments.find(department).orElse(null);
            if (dept == null) {
                throw ChengxinException.forbidden("PUSH_WITHOUT_DEPARTMENT", "只有部门的报送员或业务系统可以报送信用记录");
            }
            if (dept.kind() == DepartmentKind.EXTERNAL_PLATFORM) {
                throw ChengxinException.forbidden("PUSH_BY_EXTERNAL_PLATFORM",
                        "外部信用平台不以部门身份报送记录：上级平台的名单通过名单导入（/api/v1/inbound-lists）送达");
            }
            long id = store.create(department, actor.name(), s.format(), s.fileName(), s.atomic(), Instant.now(clock));
            // only a government department or the platform pushes the items open to every government department
            return new BatchJob(id, department, dept.kind() == DepartmentKind.GOVERNMENT || dept.kind() == DepartmentKind.PLATFORM,
                    actor, s, null);
        } catch (RuntimeException e) {
            TempFiles.delete(s.file());
            throw e;
        }
    }

    private BatchJob registerImport(Submission s, DepartmentCode platform, Actor actor) {
        var dept = departments.find(platform).orElse(null);
        if (dept == null || !dept.active() || dept.kind() != DepartmentKind.EXTERNAL_PLATFORM) {
            throw ChengxinException.forbidden("INBOUND_PLATFORM_REQUIRED", "只能导入已登记且有效的外部信用平台（上级平台）的名单");
        }
        boolean itsOwnSystem = platform.equals(actor.department());
        boolean administrator = Role.SYSTEM_ADMIN.name().equals(actor.role());
        if (!itsOwnSystem && !administrator) {
            throw ChengxinException.forbidden("INBOUND_PLATFORM_REQUIRED", "只有该上级平台的系统或系统管理员可以导入其名单");
        }
        long id = store.create(platform, actor.name(), s.format(), s.fileName(), s.atomic(), Instant.now(clock));
        return new BatchJob(id, platform, false, actor, s, dept.name());
    }

}
