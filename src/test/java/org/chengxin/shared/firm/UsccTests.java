package org.chengxin.shared.firm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The unified social credit code's checks (GB 32100-2015). The codes here are made up, but for the standard's example. */
class UsccTests {

    @Test
    void theStandardsOwnExampleHolds() {
        assertThat(Uscc.check("91350100M000100Y43")).isEmpty();
        assertThat(Uscc.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void aCodeIsNormalizedAndNamesWhereItRegistered() {
        Uscc code = Uscc.of(" 91430600ma4l00012" + Uscc.checkCharacter("91430600MA4L00012") + " ");
        assertThat(code.value()).isEqualTo("91430600MA4L00012" + Uscc.checkCharacter("91430600MA4L00012"));
        assertThat(code.regionCode()).isEqualTo("430600");
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y4, USCC_WRONG_LENGTH",
            "91350100M000100Y433, USCC_WRONG_LENGTH",
            "'', USCC_WRONG_LENGTH",
            "91350100M000100I43, USCC_BAD_CHARACTERS",
            "91350100M000100O43, USCC_BAD_CHARACTERS",
            "9135010-M000100Y43, USCC_BAD_CHARACTERS",
            "B1350100M000100Y43, USCC_BAD_AUTHORITY",
            "9135A100M000100Y43, USCC_BAD_REGION",
            "91350100M000100Y44, USCC_BAD_CHECK_CHARACTER",
            "91350100M000100Y34, USCC_BAD_CHECK_CHARACTER"
    })
    void aStringThatIsNoCodeGetsItsOwnReason(String raw, String code) {
        assertThat(Uscc.check(raw)).map(Uscc.Error::code).hasValue(code);
    }

    @Test
    void everyCheckCharacterOfTheCodeSetCanBeComputed() {
        // the check character is 31 minus the weighted sum modulo 31; 0 for a sum divisible by 31
        for (char c : Uscc.CHARSET.toCharArray()) {
            String first17 = "91430600" + c + "A4L00012";
            String whole = first17 + Uscc.checkCharacter(first17);
            assertThat(Uscc.check(whole)).as(whole).isEmpty();
        }
        assertThatThrownBy(() -> new Uscc("91350100M000100Y44")).isInstanceOf(IllegalArgumentException.class);
    }
}
