package org.chengxin.ingestion.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.ingestion.BatchFormat;
import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.BatchReport.BatchStatus;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.Submission;
import org.chengxin.ingestion.internal.TempFiles;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.listing.Listing;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.text.TextDecoding;
import org.chengxin.shared.upload.Uploads;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The data officer uploads a file, watches it being processed, and downloads what was rejected. */
@Controller
class IngestionPageController {

    private final RecordBatches batches;
    private final PushableItems pushable;
    private final Uploads uploads;
    private final BatchListExport exporter;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IngestionPageController(RecordBatches batches, PushableItems pushable, Uploads uploads, BatchListExport exporter,
            ApplicationEventPublisher events, Clock clock) {
        this.batches = batches;
        this.pushable = pushable;
        this.uploads = uploads;
        this.exporter = exporter;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The upload form and the department's batches, filtered ({@link BatchListQuery}), paged and sorted.
     * {@code refused=FILE_TOO_LARGE}: an upload over the limit was sent back here (see {@link UploadSizeFilter}).
     */
    @GetMapping("/ingestion")
    String index(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(required = false) String refused,
            @RequestParam Map<String, String> params, Model model) {
        if (UploadSizeFilter.REFUSAL.equals(refused)) {
            model.addAttribute("error", uploads.tooLarge());
        }
        return page(who, params, model);
    }

    /** The batch list alone (same filter, page and sort), refreshed in place while a batch is running. */
    @GetMapping("/ingestion/batches")
    String list(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> params, Model model) {
        listing(who, params, model);
        return "ingestion/index :: batches";
    }

    /** The filtered batches as XLSX, streamed (at most {@value BatchListExport#MAX_ROWS} rows), and audited. */
    @GetMapping("/ingestion/export.xlsx")
    void export(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> params, HttpServletResponse response)
            throws IOException {
        BatchListQuery query = BatchListQuery.of(params);
        RecordBatches.BatchFilter filter = query.filter(who.departmentCode());
        response.setContentType(BatchListExport.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"batches.xlsx\"; filename*=UTF-8''"
                + URLEncoder.encode("报送批次.xlsx", StandardCharsets.UTF_8));
        long rows = exporter.write(filter, query.request(), response.getOutputStream());
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "ingestion.batches-export", null, "核对本部门报送情况",
                AuditOutcome.SUCCESS, "导出本部门报送批次 " + rows + " 个；筛选：" + query.describe()));
    }

    private void listing(ChengxinPrincipal who, Map<String, String> params, Model model) {
        BatchListQuery query;
        try {
            query = BatchListQuery.of(params);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            query = BatchListQuery.of(Map.of());
        }
        PageResult<BatchReport> page = batches.page(query.filter(who.departmentCode()), query.request());
        Listing<BatchReport> listing = Listing.of(page, "/ingestion", query.params());
        model.addAttribute("listing", listing);
        model.addAttribute("batches", page.items());
        model.addAttribute("sources", page.items().stream().collect(Collectors.toMap(BatchReport::id, BatchListExport::source)));
        model.addAttribute("query", query);
        model.addAttribute("statuses", BatchStatus.values());
        model.addAttribute("pollUrl", Listing.of(page, "/ingestion/batches", query.params()).pageUrl(page.number()));
        model.addAttribute("exportUrl", listing.urlOf("/ingestion/export.xlsx"));
    }

    /** Everything that can refuse the upload is checked before it is written to disk, which only a batch then deletes. */
    @PostMapping("/ingestion")
    String upload(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String itemCode, @RequestParam(required = false) String charset,
            @RequestParam(defaultValue = "false") boolean atomic, Model model) throws IOException {
        try {
            if (file.isEmpty()) {
                throw ChengxinException.badRequest("FILE_EMPTY", "请选择要上传的文件");
            }
            BatchFormat format = RecordBatchesApiController.formatOf(file.getOriginalFilename());
            Charset declared = TextDecoding.charsetNamed(charset);
            Path path;
            try (InputStream in = file.getInputStream()) {
                path = TempFiles.spool(in, format, uploads);
            }
            long id = batches.submit(new Submission(path, format, file.getOriginalFilename(),
                    itemCode == null || itemCode.isBlank() ? null : itemCode, declared, atomic));
            return "redirect:/ingestion/batches/" + id;
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return page(who, Map.of(), model);
        }
    }

    private String page(ChengxinPrincipal who, Map<String, String> params, Model model) {
        model.addAttribute("items", pushable.of(who.departmentCode()));
        listing(who, params, model);
        return "ingestion/index";
    }

    @GetMapping("/ingestion/batches/{id}")
    String batch(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, Model model) {
        model.addAttribute("batch", report(who, id));
        model.addAttribute("fieldLabels", pushable.fieldLabels());
        return "ingestion/batch";
    }

    /** The progress part of a batch's page, polled while it runs. */
    @GetMapping("/ingestion/batches/{id}/progress")
    String progress(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, Model model) {
        model.addAttribute("batch", report(who, id));
        model.addAttribute("fieldLabels", pushable.fieldLabels());
        return "ingestion/batch :: progress";
    }

    @GetMapping("/ingestion/batches/{id}/rejections.csv")
    void rejectionsCsv(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        report(who, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"batch-" + id + "-rejections.csv\"");
        RejectionExport.csv(batches, id, response.getOutputStream());
    }

    @GetMapping("/ingestion/batches/{id}/rejections.xlsx")
    void rejectionsXlsx(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        report(who, id);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"batch-" + id + "-rejections.xlsx\"");
        RejectionExport.xlsx(batches, id, response.getOutputStream());
    }

    private BatchReport report(ChengxinPrincipal who, long id) {
        return batches.report(id, who.departmentCode()).orElseThrow(RecordBatchesApiController.BatchNotFound::new);
    }
}
