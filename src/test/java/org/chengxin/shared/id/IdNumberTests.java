package org.chengxin.shared.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The GB 11643-1999 rules, one by one. All numbers here are made up. */
class IdNumberTests {

    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    static String valid(String first17) {
        return first17 + IdNumber.checkCharacterOf(first17);
    }

    @Test
    void acceptsAValidNumberAndDerivesItsFacts() {
        IdNumber number = IdNumber.parse("430602199001011235", TODAY);

        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(number.sex()).isEqualTo('M');
        assertThat(number.regionCode()).isEqualTo("430602");
        assertThat(number.regionName()).isEqualTo("湖南省岳阳市岳阳楼区");
        assertThat(number.kind()).isEqualTo(IdNumberKind.RESIDENT_ID);
        assertThat(number.ageOn(LocalDate.of(2026, 11, 28))).isEqualTo(36);
    }

    @Test
    void evenSequenceDigitMeansFemale() {
        assertThat(IdNumber.parse(valid("43068119851215456"), TODAY).sex()).isEqualTo('F');
    }

    @Test
    void normalizesWhitespaceFullWidthAndLowerCaseX() {
        String body = findBodyWithCheckX();
        String raw = "\u3000 " + toFullWidth(body) + "x  ";

        IdNumberCheck check = IdNumber.check(raw, TODAY);

        assertThat(check.valid()).isTrue();
        assertThat(check.number().value()).isEqualTo(body + "X");
    }

    @Test
    void upgradesA15DigitNumberTo18() {
        IdNumberCheck check = IdNumber.check("430602900101123", TODAY);

        assertThat(check.valid()).isTrue();
        assertThat(check.number().value()).isEqualTo(valid("43060219900101123"));
        assertThat(check.warnings()).containsExactly(IdNumberError.ID_LEGACY_15_UPGRADED);
    }

    @Test
    void acceptsResidencePermitsOfHongKongMacaoAndTaiwanResidents() {
        assertThat(IdNumber.parse(valid("81000019800101001"), TODAY).kind()).isEqualTo(IdNumberKind.HONG_KONG_RESIDENCE_PERMIT);
        assertThat(IdNumber.parse(valid("82000019800101002"), TODAY).kind()).isEqualTo(IdNumberKind.MACAO_RESIDENCE_PERMIT);
        IdNumber taiwan = IdNumber.parse(valid("83000019800101003"), TODAY);
        assertThat(taiwan.kind()).isEqualTo(IdNumberKind.TAIWAN_RESIDENCE_PERMIT);
        assertThat(taiwan.regionName()).isEqualTo("");
    }

