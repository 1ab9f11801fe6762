package org.chengxin.ingestion;

import java.time.Instant;
import java.util.List;

import org.chengxin.ingestion.domain.Rejection;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * Where a batch stands: its status, progress and counts, and its rejected rows (the first ones; all
 * of them download as CSV or XLSX). {@code failure} says why a batch failed; {@code warning} what a
 * completed batch's sender should know, e.g. {@value #NO_ROWS} for a file with no data row. {@code ended} counts the rows
 * of an upstream platform's list that ended a record held (issue 18 item 2); 0 for a department's push.
 */
public record BatchReport(long id, DepartmentCode departmentCode, String submittedBy, BatchFormat format, String fileName,
        boolean atomic, BatchStatus status, Integer total, int processed, int accepted, int corrected, int unchanged,
        int ended, int rejected, String failure, String warning, Instant submittedAt, Instant finishedAt, double averageDaysToPush, int lateRows,
        List<Rejection> rejections) {

    /** The warning of a completed batch that held no data row: only a header, or nothing at all. */
    public static final String NO_ROWS = "NO_ROWS：文件中没有数据行（只有表头或为空），没有任何记录入库，请确认上传的是已填写的文件";

    /** The warning a batch in this state carries, if any. */
    public static String warningFor(BatchStatus status, int processed) {
        return status == BatchStatus.COMPLETED && processed == 0 ? NO_ROWS : null;
    }

    /**
     * The lifecycle of a batch. {@code INTERRUPTED}: the platform stopped (or its instance died) before the batch
     * ended; the chunks stored before stay, the sender pushes the whole file again and what is stored is not stored twice.
     */
    public enum BatchStatus {
        RECEIVED, PROCESSING, COMPLETED, REJECTED, FAILED, INTERRUPTED
    }
}
