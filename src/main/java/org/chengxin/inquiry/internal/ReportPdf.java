package org.chengxin.inquiry.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.CreditReport.ReportRecord;
import org.chengxin.inquiry.internal.ReportPdfFonts.Face;
import org.springframework.stereotype.Component;

/**
 * The personal public credit report as an A4 PDF (个人公共信用信息报告), laid out like a credit bureau's report:
 * the header with the verification QR code, 一 to 六 and the 说明, a footer on every page. Its text is real text
 * in embedded font subsets, so it can be selected and searched and looks the same where no Chinese font is
 * installed. The same report gives the same bytes (dates from the report, a document ID from its number and
 * content hash), so the SHA-256 of the file identifies the document issued.
 */
@Component
public class ReportPdf {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss").withZone(ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final Map<String, Integer> SEVERITY = Map.of("严重", 0, "较重", 1, "一般", 2, "轻微", 3);
    private static final float[] RECORD_WIDTHS = { 92, 86, 52, 99, 111, 55 };
    private static final float[] DISHONESTY_WIDTHS = { 80, 28, 86, 52, 99, 95, 55 };

    private final ReportPdfFonts fonts = new ReportPdfFonts();

    /**
     * Renders the report; the QR code on the first page points at {@code verificationUrl?code=...}.
     */
    public byte[] render(CreditReport report, String verificationUrl) {
        try (PDDocument document = new PDDocument(); ReportPdfFonts.Session session = fonts.open(document)) {
            ReportPdfCanvas canvas = new ReportPdfCanvas(document, session);
            String url = verificationUrl + "?code=" + report.verificationCode();
            header(canvas, report, url);
            basics(canvas, report);
            summary(canvas, report);
            records(canvas, "三、优良信用记录", report.goodCredit(), false);
            List<ReportRecord> dishonesty = new ArrayList<>(report.dishonesty());
            dishonesty.sort(Comparator.comparing(r -> SEVERITY.getOrDefault(r.severity(), 9)));
            records(canvas, "四、失信记录（按严重程度）", dishonesty, true);
            records(canvas, "五、其他信息", report.other(), false);
            queries(canvas, report);
            notes(canvas, report, verificationUrl);
            canvas.finish();
            footers(document, canvas, report);
            describe(document, report);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render report " + report.reportNumber(), e);
        }
    }

    private static void header(ReportPdfCanvas canvas, CreditReport report, String url) throws IOException {
        float qr = 78;
        ReportPdfQr.draw(canvas.content(), url, ReportPdfCanvas.RIGHT - qr, canvas.y(), qr);
        canvas.text(ReportPdfCanvas.RIGHT - qr + 15, canvas.y() - qr - 10, "扫码核验", Face.REGULAR, 8);
        canvas.text(ReportPdfCanvas.LEFT, canvas.y() - 22, "个人公共信用信息报告", Face.BOLD, 20);
        canvas.down(40);
        line(canvas, "报告编号：" + report.reportNumber());
        line(canvas, "报告时间：" + TIME.format(report.issuedAt()));
        line(canvas, "有效期至：" + DAY.format(report.validUntil()));
        line(canvas, "报告范围：" + report.scopeLabel());
        line(canvas, "核验码：" + report.verificationCode());
        canvas.down(Math.max(4, canvas.y() - (ReportPdfCanvas.TOP - qr - 18)));
        canvas.rule(ReportPdfCanvas.LEFT, ReportPdfCanvas.RIGHT, canvas.y(), 1.2f);
        canvas.down(6);
    }

    private static void basics(ReportPdfCanvas canvas, CreditReport report) {
        section(canvas, "一、基本信息");
        line(canvas, "姓名：" + report.subject().name());
        line(canvas, "证件号码：" + report.subject().maskedIdNumber() + "（居民身份证，已脱敏）");
        CreditReport.Requester requester = report.requester();
        if (requester != null) {
            line(canvas, "查询机构：" + join(requester.organization(), requester.department()));
            line(canvas, "经办人：" + orDash(requester.clerk()) + "　查询方式：" + orDash(requester.queryKind()));
            line(canvas, "查询用途：" + orDash(requester.purpose()));
            line(canvas, "授权情况：" + orDash(requester.authorization()));
        }
    }

