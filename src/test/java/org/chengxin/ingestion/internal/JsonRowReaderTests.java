package org.chengxin.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chengxin.ingestion.domain.RawRow;
import org.chengxin.shared.id.IdNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON record flattened into a row: the envelope and its content, all as text. */
class JsonRowReaderTests {

    /** Configured as the reader's own mappers are: decimals read exactly. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @TempDir
    Path dir;

    @Test
    void mergesTheContentObjectIntoTheEnvelope() {
        Map<String, String> values = flatten("""
                {"sourceId": "SCJG-1", "itemCode": "YY-FD-001", "name": "张三",
                 "content": {"facts": "销售超过保质期的食品", "authority": "岳阳市市场监督管理局"}}""");

        assertThat(values).containsExactlyInAnyOrderEntriesOf(Map.of("sourceId", "SCJG-1", "itemCode", "YY-FD-001", "name", "张三",
                "facts", "销售超过保质期的食品", "authority", "岳阳市市场监督管理局"));
    }

    @Test
    void keepsNumbersAndBooleansAsText() {
        Map<String, String> values = flatten("""
                {"sourceId": 20261128001, "content": {"fineAmount": 5000.5, "detentionDays": 10, "licenseRevoked": true,
                 "refunded": false, "ratio": 0.25, "negative": -3}}""");

        assertThat(values).containsExactlyInAnyOrderEntriesOf(Map.of("sourceId", "20261128001", "fineAmount", "5000.5",
                "detentionDays", "10", "licenseRevoked", "true", "refunded", "false", "ratio", "0.25", "negative", "-3"));
    }

    @Test
    void convertsJsonNumbersAsTheExchangeSpecWarns() {
        // exchange-spec 4.1: decimals are kept as written, in plain notation
        assertThat(flatten("{\"goodsValue\": 12870.00}")).containsEntry("goodsValue", "12870.00");
        assertThat(flatten("{\"goodsValue\": 1e3}")).containsEntry("goodsValue", "1000");
        assertThat(flatten("{\"goodsValue\": 12000000.5}")).containsEntry("goodsValue", "12000000.5");
        assertThat(flatten("{\"goodsValue\": 123456789012.34}")).containsEntry("goodsValue", "123456789012.34");
        assertThat(flatten("{\"goodsValue\": \"12870.00\"}")).containsEntry("goodsValue", "12870.00");
    }

    @Test
    void keepsAnIdNumberPushedAsANumberDigitForDigit() {
        String first17 = "43060219900101123";
        String number = first17 + IdNumber.checkCharacterOf(first17);
        assertThat(Character.isDigit(number.charAt(17))).as("a number JSON can carry unquoted").isTrue();

        boolean kept = number.equals(flatten("{\"idNumber\": " + number + "}").get("idNumber"));

        assertThat(kept).as("the number is kept digit for digit").isTrue();
    }

    @Test
    void dropsNulls() {
        Map<String, String> values = flatten("""
                {"sourceId": "SCJG-1", "documentNumber": null, "content": {"facts": "事实", "remark": null}}""");

        assertThat(values).containsOnlyKeys("sourceId", "facts");
    }

    @Test
    void dropsNestedArraysAndObjectsOtherThanContent() {
        Map<String, String> values = flatten("""
                {"sourceId": "SCJG-1", "attachments": ["a.pdf"], "operator": {"name": "李四"},
                 "content": {"facts": "事实", "witnesses": ["王五"], "detail": {"x": 1}}}""");

        assertThat(values).containsOnlyKeys("sourceId", "facts");
    }

    @Test
    void anEmptyObjectIsAnEmptyRow() {
        assertThat(flatten("{}")).isEmpty();
        assertThat(flatten("{\"content\": {}}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"sourceId\": \"S1\"}]", "\"S1\"", "42", "true", "null"})
    void marksARecordThatIsNotAnObject(String json) {
        assertThat(flatten(json)).containsExactly(Map.entry(RawRow.NOT_AN_OBJECT, "true"));
    }

    @Test
    void marksAMissingNode() {
        assertThat(JsonRowReader.flatten(null)).containsExactly(Map.entry(RawRow.NOT_AN_OBJECT, "true"));
    }

    @Test
    void numbersTheRecordsOfADocumentInOrderAndMarksOneThatIsNotAnObject() throws IOException {
        Path file = dir.resolve("push.json");
        Files.writeString(file, """
                {"batch": {"note": "skipped"}, "records": [
                  {"sourceId": "S1", "content": {"facts": "一"}},
                  "not a record",
                  {"sourceId": "S3", "content": {"facts": "三"}}
                ]}""", StandardCharsets.UTF_8);
        List<RawRow> rows = new ArrayList<>();

        new JsonRowReader(false, new Defaults(null, null, null)).read(file, rows::add);

        assertThat(rows).extracting(RawRow::rowNo).containsExactly(1L, 2L, 3L);
        assertThat(rows.get(0).values()).containsEntry("sourceId", "S1").containsEntry("facts", "一");
        assertThat(rows.get(1).values()).containsKey(RawRow.NOT_AN_OBJECT);
        assertThat(rows.get(2).values()).containsEntry("sourceId", "S3").containsEntry("facts", "三");
    }

    @Test
    void numbersJsonLinesByTheirLineSkippingBlankOnes() throws IOException {
        Path file = dir.resolve("push.jsonl");
        Files.writeString(file, "{\"sourceId\": \"S1\"}\n\n{\"sourceId\": \"S3\", \"content\": {\"facts\": \"三\"}}\n",
                StandardCharsets.UTF_8);
        List<RawRow> rows = new ArrayList<>();

        new JsonRowReader(true, new Defaults("YY-GN-002", null, null)).read(file, rows::add);

        assertThat(rows).extracting(RawRow::rowNo).containsExactly(1L, 3L);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("itemCode")).isEqualTo("YY-GN-002"));
        assertThat(rows.get(1).get("facts")).isEqualTo("三");
    }

    private static Map<String, String> flatten(String json) {
        JsonNode node = JSON.readTree(json);
        return JsonRowReader.flatten(node);
    }
}
