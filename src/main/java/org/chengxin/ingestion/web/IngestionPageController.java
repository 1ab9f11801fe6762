package org.chengxin.ingestion.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.ingestion.BatchFormat;
import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.Submission;
import org.chengxin.ingestion.internal.TempFiles;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.text.TextDecoding;
import org.chengxin.shared.upload.Uploads;
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

    IngestionPageController(RecordBatches batches, PushableItems pushable, Uploads uploads) {
        this.batches = batches;
        this.pushable = pushable;
        this.uploads = uploads;
    }

    /** {@code refused=FILE_TOO_LARGE}: an upload over the limit was sent back here (see {@link UploadSizeFilter}). */
    @GetMapping("/ingestion")
    String index(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(required = false) String refused, Model model) {
        if (UploadSizeFilter.REFUSAL.equals(refused)) {
            model.addAttribute("error", uploads.tooLarge());
        }
        return page(who, model);
    }

    /** The batch list alone, refreshed in place while a batch is running. */
    @GetMapping("/ingestion/batches")
    String list(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        model.addAttribute("batches", batches.ofDepartment(who.departmentCode(), 20));
        return "ingestion/index :: batches";
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
            return page(who, model);
        }
    }

    private String page(ChengxinPrincipal who, Model model) {
        model.addAttribute("items", pushable.of(who.departmentCode()));
        model.addAttribute("batches", batches.ofDepartment(who.departmentCode(), 20));
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
