package org.chengxin.inquiry.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.chengxin.inquiry.IssuedReports;
import org.chengxin.inquiry.IssuedReports.Issued;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 报告核验, public: anyone holding a report types its verification code (or scans its QR code) and sees what the
 * platform issued under it (number, time, validity, scope, the masked number, never a name), and may upload the
 * PDF to learn whether it is the very file issued: its SHA-256 against the one recorded at issue.
 */
@Controller
class VerificationPageController {

    static final long MAX_PDF_BYTES = 10L * 1024 * 1024;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Map<String, String> SCOPES = Map.of("PUBLIC", "公开信息", "AUTHORIZED", "公开信息＋授权查询信息",
            "GOVERNMENT", "政务共享信息", "SELF", "本人查询（全部信息）");

    private final IssuedReports issued;
    private final Clock clock;

    VerificationPageController(IssuedReports issued, Clock clock) {
        this.issued = issued;
        this.clock = clock;
    }

    @GetMapping("/verify")
    String form(@RequestParam(name = "code", required = false) String code, Model model) {
        if (code != null && !code.isBlank()) {
            lookUp(code, model);
        }
        model.addAttribute("code", code == null ? "" : code.strip());
        return "inquiry/verify";
    }

    @PostMapping("/verify")
    String verify(@RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model) {
        model.addAttribute("code", code == null ? "" : code.strip());
        if (code == null || code.isBlank()) {
            return error(model, "请输入报告上的核验码。", "VERIFY_CODE_REQUIRED");
        }
        Optional<Issued> report = lookUp(code, model);
        if (report.isEmpty() || file == null || file.isEmpty()) {
            return "inquiry/verify";
        }
        if (file.getSize() > MAX_PDF_BYTES) {
            return error(model, "文件超过 10 MB，不是平台签发的报告文件。", "VERIFY_FILE_TOO_LARGE");
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readNBytes((int) MAX_PDF_BYTES + 1);
        } catch (IOException e) {
            return error(model, "文件读取失败，请重新上传。", "VERIFY_FILE_UNREADABLE");
        }
        if (!isPdf(bytes)) {
            return error(model, "上传的文件不是 PDF 文件，请上传平台签发的报告 PDF。", "VERIFY_NOT_PDF");
        }
        model.addAttribute("fileResult", issued.isTheIssuedFile(report.get(), bytes)
                .map(same -> same ? "MATCH" : "MISMATCH").orElse("UNRECORDED"));
        return "inquiry/verify";
    }

    private Optional<Issued> lookUp(String code, Model model) {
        Optional<Issued> report = issued.byVerificationCode(code);
        model.addAttribute("looked", true);
        report.ifPresent(found -> {
            model.addAttribute("report", found);
            model.addAttribute("scopeLabel", SCOPES.getOrDefault(found.scope(), found.scope()));
            model.addAttribute("issuedAt", found.issuedAt().atZone(ZONE).toLocalDateTime());
            model.addAttribute("valid", !found.validUntil().isBefore(LocalDate.now(clock.withZone(ZONE))));
        });
        return report;
    }

    /** A PDF starts with its header, whatever name or type the browser gave it. */
    private static boolean isPdf(byte[] bytes) {
        return bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
    }

    private static String error(Model model, String message, String code) {
        model.addAttribute("error", message);
        model.addAttribute("errorCode", code);
        return "inquiry/verify";
    }
}
