package org.chengxin.ingestion.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.ingestion.BatchReport.BatchStatus;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.BatchFilter;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * The batch list's filter as the page sends it (status, from, to, file, rejected) with its page and sort. A status
 * that is not one of the list's, or a date that is not a date, is refused with {@code INGESTION_FILTER_INVALID} and
 * a Chinese message; nothing a request carries reaches the SQL but as a bound value.
 */
public record BatchListQuery(BatchStatus status, LocalDate from, LocalDate to, String file, boolean rejected, PageRequest request) {

    private static final int MAX_FILE_TEXT = 100;

    static BatchListQuery of(Map<String, String> params) {
        BatchStatus status = null;
        String statusText = text(params, "status");
        if (statusText != null) {
            try {
                status = BatchStatus.valueOf(statusText);
            } catch (IllegalArgumentException e) {
                throw invalid("没有这种批次状态");
            }
        }
        LocalDate from = date(params, "from", "起始日期");
        LocalDate to = date(params, "to", "截止日期");
        if (from != null && to != null && from.isAfter(to)) {
            throw invalid("起始日期不能晚于截止日期");
        }
        String file = text(params, "file");
        if (file != null && file.length() > MAX_FILE_TEXT) {
            throw invalid("文件名关键词最多 " + MAX_FILE_TEXT + " 个字");
        }
        boolean rejected = "true".equals(params.get("rejected"));
        PageRequest request = PageRequest.of(integer(params, "page"), integer(params, "size"), params.get("sort"), params.get("dir"),
                RecordBatches.BATCH_SORTS);
        return new BatchListQuery(status, from, to, file, rejected, request);
    }

    BatchFilter filter(DepartmentCode department) {
        return new BatchFilter(department, status, from, to, file, rejected);
    }

    /** The filter as link parameters (the listing adds page, size and sort). */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("status", status == null ? null : status.name());
        p.put("from", from == null ? null : from.toString());
        p.put("to", to == null ? null : to.toString());
        p.put("file", file);
        p.put("rejected", rejected ? "true" : null);
        return p;
    }

    /** The filter in words, for the audit trail. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (status != null) {
            parts.add("状态 " + BatchListExport.statusLabel(status));
        }
        if (from != null || to != null) {
            parts.add("提交日期 " + (from == null ? "" : from) + " 至 " + (to == null ? "" : to));
        }
        if (file != null) {
            parts.add("文件名含“" + file + "”");
        }
        if (rejected) {
            parts.add("有拒绝行");
        }
        return parts.isEmpty() ? "全部" : String.join("，", parts);
    }

    public boolean filtered() {
        return status != null || from != null || to != null || file != null || rejected;
    }

    private static String text(Map<String, String> params, String key) {
        String v = params.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Integer integer(Map<String, String> params, String key) {
        String v = text(params, key);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(Map<String, String> params, String key, String what) {
        String v = text(params, key);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw invalid(what + "应为 yyyy-MM-dd 格式的日期");
        }
    }

    private static ChengxinException invalid(String message) {
        return ChengxinException.badRequest("INGESTION_FILTER_INVALID", "筛选条件有误：" + message);
    }
}
