package org.chengxin.ingestion.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.chengxin.ingestion.domain.RawRow;
import org.chengxin.shared.error.ChengxinException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON pushes: {@code {"records":[{...}]}} read as a stream, record by record, or JSON Lines (one
 * record object per line). A record carries the envelope and its item's fields in {@code content}.
 */
final class JsonRowReader implements RowReader {

    /** Decimals read exactly as written (an amount of 12870.00 stays 12870.00, never 1.287E4). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    /** Reads one record at a time out of the records array: the rest of the array is not "trailing". */
    private static final JsonMapper STREAM = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final boolean lines;
    private final Defaults defaults;

    JsonRowReader(boolean lines, Defaults defaults) {
        this.lines = lines;
        this.defaults = defaults;
    }

    @Override
    public void read(Path file, Consumer<RawRow> rows) throws IOException {
        try {
            if (lines) {
                readLines(file, rows);
            } else {
                readDocument(file, rows);
            }
        } catch (JacksonException e) {
            // where, not what: the parser's own words are English and name its classes
            throw ChengxinException.badRequest("MALFORMED_JSON", "JSON 内容格式错误：" + where(e) + "附近有误，批次未处理");
        }
    }

    private static String where(JacksonException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
            return "";
        }
        return "第 " + e.getLocation().getLineNr() + " 行" + (e.getLocation().getColumnNr() > 0 ? "第 " + e.getLocation().getColumnNr() + " 列" : "");
    }

    private void readDocument(Path file, Consumer<RawRow> rows) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = STREAM.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ChengxinException.badRequest("MALFORMED_JSON", "JSON 内容应为对象：{\"records\":[...]}");
            }
            boolean found = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (!"records".equals(name)) {
                    parser.skipChildren();
                    continue;
                }
                if (parser.currentToken() != JsonToken.START_ARRAY) {
                    throw ChengxinException.badRequest("MALFORMED_JSON", "records 应为数组");
                }
                found = true;
                long n = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode node = STREAM.readTree(parser);
                    rows.accept(row(++n, node));
                }
            }
            if (!found) {
                throw ChengxinException.badRequest("MALFORMED_JSON", "缺少 records 数组");
            }
        }
    }

    private void readLines(Path file, Consumer<RawRow> rows) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JacksonException e) {
                    // one line of JSON Lines stands alone: a broken one is that row's fault, not the file's
                    int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
                    rows.accept(new RawRow(n, Map.of(RawRow.MALFORMED_JSON, String.valueOf(column))));
                    continue;
                }
                rows.accept(row(n, node));
            }
        }
    }

    private RawRow row(long n, JsonNode node) {
        Set<String> numbers = new HashSet<>();
        Map<String, String> values = flatten(node, numbers);
        return defaults.apply(n, values, numbers, null);
    }

    /** The envelope and the content object's fields, all as text. */
    static Map<String, String> flatten(JsonNode node) {
        return flatten(node, new HashSet<>());
    }

    /** As {@link #flatten(JsonNode)}, noting the fields that were JSON numbers or booleans, not strings. */
    static Map<String, String> flatten(JsonNode node, Set<String> nonText) {
        Map<String, String> values = new HashMap<>();
        if (node == null || !node.isObject()) {
            values.put(RawRow.NOT_AN_OBJECT, "true");
            return values;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equals("content") && e.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> c : e.getValue().properties()) {
                    put(values, nonText, c.getKey(), c.getValue());
                }
            } else {
                put(values, nonText, e.getKey(), e.getValue());
            }
        }
        return values;
    }

    private static void put(Map<String, String> values, Set<String> nonText, String key, JsonNode value) {
        if (value == null || value.isNull() || !value.isValueNode()) {
            return;
        }
        if (!value.isString()) {
            nonText.add(key);
        }
        values.put(key, value.isFloatingPointNumber() ? value.decimalValue().toPlainString() : value.asString());
    }
}
