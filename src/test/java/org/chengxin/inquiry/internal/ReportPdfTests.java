package org.chengxin.inquiry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.ReportFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPdfTests {

    static final String VERIFY = "https://xy.yueyang.example/verify";
    static ReportPdf renderer;
    static CreditReport report;
    static byte[] pdf;

    @BeforeAll
    static void render() {
        renderer = new ReportPdf();
        report = ReportFixture.withFiftyRecords();
        pdf = renderer.render(report, VERIFY);
    }

    @Test
    void theTextCanBeExtractedWithTheMaskedNumberRecordsCodeAndTheRareCharacter() throws IOException {
        String text = text(pdf);
        assertThat(text).contains("个人公共信用信息报告", ReportFixture.MASKED_ID, ReportFixture.CODE, ReportFixture.NUMBER, "𠮷",
                ReportFixture.RARE_NAME, "异议标注", "正在核查中", "本人声明", "全额缴纳罚款", "连续三年无不良记录", "第 1 页 / 共");
        for (CreditReport.ReportRecord record : report.dishonesty()) {
            assertThat(text).contains(record.itemName(), record.documentNumber());
        }
        report.goodCredit().forEach(record -> assertThat(text).contains(record.itemName(), record.documentNumber()));
        report.other().forEach(record -> assertThat(text).contains(record.itemName(), record.documentNumber()));
        assertThat(text).contains("〔2024〕").doesNotContain("U+");
    }

    @Test
    void everyPageIsA4WithEmbeddedFontsAndAFooter() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
                assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("个人公共信用信息报告 " + ReportFixture.NUMBER);
            assertThat(document.getDocumentInformation().getSubject()).isNull();
            String lastPage = text(document, document.getNumberOfPages());
            assertThat(lastPage).contains("第 " + document.getNumberOfPages() + " 页 / 共 " + document.getNumberOfPages() + " 页",
                    ReportFixture.CODE);
        }
    }

    @Test
    void theRareCharacterComesFromTheExtensionBFont() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(0).getResources();
            boolean rare = false;
            for (var name : resources.getFontNames()) {
                rare |= resources.getFont(name).getName().contains("HanaMinB");
            }
            assertThat(rare).isTrue();
        }
    }

    @Test
    void theQrCodeOnTheFirstPageReadsAsTheVerificationAddress() throws Exception {
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 150);
        }
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(VERIFY + "?code=" + ReportFixture.CODE);
    }

    @Test
    void aCharacterNoShippedFontHasIsWrittenAsItsCodePoint() throws IOException {
        CreditReport base = ReportFixture.withFiftyRecords();
        CreditReport extensionC = new CreditReport(base.reportNumber(), base.issuedAt(), base.validUntil(), base.verificationCode(),
                base.scope(), base.scopeLabel(), new CreditReport.Subject("岳𪜀", base.subject().maskedIdNumber()), base.requester(),
                base.summary(), base.goodCredit(), base.dishonesty(), base.other(), base.queryLog(), base.contentHash());
        assertThat(text(renderer.render(extensionC, VERIFY))).contains("姓名：岳〔U+2A700〕");
    }

    @Test
    void theSameReportRendersTheSameBytes() {
        assertThat(renderer.render(report, VERIFY)).isEqualTo(pdf);
    }

    @Test
    void dishonestyIsListedMostSevereFirst() throws IOException {
        String text = text(pdf);
        assertThat(text.indexOf("严重")).isLessThan(text.lastIndexOf("轻微"));
    }

    @Test
    void popplerExtractsTheSameTextAndRendersTheFirstPage(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("pdftotext") && onPath("pdftoppm"), "poppler-utils is not installed");
        Path file = dir.resolve("report.pdf");
        Files.write(file, pdf);
        run(dir, "pdftotext", "-enc", "UTF-8", file.toString(), dir.resolve("report.txt").toString());
        String text = Files.readString(dir.resolve("report.txt"), StandardCharsets.UTF_8);
        assertThat(text).contains(ReportFixture.MASKED_ID, ReportFixture.CODE, "𠮷", "一般行政处罚16", "岳市监罚〔2024〕1016号");
        run(dir, "pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", file.toString(), dir.resolve("page").toString());
        Path png;
        try (var files = Files.list(dir)) {
            png = files.filter(p -> p.getFileName().toString().endsWith(".png")).findFirst().orElseThrow();
        }
        BufferedImage image = ImageIO.read(png.toFile());
        int inked = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        assertThat(inked).as("non-white pixels on page 1").isGreaterThan(image.getWidth() * image.getHeight() / 50);
    }

    static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
