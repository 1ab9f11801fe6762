package org.chengxin.inquiry.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.chengxin.inquiry.QueryLog;
import org.chengxin.inquiry.QueryReview;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.XlsxExports;
import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.stereotype.Component;

/**
 * The auditor's two lists as XLSX, streamed: the rows come from a database cursor and SXSSF keeps only
 * {@value XlsxExports#WINDOW} rows of the sheet in memory (the rest in a compressed temporary file until the file is sent). An
 * export holds at most {@value #LIMIT} rows; when the filter matches more, its last row says so. People appear only by
 * their masked ID numbers (the log stores no other form).
 */
@Component
class AuditListExports {

    /** The most rows one export holds: narrower filters (a date range) export the rest. */
    static final int LIMIT = 100_000;
    static final String[] QUERY_HEADER = {"编号", "时间", "当事人身份证号", "查询类型", "查询机构", "经办部门", "经办人或系统", "经办账号", "用途",
        "依据或授权", "结果", "拒绝代码", "报告编号"};
    static final String[] FLAG_HEADER = {"编号", "规则", "规则代码", "经办人", "机构", "经办部门", "情况", "涉及查询", "提出时间", "状态", "审查意见",
        "审查人", "审查时间", "黑名单条目"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ListFilters.ZONE);

    private final QueryLog log;
    private final QueryReview review;

    AuditListExports(QueryLog log, QueryReview review) {
        this.log = log;
        this.review = review;
    }

    /** Writes the query log entries the filter matches; returns how many rows the file holds. */
    long queries(QueryLog.Filter filter, PageRequest order, Map<DepartmentCode, String> departmentNames, OutputStream out) throws IOException {
        return write("查询记录", QUERY_HEADER, out, (sheet, rows) -> log.each(filter, order, LIMIT + 1, q -> rows.accept(new Object[] {
            q.id(), time(q.at()), q.maskedId(), q.kindLabel(), q.organization(), department(q.departmentCode(), departmentNames),
            q.shownActor(), q.actor(), q.purpose(), basis(q), q.outcome(), q.refusalCode(), q.reportNumber()})));
    }

    /** Writes the flags the filter matches; returns how many rows the file holds. */
    long flags(QueryReview.FlagFilter filter, PageRequest order, Map<DepartmentCode, String> departmentNames, OutputStream out)
            throws IOException {
        return write("查询异常使用提示", FLAG_HEADER, out, (sheet, rows) -> review.eachFlag(filter, order, LIMIT + 1, f -> rows.accept(new Object[] {
            f.id(), f.ruleLabel(), f.rule(), f.actor(), f.organization(), department(f.departmentCode(), departmentNames), f.detail(),
            String.join("、", f.queryIds().stream().map(String::valueOf).toList()), time(f.raisedAt()), QueryReviewPageController.statusLabel(f),
            f.note(), f.closedBy(), f.closedAt() == null ? null : time(f.closedAt()), f.blacklistId()})));
    }

    private interface Source {
        void rows(Sheet sheet, Consumer<Object[]> rows);
    }

    private static long write(String sheetName, String[] header, OutputStream out, Source source) throws IOException {
        return XlsxExports.write(out, sheetName, header, sheet -> {
            int[] next = {1};
            boolean[] more = {false};
            source.rows(sheet, cells -> {
                if (next[0] > LIMIT) {
                    more[0] = true;
                    return;
                }
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < cells.length; i++) {
                    Object v = cells[i];
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(v == null ? "" : v.toString());
                    }
                }
            });
            if (more[0]) {
                sheet.createRow(next[0]).createCell(0).setCellValue("符合筛选的超过 " + LIMIT + " 条，只导出了前 " + LIMIT + " 条；请缩小筛选范围（如按日期）后分批导出");
            }
            return next[0] - 1L;
        });
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }

    static String department(DepartmentCode code, Map<DepartmentCode, String> names) {
        return code == null ? "" : names.getOrDefault(code, code.value());
    }

    static String basis(QueryLog.Entry q) {
        return q.basis() != null ? q.basis() : q.authorizationId() == null ? "" : "授权 #" + q.authorizationId();
    }
}
