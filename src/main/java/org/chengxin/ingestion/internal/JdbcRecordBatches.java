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
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.BatchReport.BatchStatus;
import org.chengxin.ingestion.DepartmentFigures;
import org.chengxin.ingestion.PushMonth;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.RejectionFilter;
import org.chengxin.ingestion.domain.Rejection;
import org.chengxin.ingestion.internal.BatchStore.Counts;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.upload.Uploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The batches of the platform: registers a push for the pushing department, hands it to the
 * {@link BatchRunner} in the background (or in the caller's thread), reports on it, and ends the
 * batches whose instance stopped.
 */
@Service
class JdbcRecordBatches implements RecordBatches {

    private static final Logger log = LoggerFactory.getLogger(JdbcRecordBatches.class);

    private final BatchStore store;
    private final Departments departments;
    private final BatchRunner runner;
    private final Executor executor;
    private final Clock clock;
    private final Uploads uploads;
    /** Batches of this instance that are queued or running. */
    private final Set<Long> mine = ConcurrentHashMap.newKeySet();

    JdbcRecordBatches(BatchStore store, Departments departments, BatchRunner runner,
            @Qualifier("ingestionExecutor") Executor executor, Clock clock, Uploads uploads) {
        this.store = store;
        this.departments = departments;
        this.runner = runner;
        this.executor = executor;
        this.clock = clock;
        this.uploads = uploads;
    }

    @Override
    public long submit(Submission submission) {
        BatchJob job = register(submission);
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
     * A restart ends the batches that were running: what was stored stays (each chunk committed on
     * its own, an atomic batch not at all), the rest can be pushed again; repeats change nothing.
     */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT10S")
    void endInterruptedBatches() {
        Instant now = Instant.now(clock);
        store.touch(List.copyOf(mine));
        int n = store.failUnfinished("INTERRUPTED：平台重启或处理中断，批次未完成；已入库的部分保留，其余可重新报送（相同内容不会重复入库）",
                now, Duration.ofMinutes(15));
        if (n > 0) {
            log.warn("{} 个报送批次已15分钟没有进展，标记为中断", n);
        }
        TempFiles.deleteOlderThan(uploads.directory(), Duration.ofHours(6));
    }

    @Override
    public BatchReport submitAndWait(Submission submission) {
        BatchJob job = register(submission);
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
    private BatchJob register(Submission s) {
        try {
            Actor actor = CurrentActor.get();
            DepartmentCode department = actor.department();
            var dept = department == null ? null : departments.find(department).orElse(null);
            if (dept == null) {
                throw ChengxinException.forbidden("PUSH_WITHOUT_DEPARTMENT", "只有部门的报送员或业务系统可以报送信用记录");
            }
            long id = store.create(department, actor.name(), s.format(), s.fileName(), s.atomic(), Instant.now(clock));
            return new BatchJob(id, department, dept.kind() != DepartmentKind.ASSOCIATION && dept.kind() != DepartmentKind.CREDIT_AGENCY,
                    actor, s);
        } catch (RuntimeException e) {
            TempFiles.delete(s.file());
            throw e;
        }
    }

}