    private static void summary(ReportPdfCanvas canvas, CreditReport report) {
        section(canvas, "二、信用概要");
        CreditReport.Summary summary = report.summary();
        line(canvas, "信用等级：" + summary.grade() + "（" + summary.gradeLabel() + "）　诚信积分：" + summary.points() + "　评价模型："
                + orDash(summary.modelVersion()));
        line(canvas, "所在名单：" + (summary.lists() == null || summary.lists().isEmpty() ? "无" : String.join("；", summary.lists())));
        line(canvas, "优良信用记录 " + summary.goodCreditCount() + " 条　失信记录 " + summary.dishonestyCount() + " 条　其他信息 "
                + summary.otherCount() + " 条");
        line(canvas, "连续三年无不良记录：" + (summary.threeYearsClean() ? "是" : "否"));
        line(canvas, "异议：" + (summary.disputed() ? "有记录正在异议处理中，已在记录下标注" : "无"));
    }

    private static void records(ReportPdfCanvas canvas, String title, List<ReportRecord> records, boolean severity) {
        section(canvas, title);
        String[] headers = severity
                ? new String[] { "信息事项", "程度", "认定部门", "决定日期", "文书号", "法律依据", "公示截止" }
                : new String[] { "信息事项", "认定部门", "决定日期", "文书号", "法律依据", "公示截止" };
        ReportPdfTable table = new ReportPdfTable(canvas, headers, severity ? DISHONESTY_WIDTHS : RECORD_WIDTHS);
        table.header();
        if (records == null || records.isEmpty()) {
            table.empty("无");
        } else {
            for (ReportRecord record : records) {
                List<String> cells = new ArrayList<>();
                cells.add(record.itemName());
                if (severity) {
                    cells.add(record.severity());
                }
                cells.add(record.departmentName());
                cells.add(record.decisionDate() == null ? null : DAY.format(record.decisionDate()));
                cells.add(record.documentNumber());
                cells.add(record.legalBasis());
                cells.add(record.lastDisclosed() == null ? null : DAY.format(record.lastDisclosed()));
                table.row(cells.toArray(String[]::new), notes(record));
            }
        }
        canvas.down(6);
    }

    private static List<String> notes(ReportRecord record) {
        List<String> notes = new ArrayList<>();
        if (record.substance() != null && record.substance().fields() != null) {
            // each field of the decision on a line of its own, under its Chinese label
            record.substance().fields().forEach(f -> notes.add(f.label() + "：" + f.value()));
        }
        // the collection basis on its own line, unless the basis column already shows it (no basis of the decision pushed)
        if (record.collectionBasis() != null && !record.collectionBasis().isBlank() && !record.collectionBasis().equals(record.legalBasis())) {
            notes.add("【收集依据】" + record.collectionBasis());
        }
        if (record.objectionNote() != null && !record.objectionNote().isBlank()) {
            notes.add("【异议标注】" + record.objectionNote());
        }
        if (record.statements() != null) {
            record.statements().forEach(statement -> notes.add("【本人声明】" + statement));
        }
        return notes;
    }

    private static void queries(ReportPdfCanvas canvas, CreditReport report) {
        section(canvas, "六、查询记录（近两年）");
        ReportPdfTable table = new ReportPdfTable(canvas, new String[] { "查询时间", "查询机构", "经办人", "查询用途", "查询方式", "结果" },
                new float[] { 92, 128, 60, 115, 50, 50 });
        table.header();
        if (report.queryLog() == null || report.queryLog().isEmpty()) {
            table.empty("无");
        }
        for (CreditReport.QueryLine query : report.queryLog() == null ? List.<CreditReport.QueryLine>of() : report.queryLog()) {
            table.row(new String[] { TIME.format(query.at()), join(query.organization(), query.department()), query.clerk(),
                    query.purpose(), query.kind(), query.outcome() != null ? query.outcome() : query.refused() ? "已拒绝" : "已查询" }, List.of());
        }
        canvas.down(6);
    }

