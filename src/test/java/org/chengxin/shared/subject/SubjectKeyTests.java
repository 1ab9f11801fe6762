package org.chengxin.shared.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SubjectKeyTests {

    private static final String HEX = "3fa2" + "0b".repeat(30);

    record Carrier(SubjectKey subject, String itemCode) {
    }

    @Test
    void keysOfTheSameBytesAreEqualWhereverTheBytesCameFrom() {
        SubjectKey fromBytes = SubjectKey.of(HexFormat.of().parseHex(HEX));
        SubjectKey fromHex = SubjectKey.fromHex(HEX.toUpperCase());

        assertThat(fromBytes).isEqualTo(fromHex).hasSameHashCodeAs(fromHex);
        assertThat(fromHex.hex()).isEqualTo(HEX);
        assertThat(fromBytes).isNotEqualTo(SubjectKey.fromHex("00".repeat(32)));
    }

    @Test
    void neitherTheGivenNorTheReturnedArrayCanChangeTheKey() {
        byte[] given = HexFormat.of().parseHex(HEX);
        SubjectKey key = SubjectKey.of(given);

        given[0] = 0;
        key.bytes()[1] = 0;

        assertThat(key.hex()).isEqualTo(HEX);
    }

    @Test
    void aKeyOfAnotherLengthOrNotHexIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectKey.of(new byte[31]));
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectKey.of(null));
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectKey.fromHex(HEX + "00"));
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectKey.fromHex("zz" + HEX.substring(2)));
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectKey.fromHex(null));
    }

    @Test
    void toStringShowsAShortPrefixAndNeverTheWholeKey() {
        String shown = SubjectKey.fromHex(HEX).toString();

        assertThat(shown).isEqualTo("SubjectKey[3fa20b…]").doesNotContain(HEX.substring(0, 8));
    }

    @Test
    void inJsonAKeyIsItsHexStringAndReadsBackAsTheSameKey() {
        JsonMapper json = JsonMapper.builder().build();
        Carrier event = new Carrier(SubjectKey.fromHex(HEX), "YY-XK-001");

        String written = json.writeValueAsString(event);

        assertThat(written).isEqualTo("{\"subject\":\"" + HEX + "\",\"itemCode\":\"YY-XK-001\"}");
        assertThat(json.readValue(written, Carrier.class)).isEqualTo(event);
    }
}
