package org.chengxin.inquiry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

/**
 * The report's TrueType fonts (see {@code fonts/README.md}): Noto Sans SC regular and bold, and HanaMinB for
 * the rare characters of CJK Extension B that Noto lacks (𠮷). The files are read once; which code points each
 * covers is known up front, so choosing a font per character needs no parsing. Each document parses its own
 * {@link TrueTypeFont}s from the shared bytes, since fontbox's parsed fonts are not safe to share across threads,
 * and loads a font only when a character needs it: most reports never touch the 22 MB fallback.
 */
final class ReportPdfFonts {

    enum Face {
        REGULAR, BOLD
    }

    private static final String[] FILES = { "fonts/NotoSansSC-Regular.ttf", "fonts/NotoSansSC-Bold.ttf", "fonts/HanaMinB-ExtB.ttf" };
    private static final int REGULAR = 0;
    private static final int BOLD = 1;
    private static final int RARE = 2;

    private final List<byte[]> files = new ArrayList<>();
    private final List<BitSet> coverage = new ArrayList<>();

    ReportPdfFonts() {
        for (String file : FILES) {
            try (InputStream in = new ClassPathResource(file).getInputStream()) {
                byte[] bytes = in.readAllBytes();
                files.add(bytes);
                coverage.add(coverage(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the report font " + file, e);
            }
        }
    }

    private static BitSet coverage(byte[] bytes) throws IOException {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
            var cmap = font.getUnicodeCmapLookup();
            BitSet covered = new BitSet();
            for (int codePoint = 0x20; codePoint <= 0x3134F; codePoint++) {
                if (cmap.getGlyphId(codePoint) > 0) {
                    covered.set(codePoint);
                }
            }
            return covered;
        }
    }

    /** The fonts of one document, loaded into it on first use. Close it after the document is saved. */
    Session open(PDDocument document) {
        return new Session(document);
    }

    final class Session implements AutoCloseable {

        private final PDDocument document;
        private final PDType0Font[] loaded = new PDType0Font[FILES.length];
        private final List<TrueTypeFont> parsed = new ArrayList<>();

        private Session(PDDocument document) {
            this.document = document;
        }

        /**
         * The font that draws this code point in the face asked for: bold falls back to regular (the bold subset
         * holds GB 2312 only), regular to the Extension B font; null when none has it.
         */
        PDType0Font fontFor(int codePoint, Face face) {
            if (face == Face.BOLD && coverage.get(BOLD).get(codePoint)) {
                return font(BOLD);
            }
            if (coverage.get(REGULAR).get(codePoint)) {
                return font(REGULAR);
            }
            if (coverage.get(RARE).get(codePoint)) {
                return font(RARE);
            }
            return null;
        }

        PDType0Font font(Face face) {
            return font(face == Face.BOLD ? BOLD : REGULAR);
        }

        private PDType0Font font(int index) {
            if (loaded[index] == null) {
                try {
                    TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(files.get(index)));
                    parsed.add(font);
                    loaded[index] = PDType0Font.load(document, font, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return loaded[index];
        }

        @Override
        public void close() throws IOException {
            for (TrueTypeFont font : parsed) {
                font.close();
            }
        }
    }
}
