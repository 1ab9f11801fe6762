package org.chengxin.ingestion.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.ingestion.BatchFormat;
import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.BatchReport.BatchStatus;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.RejectionFilter;
import org.chengxin.ingestion.RecordBatches.Submission;
import org.chengxin.ingestion.domain.Rejection;
import org.chengxin.ingestion.internal.TempFiles;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.listing.Listing;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.XlsxExports;
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

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final RecordBatches batches;
    private final PushableItems pushable;
    private final Uploads uploads;
    private final BatchListExport exporter;
    private final RejectionListExport rejectionExporter;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IngestionPageController(RecordBatches batches, PushableItems pushable, Uploads uploads, BatchListExport exporter,
            RejectionListExport rejectionExporter, ApplicationEventPublisher events, Clock clock) {
        this.batches = batches;
        this.pushable = pushable;
        this.uploads = uploads;
        this.exporter = exporter;
        this.rejectionExporter = rejectionExporter;
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
        XlsxExports.attach(response, "报送批次.xlsx");
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

    /**
     * A batch: its progress, then (once it has ended) its rejected rows as a list with the tools of every staff list
     * ({@link RejectionsQuery}: row numbers, source id, field, error; sorted; numbered pages; a filtered XLSX export).
     */
    @GetMapping("/ingestion/batches/{id}")
    String batch(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, @RequestParam Map<String, String> params,
            Model model) {
        batchModel(report(who, id), params, model);
        return "ingestion/batch";
    }

    /** The progress part of a batch's page, polled while it runs (with the rejection list once it has ended). */
    @GetMapping("/ingestion/batches/{id}/progress")
    String progress(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, @RequestParam Map<String, String> params,
            Model model) {
        batchModel(report(who, id), params, model);
        return "ingestion/batch :: progress";
    }

    private void batchModel(BatchReport batch, Map<String, String> params, Model model) {
        Map<String, String> fieldLabels = pushable.fieldLabels();
        model.addAttribute("batch", batch);
        model.addAttribute("fieldLabels", fieldLabels);
        RejectionsQuery query = RejectionsQuery.of(params);
        String path = "/ingestion/batches/" + batch.id();
        PageResult<Rejection> page = batch.rejected() == 0 ? new PageResult<>(List.of(), 0, query.request())
                : batches.rejectionPage(batch.id(), query.filter(), query.request());
        Listing<Rejection> listing = Listing.of(page, path, query.params());
        Map<String, String> codeLabels = RejectionCodes.labels(batch.rejected() == 0 ? Map.of() : batches.rejectionCodes(batch.id()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(RejectionFilter.WHOLE_ROW, "（整行）");
        if (batch.rejected() > 0) {
            batches.rejectedFields(batch.id()).forEach(f -> fields.put(f, fieldLabels.getOrDefault(f, f)));
        }
        model.addAttribute("rejectionQuery", query);
        model.addAttribute("rejectionListing", listing);
        model.addAttribute("codeLabels", codeLabels);
        model.addAttribute("rejectedFields", fields);
        model.addAttribute("rejectionsPath", path);
        model.addAttribute("rejectionsExportUrl", listing.urlOf(path + "/rejections/export.xlsx"));
    }

    /**
     * The batch's rejections as filtered and sorted on its page, as XLSX (streamed, at most
     * {@value RejectionListExport#MAX_ROWS} rows); audited with the filter and the count. Rejections hold no ID number
     * or name, so nothing needs masking.
     */
    @GetMapping("/ingestion/batches/{id}/rejections/export.xlsx")
    void rejectionsExport(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, @RequestParam Map<String, String> params,
            HttpServletResponse response) throws IOException {
        report(who, id);
        RejectionsQuery query = RejectionsQuery.of(params);
        Map<String, String> fieldLabels = pushable.fieldLabels();
        Map<String, String> codeLabels = RejectionCodes.labels(batches.rejectionCodes(id));
        XlsxExports.attach(response, "批次" + id + "拒绝明细-" + LocalDate.now(clock.withZone(CITY)) + ".xlsx");
        long[] written = {0};
        AuditOutcome outcome = AuditOutcome.FAILED;
        try {
            written[0] = rejectionExporter.write(id, query.filter(), query.request(), fieldLabels, response.getOutputStream());
            outcome = AuditOutcome.SUCCESS;
        } finally {
            events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "ingestion.rejections-export", null, "核对本部门报送情况",
                    outcome, "导出批次 " + id + " 的拒绝明细 " + written[0] + " 条；筛选：" + query.describe(fieldLabels, codeLabels)));
        }
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
