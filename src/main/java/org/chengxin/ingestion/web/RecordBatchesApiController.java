package org.chengxin.ingestion.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.ingestion.BatchFormat;
import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.Submission;
import org.chengxin.ingestion.internal.TempFiles;
import org.chengxin.shared.error.ApiAnswers;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.text.TextDecoding;
import org.chengxin.shared.upload.Uploads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Department systems push records: JSON in the body, or a CSV, XLSX or JSON Lines file. */
@RestController
@Tag(name = "信用记录报送", description = "部门报送个人公共信用信息")
class RecordBatchesApiController {

    /** The one operation of both pushes, JSON and a file (the description has one operation a path and method). */
    private static final String PUSH = "pushRecordBatch";

    private final RecordBatches batches;
    private final Uploads uploads;

    RecordBatchesApiController(RecordBatches batches, Uploads uploads) {
        this.batches = batches;
        this.uploads = uploads;
    }

    @ApiAnswers(success = 202, scopes = "records:write", problems = {413, 415})
    @PostMapping(path = "/api/v1/record-batches", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = PUSH, summary = "以 JSON 报送一批记录", description = "请求体 {\"records\":[{sourceId,itemCode,idNumber,name,decisionDate,documentNumber,content:{...}}]}。异步处理，返回批次编号。atomic=true 时整批全部通过才入库。",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RecordBatch.class))))
    ResponseEntity<BatchReport> pushJson(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean atomic)
            throws IOException {
        if (request.getContentLengthLong() > uploads.maxBytes()) {
            throw uploads.tooLarge();
        }
        Path file = TempFiles.spool(request.getInputStream(), BatchFormat.JSON, uploads);
        return accepted(batches.submit(new Submission(file, BatchFormat.JSON, null, null, null, atomic)));
    }

    @ApiAnswers(success = 202, scopes = "records:write", problems = {413, 415})
    @PostMapping(path = "/api/v1/record-batches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = PUSH, summary = "以文件报送一批记录", description = "file：CSV（UTF-8、GBK、GB18030，可用 charset 指明）、XLSX 或 JSON Lines；也接受国家“双公示”格式（CF_*、XK_* 列）。itemCode：行中未写信息项代码时使用。文件名超过 255 字节时缩短保存（保留扩展名）。")
    ResponseEntity<BatchReport> pushFile(@RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String charset, @RequestParam(required = false) String itemCode,
            @RequestParam(defaultValue = "false") boolean atomic) throws IOException {
        BatchFormat format = formatOf(file.getOriginalFilename());
        var declared = TextDecoding.charsetNamed(charset);
        Path path;
        try (InputStream in = file.getInputStream()) {
            path = TempFiles.spool(in, format, uploads);
        }
        return accepted(batches.submit(new Submission(path, format, file.getOriginalFilename(),
                itemCode == null || itemCode.isBlank() ? null : itemCode.strip(), declared, atomic)));
    }

    @ApiAnswers(scopes = "records:write", problems = 404)
    @GetMapping("/api/v1/record-batches/{id}")
    @Operation(operationId = "batchReport", summary = "批次处理情况", description = "状态、进度、接收与拒绝数，以及前1000条拒绝明细（行号、字段、错误代码、说明）。")
    BatchReport report(@PathVariable long id) {
        return batches.report(id, department()).orElseThrow(BatchNotFound::new);
    }

    @ApiAnswers(scopes = "records:write", problems = 404, media = "text/csv")
    @GetMapping("/api/v1/record-batches/{id}/rejections.csv")
    void rejectionsCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        report(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"batch-" + id + "-rejections.csv\"");
        RejectionExport.csv(batches, id, response.getOutputStream());
    }

    @ApiAnswers(scopes = "records:write", problems = 404, media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @GetMapping("/api/v1/record-batches/{id}/rejections.xlsx")
    void rejectionsXlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
        report(id);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"batch-" + id + "-rejections.xlsx\"");
        RejectionExport.xlsx(batches, id, response.getOutputStream());
    }

    static BatchFormat formatOf(String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return BatchFormat.CSV;
        }
        if (name.endsWith(".xlsx")) {
            return BatchFormat.XLSX;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return BatchFormat.JSONL;
        }
        if (name.endsWith(".json")) {
            return BatchFormat.JSON;
        }
        if (name.endsWith(".xls")) {
            throw ChengxinException.badRequest("FILE_OLD_EXCEL", "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 后上传");
        }
        throw ChengxinException.badRequest("FILE_UNSUPPORTED_FORMAT", "不支持的文件类型：请上传 .csv、.xlsx、.json 或 .jsonl 文件");
    }

    private static DepartmentCode department() {
        DepartmentCode department = CurrentActor.get().department();
        if (department == null) {
            throw ChengxinException.forbidden("PUSH_WITHOUT_DEPARTMENT", "只有部门的报送员或业务系统可以查询报送批次");
        }
        return department;
    }

    private ResponseEntity<BatchReport> accepted(long id) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/record-batches/" + id))
                .body(batches.report(id, department()).orElseThrow(BatchNotFound::new));
    }

    /** A batch of another department, or none: the same answer, so nothing is revealed. */
    static final class BatchNotFound extends ChengxinException {
        BatchNotFound() {
            super(Kind.NOT_FOUND, "BATCH_NOT_FOUND", "批次不存在或不属于本部门");
        }
    }

    /**
     * The JSON batch as the API description shows it (exchange spec 4.1), for clients generated from the description.
     * The platform does not bind the body to it: it reads the records one by one and rejects a malformed one by itself.
     */
    @Schema(name = "RecordBatch", description = "一批记录（JSON 请求体）")
    record RecordBatch(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<PushedRecord> records) {
    }

    /** One record of a JSON batch. */
    @Schema(name = "PushedRecord", description = "一条记录：六个通用字段在顶层，专有字段在 content 中（值按文本处理，编号须写成字符串）")
    record PushedRecord(@Schema(description = "本部门的来源编号") String sourceId, @Schema(description = "信息项代码") String itemCode,
            @Schema(description = "公民身份号码") String idNumber, String name, LocalDate decisionDate, String documentNumber,
            @Schema(description = "专有字段") Map<String, Object> content) {
    }
}
