package org.chengxin.shared.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A number typed in full-width digits into free text is masked like any other. */
class FullWidthMaskingTests {

    @Test
    void masksFullWidthDigits() {
        String body = "43060219900101123";
        String number = body + IdNumber.checkCharacterOf(body);
        StringBuilder fullWidth = new StringBuilder();
        number.chars().forEach(c -> fullWidth.append((char) (c + 0xFEE0)));

        String masked = Masking.maskIdShaped("当事人" + fullWidth + "拒不整改");

        assertThat(masked).doesNotContain(fullWidth.toString()).contains("********");
    }
}
