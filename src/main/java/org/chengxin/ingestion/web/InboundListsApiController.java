package org.chengxin.ingestion.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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

/**
 * An upstream platform (信用湖南, 信用中国) delivers a national or provincial list about the city's residents (issue 18
 * item 2): the same files and checks as a department's push, as a batch of the platform, for the items whose catalog
 * entry names the platform among its sources; a row saying that the entry ended revokes the record held.
 */
@RestController
@Tag(name = "上级名单导入", description = "上级信用平台送达全国或全省名单（如失信被执行人名单）")
class InboundListsApiController {

    private static final String IMPORT = "importInboundList";

    private final RecordBatches batches;
    private final Uploads uploads;

    InboundListsApiController(RecordBatches batches, Uploads uploads) {
        this.batches = batches;
        this.uploads = uploads;
    }

    @ApiAnswers(success = 202, scopes = "lists:import", problems = {413, 415})
    @PostMapping(path = "/api/v1/inbound-lists", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = IMPORT, summary = "以 JSON 送达一批名单条目", description = "请求体 {\"records\":[{sourceId,itemCode,idNumber,name,decisionDate,documentNumber,listStatus,endDate,content:{...}}]}。listStatus 0 正常 / 1 撤销；endDate 移出日期。异步处理，返回批次编号。只接受目录将本平台列为来源的信息项。",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = InboundList.class))))
    ResponseEntity<BatchReport> importJson(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean atomic)
            throws IOException {
        DepartmentCode platform = platform();
        if (request.getContentLengthLong() > uploads.maxBytes()) {
            throw uploads.tooLarge();
        }
        Path file = TempFiles.spool(request.getInputStream(), BatchFormat.JSON, uploads);
        return accepted(batches.importList(platform, new Submission(file, BatchFormat.JSON, null, null, null, atomic)));
    }

    @ApiAnswers(success = 202, scopes = "lists:import", problems = {413, 415})
    @PostMapping(path = "/api/v1/inbound-lists", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = IMPORT, summary = "以文件送达名单", description = "file：CSV（UTF-8、GBK、GB18030，可用 charset 指明）、XLSX 或 JSON Lines，列见接口说明第19节（名单状态、移出日期）。itemCode：行中未写信息项代码时使用。名单中有不认识的列时逐行拒绝（INBOUND_COLUMN_UNKNOWN）。")
    ResponseEntity<BatchReport> importFile(@RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String charset, @RequestParam(required = false) String itemCode,
            @RequestParam(defaultValue = "false") boolean atomic) throws IOException {
        DepartmentCode platform = platform();
        BatchFormat format = RecordBatchesApiController.formatOf(file.getOriginalFilename());
        var declared = TextDecoding.charsetNamed(charset);
        Path path;
        try (InputStream in = file.getInputStream()) {
            path = TempFiles.spool(in, format, uploads);
        }
        return accepted(batches.importList(platform, new Submission(path, format, file.getOriginalFilename(),
                itemCode == null || itemCode.isBlank() ? null : itemCode.strip(), declared, atomic)));
    }

    @ApiAnswers(scopes = "lists:import", problems = 404)
    @GetMapping("/api/v1/inbound-lists/{id}")
    @Operation(operationId = "inboundListReport", summary = "名单批次处理情况", description = "状态、进度、新增、更正、未变、结束（ended）与拒绝数，以及前1000条拒绝明细。")
    BatchReport report(@PathVariable long id) {
        return batches.report(id, platform()).orElseThrow(RecordBatchesApiController.BatchNotFound::new);
    }

    @ApiAnswers(scopes = "lists:import", problems = 404, media = "text/csv")
    @GetMapping("/api/v1/inbound-lists/{id}/rejections.csv")
    @Operation(operationId = "inboundListRejectionsCsv", summary = "名单批次的拒绝明细（CSV）", description = "该批次被拒绝的全部行：行号、字段、错误代码和说明。")
    void rejectionsCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        report(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"list-" + id + "-rejections.csv\"");
        RejectionExport.csv(batches, id, response.getOutputStream());
    }

    /** The platform the calling system is registered for; the import itself checks that it is an external platform. */
    private static DepartmentCode platform() {
        DepartmentCode platform = CurrentActor.get().department();
        if (platform == null) {
            throw ChengxinException.forbidden("INBOUND_PLATFORM_REQUIRED", "只有上级信用平台的系统可以送达名单");
        }
        return platform;
    }

    private ResponseEntity<BatchReport> accepted(long id) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/inbound-lists/" + id))
                .body(batches.report(id, platform()).orElseThrow(RecordBatchesApiController.BatchNotFound::new));
    }

    /** The JSON list as the API description shows it; the platform reads the records one by one, as for a push. */
    @Schema(name = "InboundList", description = "一批名单条目（JSON 请求体）")
    record InboundList(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<InboundEntry> records) {
    }

    /** One entry of an upstream list. */
    @Schema(name = "InboundEntry", description = "一个名单条目：通用字段在顶层，信息项的专有字段在 content 中（值按文本处理）")
    record InboundEntry(@Schema(description = "上级平台的条目编号（来源编号）") String sourceId, @Schema(description = "信息项代码") String itemCode,
            @Schema(description = "公民身份号码") String idNumber, String name, LocalDate decisionDate, String documentNumber,
            @Schema(description = "名单状态：0 正常，1 撤销（已移出）") String listStatus,
            @Schema(description = "移出日期（条目结束之日）") LocalDate endDate,
            @Schema(description = "专有字段") Map<String, Object> content) {
    }
}