    @Test
    void acceptsThe2017ForeignPermanentResidentId() {
        // 9, issuing province 43 (Hunan), nationality code 840, birth date, sequence.
        IdNumber number = IdNumber.parse(valid("94384019850704001"), TODAY);

        assertThat(number.kind()).isEqualTo(IdNumberKind.FOREIGN_PERMANENT_RESIDENT_ID);
        assertThat(number.regionCode()).isEqualTo("430000");
        assertThat(number.regionName()).isEqualTo("湖南省（签发地）");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1985, 7, 4));
    }

    @Test
    void rejectsAForeignPermanentResidentIdOfAnUnknownProvince() {
        assertThat(IdNumber.check(valid("99984019850704001"), TODAY).errors()).containsExactly(IdNumberError.ID_UNKNOWN_REGION);
    }

    @Test
    void invisibleCharactersAroundTheNumberAreRemoved() {
        for (String invisible : new String[] {"\u200B", "\uFEFF", "\u00A0", "\u202F", "\u2060"}) {
            IdNumberCheck check = IdNumber.check(invisible + "430602199001011235" + invisible + "\u00A0", TODAY);
            assertThat(check.valid()).as("U+%04X", (int) invisible.charAt(0)).isTrue();
            assertThat(check.number().value()).isEqualTo("430602199001011235");
        }
    }

    @Test
    void anInvisibleCharacterInsideTheNumberIsRefusedWithItsOwnCode() {
        for (String invisible : new String[] {"\u200B", "\uFEFF", "\u00A0", "\u3000", "\u200D"}) {
            assertThat(errorsOf("430602" + invisible + "199001011235")).as("U+%04X", (int) invisible.charAt(0))
                    .containsExactly(IdNumberError.ID_INVISIBLE_CHARACTER);
        }
    }

    @Test
    void eachFailureHasItsOwnCode() {
        assertThat(errorsOf("")).containsExactly(IdNumberError.ID_EMPTY);
        assertThat(errorsOf("4306021990010112")).containsExactly(IdNumberError.ID_WRONG_LENGTH);
        assertThat(errorsOf("43060219900101123Y")).containsExactly(IdNumberError.ID_BAD_CHARACTERS);
        assertThat(errorsOf("4306021990O101123X")).containsExactly(IdNumberError.ID_BAD_CHARACTERS);
        assertThat(errorsOf("43060290010112A")).containsExactly(IdNumberError.ID_BAD_CHARACTERS);
        assertThat(errorsOf("430602199001011234")).containsExactly(IdNumberError.ID_BAD_CHECK_CHARACTER);
        assertThat(errorsOf(valid("43060219900230123"))).containsExactly(IdNumberError.ID_IMPOSSIBLE_DATE);
        assertThat(errorsOf(valid("43060218991231123"))).containsExactly(IdNumberError.ID_BIRTH_DATE_TOO_EARLY);
        assertThat(errorsOf(valid("43060220261129123"))).containsExactly(IdNumberError.ID_BIRTH_DATE_IN_FUTURE);
        assertThat(errorsOf(valid("99060219900101123"))).containsExactly(IdNumberError.ID_UNKNOWN_REGION);
        assertThat(errorsOf(valid("84060219900101123"))).containsExactly(IdNumberError.ID_UNKNOWN_REGION);
    }

    @Test
    void reportsEveryFindingOfANumberWithSeveralFaults() {
        // bad check character, impossible date and unknown province at once
        String wrong = "99060219901301123" + (IdNumber.checkCharacterOf("99060219901301123") == '0' ? '1' : '0');

        assertThat(errorsOf(wrong)).containsExactlyInAnyOrder(IdNumberError.ID_BAD_CHECK_CHARACTER,
                IdNumberError.ID_IMPOSSIBLE_DATE, IdNumberError.ID_UNKNOWN_REGION);
    }

    @Test
    void anUnknownCountyIsOnlyAWarning() {
        // 430699 is not a county of Yueyang: a recoded or abolished code keeps its numbers valid
        IdNumberCheck check = IdNumber.check(valid("43069919900101123"), TODAY);

        assertThat(check.valid()).isTrue();
        assertThat(check.warnings()).containsExactly(IdNumberError.ID_UNKNOWN_COUNTY);
        assertThat(check.number().regionName()).isEqualTo("湖南省岳阳市");
    }

    @Test
    void birthdayTodayIsAccepted() {
        assertThat(IdNumber.check(valid("43060220261128123"), TODAY).valid()).isTrue();
    }

    @Test
    void leapDayIsARealDate() {
        assertThat(IdNumber.check(valid("43060220000229123"), TODAY).valid()).isTrue();
        assertThat(errorsOf(valid("43060219000229123"))).containsExactly(IdNumberError.ID_IMPOSSIBLE_DATE);
    }

    @Test
    void stringFormIsMaskedAndExceptionsNeverHoldTheNumber() {
        IdNumber number = IdNumber.parse("430602199001011235", TODAY);
        assertThat(number.toString()).isEqualTo("430602********1235");
        assertThat(number.masked()).isEqualTo("430602********1235");

        assertThatThrownBy(() -> IdNumber.parse("430602199001011234", TODAY))
                .isInstanceOf(InvalidIdNumberException.class)
                .hasMessage("身份证号码校验码错误")
                .hasMessageNotContaining("430602199001011234");
    }

    @Test
    void checkCharacterNeedsSeventeenDigits() {
        assertThatThrownBy(() -> IdNumber.checkCharacterOf("1234")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<IdNumberError> errorsOf(String raw) {
        IdNumberCheck check = IdNumber.check(raw, TODAY);
        assertThat(check.valid()).isFalse();
        return check.errors();
    }

    private static String findBodyWithCheckX() {
        for (int seq = 100; seq < 1000; seq++) {
            String body = "43060219900101" + seq;
            if (IdNumber.checkCharacterOf(body) == 'X') {
                return body;
            }
        }
        throw new AssertionError("no body with check character X");
    }

    private static String toFullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append((char) (c + 0xFEE0)));
        return out.toString();
    }
}
