package org.chengxin.ingestion.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
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

    static Charset detect(Path file) throws IOException {
        byte[] head = new byte[SNIFF];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, SNIFF);
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = utf8.decode(ByteBuffer.wrap(head, 0, n), CharBuffer.allocate(n + 1), n < SNIFF);
        if (result.isError()) {
            return TextDecoding.GB18030;
        }
        // a GBK file may begin with plain ASCII: only the whole file can tell
        return n < SNIFF || isUtf8(file) ? StandardCharsets.UTF_8 : TextDecoding.GB18030;
    }

    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            ByteBuffer bytes = ByteBuffer.allocate(SNIFF);
            CharBuffer chars = CharBuffer.allocate(SNIFF);
            byte[] buffer = new byte[SNIFF];
            // the buffer may still hold the first bytes of a character cut at the last read
            for (int n = in.read(buffer, 0, bytes.remaining()); n >= 0; n = in.read(buffer, 0, bytes.remaining())) {
                bytes.put(buffer, 0, n).flip();
                chars.clear();
                if (utf8.decode(bytes, chars, false).isError()) {
                    return false;
                }
                bytes.compact();
            }
            bytes.flip();
            chars.clear();
            return !utf8.decode(bytes, chars, true).isError() && !utf8.flush(chars).isError() && !bytes.hasRemaining();
        }
    }

    private static InputStream skipBom(InputStream in, Charset charset) throws IOException {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return in;
        }
        java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
        byte[] bom = new byte[3];
        int n = pushback.readNBytes(bom, 0, 3);
        if (!(n == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            pushback.unread(bom, 0, n);
        }
        return pushback;
    }

}
