package org.chengxin.inquiry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A report's number, verification code and last valid day. */
class ReportCodesTests {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 5);

    @Test
    void theNumberIsTheCityPrefixTheDayAndAnEightDigitSequence() {
        assertThat(ReportCodes.number(DAY, 42)).isEqualTo("YYXY2026110500000042");
        assertThat(ReportCodes.number(DAY, 123_456_789)).isEqualTo("YYXY20261105123456789");
    }

    @Test
    void theVerificationCodeHasTwelveCharactersNoneReadAlikeWithAnother() {
        Random random = new Random(2026);
        for (int i = 0; i < 1000; i++) {
            assertThat(ReportCodes.verificationCode(random)).hasSize(12).matches("[2-9A-HJ-NP-Z]{12}");
        }
    }

    @Test
    void theVerificationCodeComesFromTheRandomSourceGiven() {
        assertThat(ReportCodes.verificationCode(new Random(7))).isEqualTo(ReportCodes.verificationCode(new Random(7)))
                .isNotEqualTo(ReportCodes.verificationCode(new Random(8)));
    }

    @Test
    void aReportIsValidForThirtyDaysFromItsIssue() {
        assertThat(ReportCodes.validUntil(DAY)).isEqualTo(LocalDate.of(2026, 12, 5));
    }
}
