package org.chengxin.ingestion.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.chengxin.ingestion.domain.ColumnNames;
import org.chengxin.ingestion.domain.RawRow;
import org.chengxin.shared.text.TextDecoding;
import org.chengxin.shared.text.UnicodeText;

/**
 * CSV as Chinese offices write it: UTF-8 with or without BOM, GBK or GB18030, detected from the
 * first 64 KB unless the uploader named the charset. Decoding is strict, so a file in another
 * encoding fails clearly instead of storing mojibake.
 */
final class CsvRowReader implements RowReader {

    private static final int SNIFF = 64 * 1024;

    private final Charset declared;
    private final Defaults defaults;

    CsvRowReader(Charset declared, Defaults defaults) {
        this.declared = declared;
        this.defaults = defaults;
    }

    @Override
    public void read(Path file, Consumer<RawRow> rows) throws IOException {
        Charset charset = declared != null ? declared : detect(file);
        CharsetDecoder decoder = decoder(charset);
        try (InputStream in = Files.newInputStream(file); Reader reader = new InputStreamReader(skipBom(in, charset), decoder);
                CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            List<String> header = null;
            String doublePublicity = null;
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = new ArrayList<>();
                    for (String h : record) {
                        header.add(Defaults.canonical(h));
                    }
                    doublePublicity = ColumnNames.doublePublicityKind(record.toList());
                    continue;
                }
                Map<String, String> values = new HashMap<>(header.size() * 2);
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                if (record.size() != header.size()) {
                    values.put(RawRow.COLUMN_COUNT_MISMATCH, String.valueOf(record.size()));
                }
                rows.accept(defaults.apply(record.getRecordNumber(), values, doublePublicity));
            }
        }
    }

    /**
     * UTF-8 is read leniently: bytes that are not UTF-8 (a character cut in two, a lone surrogate
     * written by a careless program) become {@link UnicodeText#UNDECODABLE}, and the row checks refuse
     * the row that holds them. Any other charset is read strictly, so that a file in another encoding
     * fails clearly instead of storing mojibake.
     */
    private static CharsetDecoder decoder(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith(String.valueOf(UnicodeText.UNDECODABLE));
        }
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * UTF-8 when the file starts with its BOM, or when at least 95% of its multi-byte sequences are
     * valid UTF-8 (all of them in a clean file; a GBK file's Chinese is mostly not); GB18030 otherwise.
     */
    static Charset detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                return StandardCharsets.UTF_8;
            }
        }
        Utf8Tally tally = new Utf8Tally();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[SNIFF];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                tally.add(buffer, n);
            }
        }
        return tally.mostlyUtf8() ? StandardCharsets.UTF_8 : TextDecoding.GB18030;
    }

    /** Counts the valid and the broken UTF-8 sequences of a byte stream, fed in any pieces. */
    static final class Utf8Tally {
        private long valid;
        private long invalid;
        private int need;
        private int low = 0x80;
        private int high = 0xBF;

        void add(byte[] bytes, int n) {
            for (int i = 0; i < n; i++) {
                int b = bytes[i] & 0xFF;
                if (need > 0) {
                    if (b >= low && b <= high) {
                        low = 0x80;
                        high = 0xBF;
                        if (--need == 0) {
                            valid++;
                        }
                        continue;
                    }
                    invalid++;
                    need = 0;
                }
                start(b);
            }
        }

        /** A byte where a character begins: ASCII, the lead of a sequence, or a stray byte. */
        private void start(int b) {
            low = 0x80;
            high = 0xBF;
            if (b < 0x80) {
                return;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                invalid++;
            }
        }

        boolean mostlyUtf8() {
            long broken = invalid + (need > 0 ? 1 : 0);
            return broken == 0 || valid >= 19 * broken;
        }
    }

    private static InputStream skipBom(InputStream in, Charset charset) throws IOException {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return in;
        }
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] bom = new byte[3];
        int n = pushback.readNBytes(bom, 0, 3);
        if (!(n == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            pushback.unread(bom, 0, n);
        }
        return pushback;
    }

}
