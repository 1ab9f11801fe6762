package org.chengxin.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A rejection's message and field fit their columns however long the value they quote (issue 19 item 5). */
class BatchStoreCutTests {

    @Test
    void aShortTextIsKeptAsItIs() {
        assertThat(BatchStore.cut("未知信息项：YY-1", BatchStore.MESSAGE_LENGTH)).isEqualTo("未知信息项：YY-1");
        assertThat(BatchStore.cut(null, BatchStore.FIELD_LENGTH)).isNull();
    }

    @Test
    void aLongTextIsCutToTheColumnCountingCharactersNotUnits() {
        String cut = BatchStore.cut("未知信息项：" + "😀".repeat(1000), BatchStore.MESSAGE_LENGTH);

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(BatchStore.MESSAGE_LENGTH);
        assertThat(cut).startsWith("未知信息项：😀").endsWith("😀…");
        assertThat(BatchStore.cut("a".repeat(61), BatchStore.FIELD_LENGTH)).hasSize(60).endsWith("a…");
    }
}
