package org.chengxin.mutual.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chengxin.shared.error.ChengxinException;
import org.junit.jupiter.api.Test;

class MutualQueryTests {

    private static String refusal(String duty, String purpose, String caseNumber) {
        try {
            MutualQuery.of(duty, purpose, caseNumber, null);
        } catch (ChengxinException e) {
            assertThat(e.kind()).isEqualTo(ChengxinException.Kind.INVALID);
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aQueryNamesADutyOfTheListAPurposeAndACaseNumber() {
        assertThat(refusal(null, "公务员录用考察", "常人社〔2026〕12号")).isEqualTo("MUTUAL_DUTY_REQUIRED");
        assertThat(refusal(" ", "公务员录用考察", "常人社〔2026〕12号")).isEqualTo("MUTUAL_DUTY_REQUIRED");
        assertThat(refusal("TSJY", "公务员录用考察", "常人社〔2026〕12号")).as("a city's own matter is no duty of the exchange")
                .isEqualTo("MUTUAL_DUTY_UNKNOWN");
        assertThat(refusal("gwy-ly", "公务员录用考察", "常人社〔2026〕12号")).isEqualTo("MUTUAL_DUTY_UNKNOWN");
        assertThat(refusal("GWY-LY", "  ", "常人社〔2026〕12号")).isEqualTo("MUTUAL_PURPOSE_REQUIRED");
        assertThat(refusal("GWY-LY", "公务员录用考察", null)).isEqualTo("MUTUAL_CASE_NUMBER_REQUIRED");
    }

    @Test
    void theTextIsKeptStrippedWithAnIdShapedRunMaskedAndABlankNameIsNoName() {
        MutualQuery q = MutualQuery.of(" ZBTB ", " 招标投标资格审查 430602199001011235 ", " 常招〔2026〕7号 ", " ");

        assertThat(q.duty()).isEqualTo(MutualDuty.TENDERING);
        assertThat(q.purpose()).startsWith("招标投标资格审查 ").doesNotContain("430602199001011235");
        assertThat(q.caseNumber()).isEqualTo("常招〔2026〕7号");
        assertThat(q.name()).isNull();
        assertThatThrownBy(() -> MutualQuery.of("430602199001011235", "用途", "1", null)).isInstanceOf(ChengxinException.class)
                .message().doesNotContain("430602199001011235");
    }

    @Test
    void theDutiesAreTheDocumentedListAndReuseTheMeasuresCodesWhereTheyMeanTheSame() {
        assertThat(MutualDuty.values()).extracting(MutualDuty::code)
                .containsExactly("GWY-LY", "SYDW-ZP", "PYPX", "ZFCG", "ZBTB", "XZSP", "ZFBT");
        assertThat(MutualDuty.ofCode("ZFBT")).hasValue(MutualDuty.FISCAL_SUBSIDY);
    }
}
