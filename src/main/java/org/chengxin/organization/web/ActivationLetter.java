package org.chengxin.organization.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.chengxin.organization.CitizenEnrolment.IssuedCode;
import org.chengxin.organization.CitizenEnrolment.Purpose;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * 公民账号激活通知书 (or 密码重置通知书): the one-time code printed at the window and handed to the person, with its
 * expiry and what to do with it. One A4 page in the report's font (Noto Sans SC), with the Extension B font for
 * the rare characters of a name. The PDF is made in memory, sent once and never stored: the code exists in clear
 * nowhere else.
 */
@Component
class ActivationLetter {

    private static final float MARGIN = 64;
    private static final float SIZE = 12;
    private static final float LEADING = 22;
    private static final String REGULAR = "fonts/NotoSansSC-Regular.ttf";
    private static final String RARE = "fonts/HanaMinB-ExtB.ttf";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final Clock clock;
    private final String activationAddress;
    private volatile byte[] regular;
    private volatile byte[] rare;

    ActivationLetter(Clock clock, @Value("${chengxin.security.issuer}") String platformAddress) {
        this.clock = clock;
        this.activationAddress = platformAddress.replaceAll("/+$", "") + "/activate";
    }

    byte[] pdf(IssuedCode issued, String name, String window, String clerk) {
        boolean reset = issued.purpose() == Purpose.RESET;
        String title = reset ? "公民账号密码重置通知书" : "公民账号激活通知书";
        String grouped = issued.code().replaceAll("(.{4})(?!$)", "$1-");
        List<String> before = List.of(
                "姓名：" + name,
                "身份证号码：" + issued.maskedId(),
                "办理窗口：" + window + "　　经办人：" + clerk,
                "办理时间：" + WHEN.format(ZonedDateTime.now(clock).withZoneSameInstant(CHINA)),
                "",
                reset ? "您的一次性密码重置码：" : "您的一次性激活码：");
        List<String> after = List.of(
                "有效期至：" + WHEN.format(issued.expiresAt().atZone(CHINA)) + "（北京时间）",
                "",
                "使用方法：请在有效期内访问 " + activationAddress + " （首页“激活账号”），填写本人身份证号码、上面的"
                        + (reset ? "重置码" : "激活码") + "和新密码（至少10位，须同时包含字母和数字），然后以身份证号码和新密码登录。",
                "该码只能使用一次；过期、遗失或多次输错的，请本人携带身份证件到政务服务窗口重新办理，原码随即作废。",
                reset ? "设置新密码之前，原密码仍然有效；重置码使用后，原密码作废。" : "账号激活后，可查看本人信用积分与等级、信用报告、查询记录，提出异议和信用修复申请。",
                "请妥善保管本通知书，切勿将该码告知他人。工作人员和平台不会以任何方式向您索要该码或密码。");
        try (PDDocument document = new PDDocument(); Fonts fonts = new Fonts(document)) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                float y = PDRectangle.A4.getHeight() - MARGIN - 20;
                fonts.write(stream, (PDRectangle.A4.getWidth() - fonts.width(title, 22)) / 2, y, title, 22);
                y -= 2 * LEADING;
                y = paragraphs(fonts, stream, before, y, width);
                y -= 14;
                fonts.write(stream, MARGIN + 24, y, grouped, 26);
                y -= 2 * LEADING;
                paragraphs(fonts, stream, after, y, width);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float paragraphs(Fonts fonts, PDPageContentStream stream, List<String> paragraphs, float top, float width)
            throws IOException {
        float y = top;
        for (String paragraph : paragraphs) {
            for (String line : fonts.wrap(paragraph, width)) {
                fonts.write(stream, MARGIN, y, line, SIZE);
                y -= LEADING;
            }
        }
        return y;
    }

    private byte[] regular() {
        if (regular == null) {
            regular = read(REGULAR);
        }
        return regular;
    }

    private byte[] rare() {
        if (rare == null) {
            rare = read(RARE);
        }
        return rare;
    }

    private static byte[] read(String file) {
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + file, e);
        }
    }

    /** The fonts of one document: the rare one parsed only when a character needs it. */
    private final class Fonts implements AutoCloseable {

        private final PDDocument document;
        private final TrueTypeFont regularFont;
        private final PDType0Font regularPdf;
        private TrueTypeFont rareFont;
        private PDType0Font rarePdf;

        Fonts(PDDocument document) throws IOException {
            this.document = document;
            this.regularFont = new TTFParser().parse(new RandomAccessReadBuffer(regular()));
            this.regularPdf = PDType0Font.load(document, regularFont, true);
        }

        PDType0Font fontFor(int codePoint) throws IOException {
            if (regularFont.getUnicodeCmapLookup().getGlyphId(codePoint) > 0) {
                return regularPdf;
            }
            if (rarePdf == null) {
                rareFont = new TTFParser().parse(new RandomAccessReadBuffer(rare()));
                rarePdf = PDType0Font.load(document, rareFont, true);
            }
            return rareFont.getUnicodeCmapLookup().getGlyphId(codePoint) > 0 ? rarePdf : null;
        }

        float width(String text, float size) throws IOException {
            float w = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                PDType0Font font = fontFor(text.codePointAt(i));
                w += font == null ? 0 : font.getStringWidth(new String(Character.toChars(text.codePointAt(i))));
            }
            return w * size / 1000;
        }

        /** The paragraph cut into lines no wider than {@code width}, character by character. */
        List<String> wrap(String paragraph, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < paragraph.length(); i += Character.charCount(paragraph.codePointAt(i))) {
                String next = line + new String(Character.toChars(paragraph.codePointAt(i)));
                if (line.length() > 0 && width(next, SIZE) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(paragraph.codePointAt(i));
            }
            lines.add(line.toString());
            return lines;
        }

        /** One line, switching fonts where a character needs the other; a character neither font has is left out. */
        void write(PDPageContentStream stream, float x, float y, String text, float size) throws IOException {
            stream.beginText();
            stream.newLineAtOffset(x, y);
            PDType0Font current = null;
            StringBuilder run = new StringBuilder();
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                int codePoint = text.codePointAt(i);
                PDType0Font font = fontFor(codePoint);
                if (font == null) {
                    continue;
                }
                if (font != current) {
                    if (run.length() > 0) {
                        stream.showText(run.toString());
                        run.setLength(0);
                    }
                    stream.setFont(font, size);
                    current = font;
                }
                run.appendCodePoint(codePoint);
            }
            if (run.length() > 0) {
                stream.showText(run.toString());
            }
            stream.endText();
        }

        @Override
        public void close() throws IOException {
            regularFont.close();
            if (rareFont != null) {
                rareFont.close();
            }
        }
    }
}
