package org.chengxin.identity.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import org.chengxin.identity.PopulationRegister;
import org.chengxin.identity.RegisterImport;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.text.TextDecoding;
import org.chengxin.shared.upload.FileNames;
import org.chengxin.shared.upload.Uploads;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The administrator imports the city's population base data (CSV: 身份证号, 姓名). */
@Controller
class PopulationRegisterPageController {

    private static final long MAX_BYTES = 20L * 1024 * 1024;

    private final PopulationRegister register;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PopulationRegisterPageController(PopulationRegister register, ApplicationEventPublisher events, Clock clock) {
        this.register = register;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/admin/population")
    String page(Model model) {
        model.addAttribute("size", register.size());
        return "admin/population";
    }

    @PostMapping("/admin/population")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(name = "charset", required = false) String charset,
            Model model) throws IOException {
        try {
            if (file.isEmpty()) {
                throw ChengxinException.badRequest("FILE_EMPTY", "请选择要导入的文件");
            }
            if (file.getSize() > MAX_BYTES) {
                throw Uploads.tooLarge(MAX_BYTES);
            }
            // the source column holds 200 characters: the file name keeps 191 bytes, so at most 191 of them
            String source = "人口基础信息导入：" + (file.getOriginalFilename() == null ? "未命名文件" : FileNames.fitted(file.getOriginalFilename(), 191));
            RegisterImport result = register.importCsv(file.getBytes(), TextDecoding.charsetNamed(charset), source);
            model.addAttribute("result", result);
        } catch (ChengxinException e) {
            events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "identity.register-import", null,
                    "人口基础信息导入", AuditOutcome.FAILED, "导入被拒绝：" + e.code()));
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorCode", e.code());
        }
        return page(model);
    }
}
