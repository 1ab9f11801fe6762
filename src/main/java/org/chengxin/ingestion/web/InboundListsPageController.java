package org.chengxin.ingestion.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.chengxin.ingestion.BatchFormat;
import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.Submission;
import org.chengxin.ingestion.internal.TempFiles;
import org.chengxin.organization.Department;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.text.TextDecoding;
import org.chengxin.shared.upload.Uploads;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator imports an upstream platform's list for it (issue 18 item 2), when the list came as a file rather
 * than through the platform's system: the same import, the batch registered for the platform, audited
 * {@code ingestion.inbound-list} under the administrator; and every platform's recent deliveries with their counts.
 */
@Controller
class InboundListsPageController {

    private static final int RECENT = 20;

    private final RecordBatches batches;
    private final Departments departments;
    private final Uploads uploads;

    InboundListsPageController(RecordBatches batches, Departments departments, Uploads uploads) {
        this.batches = batches;
        this.departments = departments;
        this.uploads = uploads;
    }

    @GetMapping("/admin/inbound-lists")
    String page(Model model) {
        List<Department> platforms = platforms();
        List<BatchReport> recent = new ArrayList<>();
        for (Department p : platforms) {
            recent.addAll(batches.ofDepartment(p.code(), RECENT));
        }
        recent.sort(Comparator.comparing(BatchReport::id).reversed());
        model.addAttribute("platforms", platforms);
        model.addAttribute("names", platforms.stream().collect(Collectors.toMap(p -> p.code().value(), Department::name)));
        model.addAttribute("deliveries", recent.size() > RECENT ? recent.subList(0, RECENT) : recent);
        return "admin/inbound-lists";
    }

    /** Everything that can refuse the upload is checked before it is written to disk, which only the batch then deletes. */
    @PostMapping("/admin/inbound-lists")
    String upload(@RequestParam String platform, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String itemCode, @RequestParam(required = false) String charset,
            RedirectAttributes redirect, Model model) throws IOException {
        try {
            DepartmentCode code = DepartmentCode.parse(platform).orElseThrow(() -> ChengxinException.forbidden(
                    "INBOUND_PLATFORM_REQUIRED", "只能导入已登记且有效的外部信用平台（上级平台）的名单"));
            if (file.isEmpty()) {
                throw ChengxinException.badRequest("FILE_EMPTY", "请选择要上传的文件");
            }
            BatchFormat format = RecordBatchesApiController.formatOf(file.getOriginalFilename());
            Charset declared = TextDecoding.charsetNamed(charset);
            Path path;
            try (InputStream in = file.getInputStream()) {
                path = TempFiles.spool(in, format, uploads);
            }
            long id = batches.importList(code, new Submission(path, format, file.getOriginalFilename(),
                    itemCode == null || itemCode.isBlank() ? null : itemCode.strip(), declared, false));
            redirect.addFlashAttribute("notice", "名单已接收，批次 " + id + " 正在处理；刷新本页查看处理结果");
            return "redirect:/admin/inbound-lists";
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return page(model);
        }
    }

    /** The rejected rows of a platform's delivery, as CSV (UTF-8 with BOM); a batch of no external platform is not found. */
    @GetMapping("/admin/inbound-lists/{platform}/batches/{id}/rejections.csv")
    void rejections(@PathVariable String platform, @PathVariable long id, HttpServletResponse response) throws IOException {
        DepartmentCode code = platforms().stream().map(Department::code).filter(c -> c.value().equals(platform)).findFirst()
                .orElseThrow(RecordBatchesApiController.BatchNotFound::new);
        batches.report(id, code).orElseThrow(RecordBatchesApiController.BatchNotFound::new);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"list-" + id + "-rejections.csv\"");
        RejectionExport.csv(batches, id, response.getOutputStream());
    }

    private List<Department> platforms() {
        return departments.all().stream().filter(d -> d.kind() == DepartmentKind.EXTERNAL_PLATFORM && d.active())
                .sorted(Comparator.comparing(d -> d.code().value())).toList();
    }
}
