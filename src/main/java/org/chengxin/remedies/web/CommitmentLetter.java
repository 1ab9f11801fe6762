package org.chengxin.remedies.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
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
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.records.CreditRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * 信用承诺书: the credit commitment a repair asks for, filled in with the person (masked number and registered
 * name) and the record, for the person to sign and hand in. One A4 page in the report's font (Noto Sans SC), with
 * the Extension B font for the rare characters of a name; the fonts are read once, parsed per document.
 */
@Component
class CommitmentLetter {

    private static final float MARGIN = 64;
    private static final float SIZE = 12;
    private static final float LEADING = 22;
    private static final String REGULAR = "fonts/NotoSansSC-Regular.ttf";
    private static final String RARE = "fonts/HanaMinB-ExtB.ttf";

    private final PopulationRegister register;
    private final RemediesPages pages;
    private final Clock clock;
    private volatile byte[] regular;
    private volatile byte[] rare;

    CommitmentLetter(PopulationRegister register, RemediesPages pages, Clock clock) {
        this.register = register;
        this.pages = pages;
        this.clock = clock;
    }

    byte[] pdf(CitizenRef person, CreditRecord record) {
        String name = register.nameOf(person.id()).orElse("＿＿＿＿＿＿");
        List<String> paragraphs = List.of(
                "承诺人：" + name,
                "身份证号码：" + person.maskedId(),
                "涉及的失信记录：" + pages.itemName(record.itemCode()) + "（记录编号 " + record.id() + "）",
                "认定部门：" + pages.departmentName(record.departmentCode()),
                "决定日期：" + record.decisionDate() + "　　决定文书号：" + (record.documentNumber() == null ? "无" : record.documentNumber()),
                "",
                "本人就上述失信记录申请信用修复。",
                "本人郑重承诺：已履行相关法定义务、纠正失信行为、消除不良影响；所提交的信用修复申请材料真实、准确、完整，"
                        + "不存在隐瞒、虚构或者伪造的情形；今后自觉遵守法律、法规和规章，诚实守信，不再发生同类失信行为；"
                        + "同意将本承诺书纳入本人信用记录，接受有关部门和社会的监督。",
                "如有虚假承诺或者违反上述承诺，本人愿承担相应法律责任，接受有关部门依法依规作出的处理，"
                        + "并同意撤销本次信用修复，相关情况记入本人信用记录。",
                "",
                "承诺人（签字）：＿＿＿＿＿＿＿＿＿＿＿＿",
                "",
                "日期：＿＿＿＿年＿＿月＿＿日",
                "",
                "（本承诺书由平台于 " + LocalDate.now(clock) + " 生成，签字后上传或交窗口办理。）");
        try (PDDocument document = new PDDocument(); Fonts fonts = new Fonts(document)) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                float y = PDRectangle.A4.getHeight() - MARGIN - 20;
                String title = "信用承诺书";
                fonts.write(stream, (PDRectangle.A4.getWidth() - fonts.width(title, 22)) / 2, y, title, 22);
                y -= 2 * LEADING;
                for (String paragraph : paragraphs) {
                    for (String line : fonts.wrap(paragraph, width)) {
                        fonts.write(stream, MARGIN, y, line, SIZE);
                        y -= LEADING;
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

        /** The paragraph cut into lines no wider than {@code width}, character by character (Chinese has no spaces to break at). */
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
