package org.chengxin.shared.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DepartmentCodeTests {

    record Carrier(DepartmentCode department) {
    }

    @Test
    void codesAreEqualByTheirTextAndPrintAsThePlainCode() {
        assertThat(DepartmentCode.of("scjg")).isEqualTo(new DepartmentCode("scjg")).isNotEqualTo(DepartmentCode.of("swj"));
        assertThat(DepartmentCode.of("yy-fgw2")).hasToString("yy-fgw2");
    }

    @Test
    void aCodeOutsideTheRegistrationRuleIsRefused() {
        for (String bad : new String[] {null, "", "s", "SCJG", "2scjg", "scjg ", "市监局", "a".repeat(33)}) {
            assertThatIllegalArgumentException().as(String.valueOf(bad)).isThrownBy(() -> DepartmentCode.of(bad));
        }
        assertThat(DepartmentCode.of("a".repeat(32)).value()).hasSize(32);
    }

    @Test
    void parsingInputGivesTheCodeOrNothingNeverAnException() {
        assertThat(DepartmentCode.parse("scjg")).contains(DepartmentCode.of("scjg"));
        for (String bad : new String[] {null, "", "s", "SCJG", "2scjg", " scjg", "市监局", "a".repeat(33), "scjg'--"}) {
            assertThat(DepartmentCode.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void inJsonACodeIsAPlainStringAndReadsBack() {
        JsonMapper json = JsonMapper.builder().build();
        Carrier carrier = new Carrier(DepartmentCode.of("swj"));

        String written = json.writeValueAsString(carrier);

        assertThat(written).isEqualTo("{\"department\":\"swj\"}");
        assertThat(json.readValue(written, Carrier.class)).isEqualTo(carrier);
    }
}
