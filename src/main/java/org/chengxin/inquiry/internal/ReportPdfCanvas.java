package org.chengxin.inquiry.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.chengxin.inquiry.internal.ReportPdfFonts.Face;

/**
 * A4 pages written top to bottom: a cursor that starts a new page when the next block does not fit, and text
 * drawn in runs that switch font per character (Noto Sans SC, then the Extension B font), so every character is
 * real, selectable text. A character no shipped font has is written as its code point (〔U+2A700〕) rather than
 * as an empty box, so the reader sees that something is there and what it is.
 */
final class ReportPdfCanvas {

    static final PDRectangle A4 = PDRectangle.A4;
    static final float LEFT = 50;
    static final float RIGHT = A4.getWidth() - 50;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = A4.getHeight() - 50;
    static final float BOTTOM = 64;

    private final PDDocument document;
    private final ReportPdfFonts.Session fonts;
    private final Map<PDType0Font, Map<Integer, Float>> widths = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    ReportPdfCanvas(PDDocument document, ReportPdfFonts.Session fonts) {
        this.document = document;
        this.fonts = fonts;
        newPage();
    }

    float y() {
        return y;
    }

    void down(float height) {
        y -= height;
    }

    /** Starts a new page unless {@code height} still fits on this one; true when it started one. */
    boolean ensure(float height) {
        if (y - height < BOTTOM) {
            newPage();
            return true;
        }
        return false;
    }

    void newPage() {
        closeContent();
        PDPage page = new PDPage(A4);
        document.addPage(page);
        try {
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = TOP;
    }

    PDPageContentStream content() {
        return content;
    }

    /** Writes one line of text with its baseline at {@code baseline}. */
    void text(float x, float baseline, String text, Face face, float size) {
        try {
            write(content, x, baseline, printable(text), face, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one line of text on a stream of any page (the footers are written after the last page). */
    void write(PDPageContentStream stream, float x, float baseline, String text, Face face, float size) throws IOException {
        stream.beginText();
        stream.newLineAtOffset(x, baseline);
        PDType0Font current = null;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            PDType0Font font = fonts.fontFor(codePoint, face);
            if (font != current && run.length() > 0) {
                stream.showText(run.toString());
                run.setLength(0);
            }
            if (font != current) {
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

    float width(String text, Face face, float size) {
        String printable = printable(text);
        float width = 0;
        for (int i = 0; i < printable.length(); i += Character.charCount(printable.codePointAt(i))) {
            width += width(printable.codePointAt(i), face);
        }
        return width * size / 1000;
    }

    private float width(int codePoint, Face face) {
        PDType0Font font = fonts.fontFor(codePoint, face);
        return widths.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(codePoint, c -> {
            try {
                return font.getStringWidth(new String(Character.toChars(c)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Breaks text into lines no wider than {@code maxWidth}: Chinese text may break between any two characters, a
     * run of Latin letters and digits (a year, a document number) moves whole to the next line when it can.
     */
    List<String> wrap(String text, Face face, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text == null ? "" : text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            int wordStart = -1;
            for (int i = 0; i < paragraph.length(); i += Character.charCount(paragraph.codePointAt(i))) {
                int codePoint = paragraph.codePointAt(i);
                boolean wordy = codePoint < 0x2000 && Character.isLetterOrDigit(codePoint);
                float w = width(codePoint, face) * size / 1000;
                if (lineWidth + w > maxWidth && line.length() > 0) {
                    String rest = wordy && wordStart > 0 ? line.substring(wordStart) : "";
                    line.setLength(line.length() - rest.length());
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    line.append(rest);
                    lineWidth = width(rest, face, size);
                    wordStart = rest.isEmpty() ? -1 : 0;
                    if (codePoint == ' ') {
                        continue;
                    }
                }
                if (!wordy) {
                    wordStart = -1;
                } else if (wordStart < 0) {
                    wordStart = line.length();
                }
                line.appendCodePoint(codePoint);
                lineWidth += w;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Writes wrapped text from the cursor down, across pages when it must. */
    void paragraph(String text, Face face, float size, float x, float maxWidth) {
        float leading = size * 1.5f;
        for (String line : wrap(text, face, size, maxWidth)) {
            ensure(leading);
            text(x, y - size, line, face, size);
            y -= leading;
        }
    }

    void rule(float x1, float x2, float at, float lineWidth) {
        try {
            content.setLineWidth(lineWidth);
            content.moveTo(x1, at);
            content.lineTo(x2, at);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void shade(float x, float top, float width, float height, float gray) {
        try {
            content.setNonStrokingColor(gray);
            content.addRect(x, top - height, width, height);
            content.fill();
            content.setNonStrokingColor(0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void finish() {
        closeContent();
    }

    private void closeContent() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }

    /** Replaces control characters by spaces and characters no shipped font has by their code point. */
    private String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            if (codePoint == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(codePoint)) {
                out.append(' ');
            } else if (fonts.fontFor(codePoint, Face.REGULAR) == null) {
                out.append(String.format("〔U+%04X〕", codePoint));
            } else {
                out.appendCodePoint(codePoint);
            }
        }
        return out.toString();
    }
}
