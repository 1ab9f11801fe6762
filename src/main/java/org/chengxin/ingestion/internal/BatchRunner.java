package org.chengxin.ingestion.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.CatalogVersion;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.ingestion.BatchFormat;
import org.chengxin.ingestion.BatchReport.BatchStatus;
import org.chengxin.ingestion.RecordBatches.Submission;
import org.chengxin.ingestion.domain.Rejection;
import org.chengxin.ingestion.domain.RowChecks;
import org.chengxin.ingestion.internal.BatchStore.Counts;
import org.chengxin.firms.FirmRecords;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.time.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one batch: reads its file, checks and stores it chunk by chunk (each chunk in its own
 * transaction, or the whole batch in one when it is all-or-nothing), records the outcome and writes
 * one audit entry for the batch, not one per row.
 */
@Component
class BatchRunner {

    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);
    private static final String STOPPED = "INTERRUPTED：平台停止，批次未处理完；已入库的部分保留，请重新报送整个文件（已入库的不会重复入库）";
    private static final String BAD_ENCODING = "FILE_BAD_ENCODING：文件编码与声明或识别的编码不符，请确认文件编码后重新上传";

    private final BatchStore store;
    private final Catalog catalog;
    private final Citizens citizens;
    private final PopulationRegister register;
    private final Records records;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TransactionTemplate separate;
    private final ExecutorService writers;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final String penaltyItem;
    private final FirmRecords firms;
    private final String licenceItem;
    private volatile boolean stopping;
    private final AtomicInteger running = new AtomicInteger();

    BatchRunner(BatchStore store, Catalog catalog, Citizens citizens, PopulationRegister register, Records records,
            FirmRecords firms, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
            @Qualifier("ingestionWriters") ExecutorService writers, Clock clock, WorkingCalendar calendar,
            @Value("${chengxin.ingestion.penalty-item}") String penaltyItem,
            @Value("${chengxin.ingestion.licence-item}") String licenceItem) {
        this.store = store;
        this.catalog = catalog;
        this.citizens = citizens;
        this.register = register;
        this.records = records;
        this.firms = firms;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.separate = new TransactionTemplate(transactionManager);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.writers = writers;
        this.clock = clock;
        this.calendar = calendar;
        this.penaltyItem = penaltyItem;
        this.licenceItem = licenceItem;
    }

    /** Batches being run now (not those still queued). */
    int running() {
        return running.get();
    }

    void run(BatchJob job) {
        running.incrementAndGet();
        try {
            runNow(job);
        } finally {
            running.decrementAndGet();
        }
    }

    private void runNow(BatchJob job) {
        Submission s = job.submission();
        Counts counts = new Counts();
        BatchStatus status;
        String failure = null;
        try {
            if (stopping) {
                // the platform is stopping: handed back untouched
                status = BatchStatus.INTERRUPTED;
                failure = STOPPED;
            } else {
            store.status(job.batchId(), BatchStatus.PROCESSING);
            expectRows(job);
            CatalogVersion version = catalog.current();
            RowChecks checks = new RowChecks(code -> version.item(code).orElse(null),
                    new RowChecks.Pusher(job.department(), job.government(), job.inbound()), clock);
            if (s.atomic()) {
                boolean[] whole = {true};
                transactions.executeWithoutResult(tx -> {
                    whole[0] = processUnchecked(job, version, checks, counts);
                    if (counts.rejected > 0 || !whole[0]) {
                        tx.setRollbackOnly();
                    }
                });
                status = !whole[0] ? BatchStatus.INTERRUPTED : counts.rejected > 0 ? BatchStatus.REJECTED : BatchStatus.COMPLETED;
                if (status == BatchStatus.REJECTED) {
                    failure = "整批报送：有 " + counts.rejected + " 行未通过校验，全部记录均未入库";
                    nothingStored(counts);
                } else if (status == BatchStatus.INTERRUPTED) {
                    failure = STOPPED;
                    nothingStored(counts);
                }
            } else {
                boolean whole = process(job, version, checks, false, counts);
                status = whole ? BatchStatus.COMPLETED : BatchStatus.INTERRUPTED;
                if (!whole) {
                    failure = STOPPED + partly(s, counts);
                }
            }
            }
            if (status != BatchStatus.INTERRUPTED && counts.processed > 0 && counts.badEncoding == counts.processed) {
                // not one row could be read: the file is in another encoding than declared or detected
                status = BatchStatus.FAILED;
                failure = BAD_ENCODING;
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
                    ? BAD_ENCODING
                    : "PROCESSING_FAILED：处理出错，未入库的记录可重新报送";
            failure += partly(s, counts);
        } finally {
            TempFiles.delete(s.file());
        }
        store.finish(job.batchId(), status, counts, failure, Instant.now(clock));
        Actor a = job.actor();
        // an upstream list is audited as such, under the department of whoever imported it (the platform's system, or
        // the administrator for it), with the platform named
        events.publishEvent(new AuditEvent(UUID.randomUUID(), Instant.now(clock), a.name(), a.role(),
                job.inbound() && a.department() != null ? a.department().value() : job.department().value(),
                job.inbound() ? "ingestion.inbound-list" : "ingestion.batch", null,
                job.inbound() ? "导入上级平台名单" : "报送信用记录", status == BatchStatus.COMPLETED ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
                // the platform by its name: the audit page shows the detail as it is, and codes are not words
                (job.inbound() ? job.upstream() + "名单，" : "")
                        + "批次 " + job.batchId() + "（" + s.format() + "）：处理 " + counts.processed + " 行，新增 " + counts.accepted
                        + "，更正 " + counts.corrected + "，未变 " + counts.unchanged
                        + (job.inbound() ? "，结束 " + counts.ended : "") + "，拒绝 " + counts.rejected));
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
        counts.ended = 0;
        counts.daysToPush = 0;
        counts.late = 0;
    }

    /**
     * The platform is stopping: running batches end after the chunk they are at (a non-atomic batch keeps what it
     * stored, an atomic one stores nothing), queued ones do not start; all of them end as 已中断.
     */
    void stop() {
        stopping = true;
    }

    /** Takes batches again (a start after a stop: the test framework pauses and resumes cached contexts this way). */
    void start() {
        stopping = false;
    }

    private boolean processUnchecked(BatchJob job, CatalogVersion version, RowChecks checks, Counts counts) {
        try {
            return process(job, version, checks, true, counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and stores the batch; false when a stop ended it before its last row. */
    private boolean process(BatchJob job, CatalogVersion version, RowChecks checks, boolean atomic, Counts counts) throws IOException {
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
                records, store, sink, clock, calendar, counts, atomic ? null : writers);
        processor.firms(firms);
        processor.upstream(job.upstream());
        boolean whole = true;
        try {
            reader(job.submission()).read(job.submission().file(), row -> {
                if (stopping) {
                    throw new Stopped();
                }
                processor.accept(row);
            });
        } catch (RuntimeException | IOException e) {
            if (!Stopped.in(e)) {
                throw e;
            }
            whole = false;
        }
        // the rows read so far are stored (and waited for) before the batch ends, stopped or not
        processor.finish();
        log.info("批次 {} 处理 {} 行{}：{}", job.batchId(), counts.processed, whole ? "" : "（平台停止，未处理完）", processor.timings());
        return whole;
    }

    /** Thrown from the row reader's callback to stop reading when the platform stops. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("平台停止", null, false, false);
        }

        static boolean in(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Stopped) {
                    return true;
                }
            }
            return false;
        }
    }

    private RowReader reader(Submission s) {
        Defaults defaults = new Defaults(s.itemCode(), penaltyItem, licenceItem);
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
    private void expectRows(BatchJob job) throws IOException {
        BatchFormat format = job.submission().format();
        if (format != BatchFormat.CSV && format != BatchFormat.JSONL) {
            return;
        }
        long lines = 0;
        byte last = '\n';
        try (InputStream in = Files.newInputStream(job.submission().file())) {
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
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

}
