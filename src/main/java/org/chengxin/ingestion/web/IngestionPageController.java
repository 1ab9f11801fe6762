package org.chengxin.ingestion.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.ingestion.BatchFormat;
import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.Submission;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.text.TextDecoding;
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
    private final long maxBytes;

    IngestionPageController(RecordBatches batches, PushableItems pushable,
            @org.springframework.beans.factory.annotation.Value("${chengxin.ingestion.max-upload-bytes:1073741824}") long maxBytes) {
        this.batches = batches;
        this.pushable = pushable;
        this.maxBytes = maxBytes;
    }

    @GetMapping("/ingestion")
    String index(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        model.addAttribute("items", pushable.of(who.departmentCode()));
        model.addAttribute("batches", batches.ofDepartment(who.departmentCode(), 20));
        return "ingestion/index";
    }

    /** The batch list alone, refreshed in place while a batch is running. */
    @GetMapping("/ingestion/batches")
    String list(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        model.addAttribute("batches", batches.ofDepartment(who.departmentCode(), 20));
        return "ingestion/index :: batches";
    }

    @PostMapping("/ingestion")
    String upload(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String itemCode, @RequestParam(required = false) String charset,
            @RequestParam(defaultValue = "false") boolean atomic, Model model) throws IOException {
        try {
            if (file.isEmpty()) {
                throw ChengxinException.badRequest("FILE_EMPTY", "请选择要上传的文件");
            }
            if (file.getSize() > maxBytes) {
                throw ChengxinException.badRequest("UPLOAD_TOO_LARGE", "文件超过允许的大小（" + maxBytes / 1024 / 1024 + " MB），请分批报送");
            }
            BatchFormat format = RecordBatchesApiController.formatOf(file.getOriginalFilename());
            Path path = Files.createTempFile("chengxin-batch-", "." + format.name().toLowerCase(Locale.ROOT));
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(path);
                throw e;
            }
            long id = batches.submit(new Submission(path, format, file.getOriginalFilename(),
                    itemCode == null || itemCode.isBlank() ? null : itemCode, TextDecoding.charsetNamed(charset), atomic));
            return "redirect:/ingestion/batches/" + id;
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return index(who, model);
        }
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
