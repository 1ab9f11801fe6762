package org.chengxin.shared.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Properties of the validator over many generated numbers. jqwik does not run on the JUnit 6
 * platform that Spring Boot 4 brings, so the generator is a seeded {@link Random}: every run checks
 * the same numbers, and a failure names the seed and index, never the number itself.
 */
class IdNumberPropertiesTests {

    private static final Clock TODAY = IdNumberTests.TODAY;
    private static final long SEED = 20261128L;
    private static final String[] PREFIXES = {"110101", "310115", "430602", "430681", "440305", "650102", "810000", "820000", "830000"};
    private static final String ALPHABET = "0123456789X";

    @Test
    void everyGeneratedValidNumberPasses() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            String number = generate(random);
            IdNumberCheck check = IdNumber.check(number, TODAY);
            assertThat(check.valid()).as("generated number #%d (seed %d) should be valid", i, SEED).isTrue();
            assertThat(check.number().value()).as("#%d keeps its form", i).isEqualTo(number);
        }
    }

    @Test
    void everySingleCharacterChangeOfAValidNumberFails() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 1_000; i++) {
            String number = generate(random);
            for (int position = 0; position < 18; position++) {
                for (char replacement : ALPHABET.toCharArray()) {
                    if (replacement == number.charAt(position)) {
                        continue;
                    }
                    String changed = number.substring(0, position) + replacement + number.substring(position + 1);
                    assertThat(IdNumber.check(changed, TODAY).valid())
                            .as("#%d (seed %d) changed at position %d must fail", i, SEED + 1, position)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void legacyFifteenDigitNumbersUpgradeToValidEighteenDigitOnes() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 5_000; i++) {
            LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(36_500));
            String legacy = "430602" + birth.format(DateTimeFormatter.ofPattern("yyMMdd")) + String.format("%03d", random.nextInt(1000));
            IdNumberCheck check = IdNumber.check(legacy, TODAY);
            assertThat(check.valid()).as("legacy #%d", i).isTrue();
            assertThat(check.number().birthDate().getYear()).isBetween(1900, 1999);
        }
    }

    @Test
    void maskingKeepsOnlyRegionAndLastFour() {
        Random random = new Random(SEED + 3);
        for (int i = 0; i < 1_000; i++) {
            String number = generate(random);
            String masked = Masking.idNumber(number);
            assertThat(masked).hasSize(18).startsWith(number.substring(0, 6)).endsWith(number.substring(14))
                    .contains("********");
            assertThat(Masking.maskIdShaped("号码" + number + "。")).isEqualTo("号码" + masked + "。");
        }
    }

    /** A valid number of a random kind: resident (several provinces), residence permit or foreign permanent resident. */
    static String generate(Random random) {
        LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextInt((int) (LocalDate.now(TODAY).toEpochDay()
                - LocalDate.of(1900, 1, 1).toEpochDay())));
        String prefix = random.nextInt(10) == 0
                ? "9" + new String[] {"11", "31", "43", "44"}[random.nextInt(4)] + String.format("%03d", random.nextInt(1000))
                : PREFIXES[random.nextInt(PREFIXES.length)];
        String body = prefix + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", random.nextInt(1000));
        return body + IdNumber.checkCharacterOf(body);
    }
}
