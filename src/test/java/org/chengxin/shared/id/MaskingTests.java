package org.chengxin.shared.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void masksTheBirthDateAndSequence() {
        assertThat(Masking.idNumber("43060219900101123X")).isEqualTo("430602********123X");
        assertThat(Masking.idNumber("430602900101123")).isEqualTo("430602*****1123");
    }

    @Test
    void masksEveryIdShapedRunInFreeText() {
        assertThat(Masking.maskIdShaped("甲430602199001011235乙,ID=43060219900101123x;430602900101123"))
                .isEqualTo("甲430602********1235乙,ID=430602********123x;430602*****1123");
    }

    @Test
    void leavesShorterAndLongerDigitRunsAlone() {
        assertThat(Masking.maskIdShaped("订单 12345678901234 与 1234567890123456789012")).isEqualTo("订单 12345678901234 与 1234567890123456789012");
    }

    @Test
    void hidesShortInputsEntirely() {
        assertThat(Masking.idNumber("1234")).isEqualTo("****");
        assertThat(Masking.idNumber(null)).isNull();
    }
}
