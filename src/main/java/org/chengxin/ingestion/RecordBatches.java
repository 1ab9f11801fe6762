package org.chengxin.ingestion;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.chengxin.ingestion.BatchReport.BatchStatus;
import org.chengxin.ingestion.domain.Rejection;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.SortColumns;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.upload.FileNames;

/** The ingestion module's API: submit a pushed file, follow it, read its rejections. */
public interface RecordBatches {

    /**
     * What was pushed: the file (moved into the platform's keeping), its format, the uploaded file's
     * name (kept to 255 bytes, see {@link FileNames}), the item code for files whose rows do not name
     * one, the charset of a CSV if the uploader named it, and whether the batch is all-or-nothing.
     */
    record Submission(Path file, BatchFormat format, String fileName, String itemCode, Charset charset, boolean atomic) {
        public Submission {
            fileName = FileNames.fitted(fileName);
        }
    }

    /**
     * Registers the batch for the current actor's department and processes it in the background. The
     * file is the platform's from then on: deleted when the batch has ended, or at once if the batch
     * is refused.
     */
    long submit(Submission submission);

    /** Processes a submission in the caller's thread (demo data, tests, the command line). */
    BatchReport submitAndWait(Submission submission);

    /**
     * Imports an upstream platform's list (issue 18 item 2) as a batch of that platform ({@code platform}, an active
     * organization of kind {@code EXTERNAL_PLATFORM}), by its own system or by an administrator for it (otherwise 403
     * {@code INBOUND_PLATFORM_REQUIRED}): the rows are checked like a push, and only for the items whose catalog entry
     * names the platform among its sources ({@code ITEM_NOT_FROM_SOURCE}); no column the list format does not know
     * ({@code INBOUND_COLUMN_UNKNOWN}); a row saying that the entry ended (名单状态 1 撤销, 移出日期) revokes the record the
     * platform holds under that source id, with a reason naming the upstream platform. Processed in the background.
     */
    long importList(DepartmentCode platform, Submission submission);

    /** {@link #importList} in the caller's thread (the demo's list, tests). */
    BatchReport importListAndWait(DepartmentCode platform, Submission submission);

    Optional<BatchReport> report(long batchId, DepartmentCode departmentCode);

    List<BatchReport> ofDepartment(DepartmentCode departmentCode, int limit);

    /**
     * What a department's batch list may be narrowed to: a status, the day of submission (from and to, both included,
     * in the city's time), part of the file's name, and only batches with rejected rows. Null means any.
     */
    record BatchFilter(DepartmentCode department, BatchStatus status, LocalDate from, LocalDate to, String fileName,
            boolean withRejections) {
    }

    /** The columns the batch list sorts by: submission time (the default, newest first), rows processed, rows rejected. */
    SortColumns BATCH_SORTS = SortColumns.of(Map.of("submitted", "submitted_at", "processed", "processed", "rejected", "rejected"),
            "submitted", true);

    /** One page of the department's batches matching the filter, with the total. */
    PageResult<BatchReport> page(BatchFilter filter, PageRequest request);

    /** The batches matching the filter in the request's order, at most {@code limit}, one at a time; returns how many. */
    long each(BatchFilter filter, PageRequest order, int limit, Consumer<BatchReport> each);

    /** Each department's figures over all its batches, for the assessment dashboard. */
    List<DepartmentFigures> figures();

    /** Each department's batches, rows and rejected rows per month, for batches submitted from {@code from} up to the day before {@code to}. */
    List<PushMonth> monthlyFigures(LocalDate from, LocalDate to);

    /** Every rejection of a batch, in row order, without loading them all at once. */
    void rejections(long batchId, Consumer<Rejection> each);

    /**
     * What a batch's rejection list may be narrowed to: row numbers (both included), part of the row's source id, the
     * field ({@link #WHOLE_ROW} for rejections of the whole row), the error code. Null means any.
     */
    record RejectionFilter(Long rowFrom, Long rowTo, String sourceId, String field, String code) {

        /** The field value that stands for "the whole row" (rejections naming no field). */
        public static final String WHOLE_ROW = "-";

        public static RejectionFilter none() {
            return new RejectionFilter(null, null, null, null, null);
        }
    }

    /** The columns a batch's rejections sort by: row number (the default, ascending), field, error code, source id. */
    SortColumns REJECTION_SORTS = SortColumns.of(Map.of("row", "row_no", "field", "field", "code", "code", "source", "source_id"),
            "row", false);

    /** One page of a batch's rejections matching the filter, with the total (the batch is not checked: see {@link #report}). */
    PageResult<Rejection> rejectionPage(long batchId, RejectionFilter filter, PageRequest request);

    /** A batch's rejections matching the filter in the request's order, at most {@code limit}, one at a time; returns how many. */
    long eachRejection(long batchId, RejectionFilter filter, PageRequest order, int limit, Consumer<Rejection> each);

    /** The error codes of a batch's rejections, each with one of its messages; and the fields they name. */
    Map<String, String> rejectionCodes(long batchId);

    List<String> rejectedFields(long batchId);
}
