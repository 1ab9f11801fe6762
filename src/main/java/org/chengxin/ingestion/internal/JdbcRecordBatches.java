package org.chengxin.ingestion.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.CatalogVersion;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.ingestion.BatchFormat;
import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.BatchReport.BatchStatus;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.domain.Rejection;
import org.chengxin.ingestion.domain.RowChecks;
import org.chengxin.ingestion.internal.BatchStore.Counts;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs batches: registers them, processes them in the background (or in the caller's thread), each
 * chunk in its own transaction, or the whole batch in one when it is all-or-nothing. One audit entry
 * per batch, not one per row.
 */
@Service
class JdbcRecordBatches implements RecordBatches {

    private static final Logger log = LoggerFactory.getLogger(JdbcRecordBatches.class);

    private final BatchStore store;
    private final Catalog catalog;
    private final Departments departments;
    private final Citizens citizens;
    private final PopulationRegister register;
    private final Records records;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TransactionTemplate separate;
    private final Executor executor;
    private final java.util.concurrent.ExecutorService writers;
    private final Clock clock;
    private final Defaults doublePublicity;
    /** Batches of this instance that are queued or running. */
    private final java.util.Set<Long> mine = java.util.concurrent.ConcurrentHashMap.newKeySet();

    JdbcRecordBatches(BatchStore store, Catalog catalog, Departments departments, Citizens citizens,
            PopulationRegister register, Records records, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, @Qualifier("ingestionExecutor") Executor executor,
            @Qualifier("ingestionWriters") java.util.concurrent.ExecutorService writers, Clock clock,
            @Value("${chengxin.ingestion.penalty-item}") String penaltyItem,
            @Value("${chengxin.ingestion.licence-item}") String licenceItem) {
        this.store = store;
        this.catalog = catalog;
        this.departments = departments;
        this.citizens = citizens;
        this.register = register;
        this.records = records;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.separate = new TransactionTemplate(transactionManager);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.executor = executor;
        this.writers = writers;
        this.clock = clock;
        this.doublePublicity = new Defaults(null, penaltyItem, licenceItem);
    }

    @Override
    public long submit(Submission submission) {
        Job job = register(submission);
        mine.add(job.batchId());
        try {
            executor.execute(() -> run(job));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            mine.remove(job.batchId());
            deleteQuietly(submission);
            store.finish(job.batchId(), BatchStatus.FAILED, new Counts(), "BATCH_QUEUE_FULL：待处理的批次过多，请稍后重新报送",
                    Instant.now(clock));
            throw new ChengxinException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "BATCH_QUEUE_FULL",
                    "待处理的批次过多，请稍后重新报送");
        }
        return job.batchId();
    }

    /**
     * A restart ends the batches that were running: what was stored stays (each chunk committed on
     * its own, an atomic batch not at all), the rest can be pushed again; repeats change nothing.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT10S")
    void endInterruptedBatches() {
        Instant now = Instant.now(clock);
        store.touch(List.copyOf(mine));
        int n = store.failUnfinished("INTERRUPTED：平台重启或处理中断，批次未完成；已入库的部分保留，其余可重新报送（相同内容不会重复入库）",
                now, java.time.Duration.ofMinutes(15));
        if (n > 0) {
            log.warn("{} 个报送批次已15分钟没有进展，标记为中断", n);
        }
        TempFiles.deleteOlderThan(java.time.Duration.ofHours(6));
    }

    @Override
    public BatchReport submitAndWait(Submission submission) {
        Job job = register(submission);
        run(job);
        return store.report(job.batchId(), job.department()).orElseThrow();
    }

    @Override
    public Optional<BatchReport> report(long batchId, String departmentCode) {
        return store.report(batchId, departmentCode);
    }

    @Override
    public List<BatchReport> ofDepartment(String departmentCode, int limit) {
        return store.ofDepartment(departmentCode, limit);
    }

    @Override
    public List<org.chengxin.ingestion.DepartmentFigures> figures() {
        return store.figures();
    }

    @Override
    public void rejections(long batchId, Consumer<Rejection> each) {
        store.rejections(batchId, each);
    }

    private record Job(long batchId, String department, boolean government, Actor actor, Submission submission) {
    }

    private Job register(Submission s) {
        Actor actor = CurrentActor.get();
        String department = actor.department();
        var dept = department == null ? null : departments.find(department).orElse(null);
        if (dept == null) {
            deleteQuietly(s);
            throw ChengxinException.forbidden("PUSH_WITHOUT_DEPARTMENT", "只有部门的报送员或业务系统可以报送信用记录");
        }
        long id = store.create(department, actor.name(), s.format(), s.fileName(), s.atomic(), Instant.now(clock));
        return new Job(id, department, dept.kind() != DepartmentKind.ASSOCIATION && dept.kind() != DepartmentKind.CREDIT_AGENCY,
                actor, s);
    }

    private void run(Job job) {
        Submission s = job.submission();
        Counts counts = new Counts();
        BatchStatus status;
        String failure = null;
        try {
            store.status(job.batchId(), BatchStatus.PROCESSING);
            expectRows(job);
            CatalogVersion version = catalog.current();
            RowChecks checks = new RowChecks(code -> version.item(code).orElse(null),
                    new RowChecks.Pusher(job.department(), job.government()), clock);
            if (s.atomic()) {
                transactions.executeWithoutResult(tx -> {
                    processUnchecked(job, version, checks, counts);
                    if (counts.rejected > 0) {
                        tx.setRollbackOnly();
                    }
                });
                status = counts.rejected > 0 ? BatchStatus.REJECTED : BatchStatus.COMPLETED;
                if (status == BatchStatus.REJECTED) {
                    failure = "整批报送：有 " + counts.rejected + " 行未通过校验，全部记录均未入库";
                    nothingStored(counts);
                }
            } else {
                process(job, version, checks, false, counts);
                status = BatchStatus.COMPLETED;
            }
        } catch (ChengxinException e) {
            status = BatchStatus.FAILED;
            failure = e.code() + "：" + e.getMessage() + partly(s, counts);
            if (s.atomic()) {
                nothingStored(counts);
            }
        } catch (RuntimeException | IOException e) {
            log.error("批次 {} 处理失败", job.batchId(), e);
            status = BatchStatus.FAILED;
            if (s.atomic()) {
                nothingStored(counts);
            }
            failure = isEncodingProblem(e)
                    ? "FILE_BAD_ENCODING：文件编码与声明或识别的编码不符，请确认文件编码后重新上传"
                    : "PROCESSING_FAILED：处理出错，未入库的记录可重新报送";
            failure += partly(s, counts);
        } finally {
            deleteQuietly(s);
        }
        store.finish(job.batchId(), status, counts, failure, Instant.now(clock));
        mine.remove(job.batchId());
        Actor a = job.actor();
        events.publishEvent(new AuditEvent(java.util.UUID.randomUUID(), Instant.now(clock), a.name(), a.role(), a.department(),
                "ingestion.batch", null, "报送信用记录", status == BatchStatus.COMPLETED ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
                "批次 " + job.batchId() + "（" + s.format() + "）：处理 " + counts.processed + " 行，新增 " + counts.accepted
                        + "，更正 " + counts.corrected + "，未变 " + counts.unchanged + "，拒绝 " + counts.rejected));
    }

    /** In a non-atomic batch the chunks before a failure are stored: the report says so. */
    private static String partly(Submission s, Counts counts) {
        return !s.atomic() && counts.accepted + counts.corrected > 0
                ? "（失败前已入库 " + (counts.accepted + counts.corrected) + " 条，可重新报送整个文件，已入库的不会重复）" : "";
    }

    private static void nothingStored(Counts counts) {
        counts.accepted = 0;
        counts.corrected = 0;
        counts.unchanged = 0;
        counts.daysToPush = 0;
        counts.late = 0;
    }

    private void processUnchecked(Job job, CatalogVersion version, RowChecks checks, Counts counts) {
        try {
            process(job, version, checks, true, counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void process(Job job, CatalogVersion version, RowChecks checks, boolean atomic, Counts counts) throws IOException {
        BatchProcessor.ChunkSink sink = new BatchProcessor.ChunkSink() {
            @Override
            public void write(Runnable work) {
                if (atomic) {
                    work.run();
                } else {
                    transactions.executeWithoutResult(tx -> work.run());
                }
            }

            @Override
            public void reject(List<Rejection> rejections) {
                separate.executeWithoutResult(tx -> store.reject(job.batchId(), rejections));
            }

            @Override
            public void progress(Runnable update) {
                separate.executeWithoutResult(tx -> update.run());
            }
        };
        BatchProcessor processor = new BatchProcessor(job.batchId(), job.department(), version, checks, citizens, register,
                records, store, sink, clock, counts, atomic ? null : writers);
        reader(job.submission()).read(job.submission().file(), processor::accept);
        processor.finish();
        log.info("批次 {} 处理 {} 行：{}", job.batchId(), counts.processed, processor.timings());
    }

    private RowReader reader(Submission s) {
        Defaults defaults = new Defaults(s.itemCode(), doublePublicity.penaltyItem(), doublePublicity.licenceItem());
        return switch (s.format()) {
            case JSON -> new JsonRowReader(false, defaults);
            case JSONL -> new JsonRowReader(true, defaults);
            case CSV -> new CsvRowReader(s.charset(), defaults);
            case XLSX -> new XlsxRowReader(defaults);
        };
    }

    /**
     * For CSV and JSON Lines the number of lines is known at once (one pass over the bytes), so the
     * progress bar can show how far a batch is; quoted line breaks in a CSV make it an estimate until
     * the batch ends with the exact count.
     */
    private void expectRows(Job job) throws IOException {
        BatchFormat format = job.submission().format();
        if (format != BatchFormat.CSV && format != BatchFormat.JSONL) {
            return;
        }
        long lines = 0;
        byte last = '\n';
        try (java.io.InputStream in = Files.newInputStream(job.submission().file())) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        if (last != '\n') {
            lines++;
        }
        store.expect(job.batchId(), (int) Math.max(0, format == BatchFormat.CSV ? lines - 1 : lines));
    }

    private static boolean isEncodingProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.charset.CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static void deleteQuietly(Submission s) {
        try {
            Files.deleteIfExists(s.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
