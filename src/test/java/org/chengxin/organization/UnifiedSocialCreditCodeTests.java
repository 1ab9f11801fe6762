package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** GB 32100-2015 unified social credit codes. */
class UnifiedSocialCreditCodeTests {

    @Test
    void computesTheMod31CheckCharacter() {
        // a published example code of the standard's form: 91350100M000100Y43
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @Test
    void everySingleCharacterChangeIsDetected() {
        String valid = "11430600MB0001000" + UnifiedSocialCreditCode.checkCharacter("11430600MB0001000");
        assertThat(UnifiedSocialCreditCode.isValid(valid)).isTrue();
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 18; i++) {
            for (char c : alphabet.toCharArray()) {
                if (c != valid.charAt(i)) {
                    String changed = valid.substring(0, i) + c + valid.substring(i + 1);
                    assertThat(UnifiedSocialCreditCode.isValid(changed)).as("position %d to %s", i, c).isFalse();
                }
            }
        }
    }

    @Test
    void explainsWhatIsWrong() {
        assertThat(UnifiedSocialCreditCode.problemWith("123")).contains("18位");
        assertThat(UnifiedSocialCreditCode.problemWith("91350100M000100YI3")).contains("非法字符");
        assertThat(UnifiedSocialCreditCode.problemWith("B1350100M000100Y43")).contains("登记管理部门");
        assertThat(UnifiedSocialCreditCode.problemWith("9135A100M000100Y43")).contains("行政区划");
        assertThat(UnifiedSocialCreditCode.problemWith("91350100M000100Y44")).contains("校验码");
        assertThatThrownBy(() -> new UnifiedSocialCreditCode("91350100M000100Y44")).isInstanceOf(IllegalArgumentException.class);
    }
}