    private static void notes(ReportPdfCanvas canvas, CreditReport report, String verificationUrl) {
        section(canvas, "说明");
        String[] notes = {
            "1. 本报告仅列示报告范围（" + report.scopeLabel() + "）内、报告时点仍在公示期内的个人公共信用信息，范围以外的信息不在本报告中列示。",
            "2. 核验方法：访问 " + verificationUrl + "，输入核验码 " + report.verificationCode()
                    + "（或扫描首页二维码），可查看报告编号、报告时间和脱敏后的证件号码；上传本文件可核对其是否与平台签发的一致。",
            "3. 标注【异议标注】的记录正在异议处理中；【本人声明】为信息主体本人对记录的说明，不代表平台意见。",
            "4. 记录的“法律依据”为作出该决定所依据的法律条款（报送部门未报送的，为该信息项的法定依据）；"
                    + "【收集依据】为本平台依法归集该类信息的依据。",
            "5. 本报告有效期至 " + DAY.format(report.validUntil()) + "，请妥善保管，防止个人信息泄露。" };
        for (String note : notes) {
            canvas.paragraph(note, Face.REGULAR, 9, ReportPdfCanvas.LEFT, ReportPdfCanvas.WIDTH);
        }
    }

    private static void footers(PDDocument document, ReportPdfCanvas canvas, CreditReport report) throws IOException {
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                footer.setLineWidth(0.5f);
                footer.moveTo(ReportPdfCanvas.LEFT, 48);
                footer.lineTo(ReportPdfCanvas.RIGHT, 48);
                footer.stroke();
                canvas.write(footer, ReportPdfCanvas.LEFT, 36, "第 " + (i + 1) + " 页 / 共 " + total + " 页", Face.REGULAR, 8);
                canvas.write(footer, ReportPdfCanvas.LEFT + 110, 36,
                        "报告编号：" + report.reportNumber() + "　核验码：" + report.verificationCode(), Face.REGULAR, 8);
            }
        }
    }

    /** Title, producer and fixed dates and ID: nothing about the person, and nothing that changes between renders. */
    private static void describe(PDDocument document, CreditReport report) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("个人公共信用信息报告 " + report.reportNumber());
        info.setProducer("Chengxin 诚信个人公共信用信息平台 (Apache PDFBox)");
        info.setCreator("Chengxin 诚信");
        GregorianCalendar issued = GregorianCalendar.from(report.issuedAt().atZone(ZONE));
        info.setCreationDate(issued);
        info.setModificationDate(issued);
        byte[] id = sha256(report.reportNumber() + "\n" + report.contentHash() + "\n" + report.issuedAt());
        COSArray ids = new COSArray();
        ids.add(new COSString(Arrays.copyOf(id, 16)));
        ids.add(new COSString(Arrays.copyOf(id, 16)));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static void section(ReportPdfCanvas canvas, String title) {
        canvas.ensure(60);
        canvas.down(8);
        canvas.text(ReportPdfCanvas.LEFT, canvas.y() - 12, title, Face.BOLD, 12);
        canvas.down(20);
    }

    private static void line(ReportPdfCanvas canvas, String text) {
        canvas.paragraph(text, Face.REGULAR, 10, ReportPdfCanvas.LEFT, ReportPdfCanvas.WIDTH - 100);
    }

    private static String join(String organization, String department) {
        if (department == null || department.isBlank() || department.equals(organization)) {
            return orDash(organization);
        }
        return orDash(organization) + " " + department;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
