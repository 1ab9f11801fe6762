package org.chengxin.records.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.records.RecordFilter;
import org.chengxin.records.RecordListRow;
import org.chengxin.records.Records;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.XlsxExports;
import org.springframework.stereotype.Component;

/**
 * Writes a department's filtered records as XLSX without holding them: the rows come from a database cursor, are
 * taken {@value #CHUNK} at a time to look up the masked numbers and names in one query each, and SXSSF keeps only
 * {@value XlsxExports#WINDOW} rows of the sheet in memory (the rest in a compressed temporary file until the file is sent).
 */
@Component
class RecordsExport {

    static final String[] HEADER = {"编号", "信息项", "当事人姓名", "身份证号", "决定日期", "文书号", "来源编号", "版本", "状态", "公开至", "入库时间"};
    /** One sheet holds 1,048,576 rows; an export stops before and says so in its last row. */
    static final int MAX_ROWS = 1_000_000;
    private static final int CHUNK = 1000;
    private static final DateTimeFormatter ACCEPTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final Records records;
    private final Citizens citizens;
    private final PopulationRegister register;

    RecordsExport(Records records, Citizens citizens, PopulationRegister register) {
        this.records = records;
        this.citizens = citizens;
        this.register = register;
    }

    /** Writes the file and returns how many records it holds. */
    long write(RecordFilter filter, PageRequest order, Map<String, String> itemNames, OutputStream out) throws IOException {
        return XlsxExports.write(out, "本部门信用记录", HEADER, sheet -> {
            List<RecordListRow> chunk = new ArrayList<>(CHUNK);
            int[] next = {1};
            long[] skipped = {0};
            records.eachOfDepartment(filter, order, row -> {
                if (next[0] + chunk.size() > MAX_ROWS) {
                    skipped[0]++;
                    return;
                }
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    next[0] = writeChunk(sheet, next[0], chunk, itemNames);
                }
            });
            next[0] = writeChunk(sheet, next[0], chunk, itemNames);
            if (skipped[0] > 0) {
                sheet.createRow(next[0]).createCell(0).setCellValue("另有 " + skipped[0] + " 条超出单个文件的行数上限，请缩小筛选范围后分批导出");
            }
            return next[0] - 1L;
        });
    }

    private int writeChunk(Sheet sheet, int first, List<RecordListRow> chunk, Map<String, String> itemNames) {
        if (chunk.isEmpty()) {
            return first;
        }
        List<Long> ids = chunk.stream().map(RecordListRow::subjectId).toList();
        Map<Long, String> maskedIds = citizens.maskedIds(ids);
        Map<Long, String> names = new HashMap<>();
        register.namesOf(ids).forEach((id, name) -> names.put(id, Masking.name(name)));
        int n = first;
        for (RecordListRow r : chunk) {
            Row row = sheet.createRow(n++);
            row.createCell(0).setCellValue(r.id());
            row.createCell(1).setCellValue(itemNames.getOrDefault(r.itemCode(), r.itemCode()));
            row.createCell(2).setCellValue(names.getOrDefault(r.subjectId(), "—"));
            row.createCell(3).setCellValue(maskedIds.getOrDefault(r.subjectId(), "—"));
            row.createCell(4).setCellValue(r.decisionDate().toString());
            row.createCell(5).setCellValue(r.documentNumber() == null ? "" : r.documentNumber());
            row.createCell(6).setCellValue(r.sourceId());
            row.createCell(7).setCellValue(r.version());
            row.createCell(8).setCellValue(r.status().label());
            row.createCell(9).setCellValue(r.expiresOn().toString());
            row.createCell(10).setCellValue(ACCEPTED.format(r.acceptedAt()));
        }
        chunk.clear();
        return n;
    }
}
