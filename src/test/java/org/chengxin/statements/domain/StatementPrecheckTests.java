package org.chengxin.statements.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pre-check flags likely ID and mobile numbers, and not numbers that only look a little like them. */
class StatementPrecheckTests {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "处罚对象应是430602199001010031本人   | ID_NUMBER",
        "号码43060219900101003X               | ID_NUMBER",
        "号码４３０６０２１９９００１０１００３１ | ID_NUMBER",
        "联系电话13812345678                  | MOBILE_NUMBER",
        "联系电话138 1234 5678                | MOBILE_NUMBER",
        "联系电话138-1234-5678                | MOBILE_NUMBER",
        "联系电话１３８１２３４５６７８         | MOBILE_NUMBER",
        "罚款2000元已于2026年3月1日缴清        | ''",
        "文书号岳市监罚〔2026〕12号            | ''",
        "一个十二位的数字138123456789          | ''",
        "固定电话0730-8888888                  | ''",
        "十九位数字4306021990010100311         | ''",
    })
    void flagsLikelyPersonalDataOfOthers(String text, String expected) {
        var flags = StatementPrecheck.flags(text.strip());

        if (expected.isEmpty()) {
            assertThat(flags).isEmpty();
        } else {
            assertThat(flags).containsExactly(PrecheckFlag.valueOf(expected));
        }
    }
}
