package org.chengxin.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a pushed text is read as a value of a field's type (exchange-spec 3.2). */
class FieldTypeTests {

    @ParameterizedTest(name = "{0} accepts {1}")
    @CsvSource(delimiter = '|', value = {
            "STRING|任意文本", "STRING|5千元",
            "DATE|2027-06-30", "DATE|2024-02-29", "DATE| 2027-06-30 ",
            "DECIMAL|2000", "DECIMAL|2000.50", "DECIMAL|-1.5", "DECIMAL|0",
            "INTEGER|15", "INTEGER|-3", "INTEGER|0",
            "BOOLEAN|true", "BOOLEAN|FALSE", "BOOLEAN|True", "BOOLEAN|是", "BOOLEAN|否"})
    void accepts(FieldType type, String text) {
        assertThat(type.accepts(text)).isTrue();
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @CsvSource(delimiter = '|', value = {
            "DATE|2027/6/30", "DATE|20270630", "DATE|2027年6月30日", "DATE|2026-02-30", "DATE|2027-06-30 00:00:00",
            "DECIMAL|5千元", "DECIMAL|2,000", "DECIMAL|¥2000", "DECIMAL|2000元", "DECIMAL|NaN", "DECIMAL|一千",
            "INTEGER|1.0", "INTEGER|1,000", "INTEGER|十五", "INTEGER|99999999999999999999",
            "BOOLEAN|1", "BOOLEAN|0", "BOOLEAN|yes", "BOOLEAN|Y", "BOOLEAN|对"})
    void refuses(FieldType type, String text) {
        assertThat(type.accepts(text)).isFalse();
    }
}
