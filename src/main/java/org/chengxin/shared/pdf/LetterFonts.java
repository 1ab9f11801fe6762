package org.chengxin.shared.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of the platform's one-page letters (信用承诺书, 激活通知书): Noto Sans SC, and the Extension B font
 * for the rare characters of a name, both embedded as subsets. The font files are read once per process.
 */
public final class LetterFonts {

    private static final String REGULAR = "fonts/NotoSansSC-Regular.ttf";
    private static final String RARE = "fonts/HanaMinB-ExtB.ttf";
    private static volatile byte[] regular;
    private static volatile byte[] rare;

    private LetterFonts() {
    }

    /** The fonts for one document; close after saving it. */
    public static Writer open(PDDocument document) throws IOException {
        return new Writer(document);
    }

    private static byte[] regular() {
        if (regular == null) {
            regular = read(REGULAR);
        }
        return regular;
    }

    private static byte[] rare() {
        if (rare == null) {
            rare = read(RARE);
        }
        return rare;
    }

    private static byte[] read(String file) {
        try (InputStream in = LetterFonts.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IOException("not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + file, e);
        }
    }

    /** The fonts of one document: the rare one parsed only when a character needs it. */
    public static final class Writer implements AutoCloseable {

        private final PDDocument document;
        private final TrueTypeFont regularFont;
        private final PDType0Font regularPdf;
        private TrueTypeFont rareFont;
        private PDType0Font rarePdf;

        private Writer(PDDocument document) throws IOException {
            this.document = document;
            this.regularFont = new TTFParser().parse(new RandomAccessReadBuffer(regular()));
            this.regularPdf = PDType0Font.load(document, regularFont, true);
        }

        private PDType0Font fontFor(int codePoint) throws IOException {
            if (regularFont.getUnicodeCmapLookup().getGlyphId(codePoint) > 0) {
                return regularPdf;
            }
            if (rarePdf == null) {
                rareFont = new TTFParser().parse(new RandomAccessReadBuffer(rare()));
                rarePdf = PDType0Font.load(document, rareFont, true);
            }
            return rareFont.getUnicodeCmapLookup().getGlyphId(codePoint) > 0 ? rarePdf : null;
        }

        /** The width of a line of text at a size, in points. */
        public float width(String text, float size) throws IOException {
            float w = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                PDType0Font font = fontFor(text.codePointAt(i));
                w += font == null ? 0 : font.getStringWidth(new String(Character.toChars(text.codePointAt(i))));
            }
            return w * size / 1000;
        }

        /** The paragraph cut into lines no wider than {@code width}, character by character (Chinese has no spaces to break at). */
        public List<String> wrap(String paragraph, float width, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < paragraph.length(); i += Character.charCount(paragraph.codePointAt(i))) {
                String next = line + new String(Character.toChars(paragraph.codePointAt(i)));
                if (line.length() > 0 && width(next, size) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(paragraph.codePointAt(i));
            }
            lines.add(line.toString());
            return lines;
        }

        /** One line, switching fonts where a character needs the other; a character neither font has is left out. */
        public void write(PDPageContentStream stream, float x, float y, String text, float size) throws IOException {
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
