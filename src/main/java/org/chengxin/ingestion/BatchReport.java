package org.chengxin.ingestion;

import java.time.Instant;
import java.util.List;

import org.chengxin.ingestion.domain.Rejection;

/**
 * Where a batch stands: its status, progress and counts, and its rejected rows (the first ones; all
 * of them download as CSV or XLSX).
 */
public record BatchReport(long id, String departmentCode, String submittedBy, BatchFormat format, String fileName,
        boolean atomic, BatchStatus status, Integer total, int processed, int accepted, int corrected, int unchanged,
        int rejected, String failure, Instant submittedAt, Instant finishedAt, double averageDaysToPush, int lateRows,
        List<Rejection> rejections) {

    /** The lifecycle of a batch. */
    public enum BatchStatus {
        RECEIVED, PROCESSING, COMPLETED, REJECTED, FAILED
    }
}
