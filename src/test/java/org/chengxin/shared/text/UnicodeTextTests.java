package org.chengxin.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.chengxin.shared.text.UnicodeText.Flaw;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnicodeTextTests {

    private static final String JI = "𠮷";

    @Test
    void aCharacterOutsideTheBasicPlaneCountsOnce() {
        String name = JI.repeat(26);
        assertThat(name.length()).isEqualTo(52);
        assertThat(UnicodeText.length(name)).isEqualTo(26);
        assertThat(UnicodeText.longerThan(name, 30)).isFalse();
        assertThat(UnicodeText.longerThan(name, 25)).isTrue();
    }

    @Test
    void truncationNeverCutsACharacterInTwo() {
        String cut = UnicodeText.truncate("岳" + JI + JI, 2);
        assertThat(cut).isEqualTo("岳" + JI);
        assertThat(UnicodeText.truncate("短", 5)).isEqualTo("短");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\uFEFF", "\u00A0", "\u202F", "\u3000", "\u2060", "\u200D", "\u00AD", " ", "\t"})
    void invisibleCharactersAroundAValueAreRemovedButInsideTheyAreFound(String invisible) {
        assertThat(UnicodeText.stripInvisible(invisible + "430602" + invisible + invisible)).isEqualTo("430602");
        String inside = "4306" + invisible + "02";
        if (invisible.equals(" ")) {
            assertThat(UnicodeText.invisibleInside(inside)).isEmpty();
        } else {
            assertThat(UnicodeText.invisibleInside(inside)).contains(invisible.codePointAt(0));
        }
    }

    static IntStream controlCharacters() {
        return IntStream.concat(IntStream.rangeClosed(0x00, 0x1F), IntStream.rangeClosed(0x7F, 0x9F));
    }

    @ParameterizedTest
    @MethodSource("controlCharacters")
    void everyControlCharacterInsideAOneLineValueIsAFlaw(int control) {
        String value = "违法" + (char) control + "事实";
        assertThat(UnicodeText.firstFlaw(value, false)).contains(new Flaw(Flaw.Kind.CONTROL_CHARACTER, control));
        boolean layout = control == '\t' || control == '\n' || control == '\r';
        assertThat(UnicodeText.firstFlaw(value, true).isPresent()).isEqualTo(!layout);
    }

    @Test
    void tabsAndLineBreaksAtTheEndsOfAOneLineValueAreTolerated() {
        assertThat(UnicodeText.firstFlaw(" \t430602\r\n", false)).isEmpty();
        assertThat(UnicodeText.firstFlaw("\u0000430602", false)).contains(new Flaw(Flaw.Kind.CONTROL_CHARACTER, 0));
    }

    @Test
    void loneSurrogatesAndNonCharactersAreFlawsButPairsAreNot() {
        assertThat(UnicodeText.firstFlaw("张\uD842", false)).contains(new Flaw(Flaw.Kind.INVALID_CHARACTER, 0xD842));
        assertThat(UnicodeText.firstFlaw("\uDFB7张", false)).contains(new Flaw(Flaw.Kind.INVALID_CHARACTER, 0xDFB7));
        assertThat(UnicodeText.firstFlaw("张\uFFFE", false)).contains(new Flaw(Flaw.Kind.INVALID_CHARACTER, 0xFFFE));
        assertThat(UnicodeText.firstFlaw("张\uFDD1", false)).contains(new Flaw(Flaw.Kind.INVALID_CHARACTER, 0xFDD1));
        assertThat(UnicodeText.firstFlaw("张" + UnicodeText.UNDECODABLE, false)).contains(new Flaw(Flaw.Kind.UNDECODABLE_BYTES, 0xFDD0));
        assertThat(UnicodeText.firstFlaw("张" + new String(Character.toChars(0x1FFFF)), false))
                .contains(new Flaw(Flaw.Kind.INVALID_CHARACTER, 0x1FFFF));
        assertThat(UnicodeText.firstFlaw("张" + JI + "·阿依古丽", false)).isEmpty();
        assertThat(new Flaw(Flaw.Kind.CONTROL_CHARACTER, 0).notation()).isEqualTo("U+0000");
    }
}
