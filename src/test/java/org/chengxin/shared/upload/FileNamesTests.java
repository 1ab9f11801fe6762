package org.chengxin.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FileNamesTests {

    @Test
    void aNameOf255BytesIsKeptAsItIs() {
        String name = "处".repeat(83) + ".csv";
        assertThat(bytes(name)).isEqualTo(253);
        assertThat(FileNames.fitted(name)).isEqualTo(name);
        assertThat(FileNames.fitted("a".repeat(251) + ".csv")).hasSize(255);
    }

    @Test
    void aLongerNameIsCutToAt255BytesWithAnEllipsisAndItsExtension() {
        String fitted = FileNames.fitted("处罚决定书".repeat(20) + ".xlsx");

        assertThat(bytes(fitted)).isLessThanOrEqualTo(255).isGreaterThan(250);
        assertThat(fitted).startsWith("处罚决定书处罚决定书").endsWith("….xlsx");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNeverSplit() {
        String fitted = FileNames.fitted("𠮷".repeat(80) + ".csv");

        assertThat(bytes(fitted)).isLessThanOrEqualTo(255);
        int kichi = "𠮷".codePointAt(0);
        assertThat(fitted.codePoints().filter(cp -> cp != kichi && "….csv".indexOf(cp) < 0)).isEmpty();
        assertThat(fitted).endsWith("….csv");
    }

    @Test
    void aNameWithoutExtensionOrWithAnOverlongOneIsCutAtItsEnd() {
        assertThat(FileNames.fitted("a".repeat(300))).isEqualTo("a".repeat(252) + "…");
        String longExtension = "b." + "c".repeat(300);
        assertThat(FileNames.fitted(longExtension)).hasSize(253).endsWith("c…");
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesBecomeUnderscores() {
        assertThat(FileNames.fitted("a\u0000b\tc\u0085d\ud842e\udfb7.csv")).isEqualTo("a_b_c_d_e_.csv");
        assertThat(FileNames.fitted("𠮷.csv")).isEqualTo("𠮷.csv");
    }

    @Test
    void aShorterLimitIsKeptTheSameWay() {
        String fitted = FileNames.fitted("人口".repeat(100) + ".csv", 191);

        assertThat(bytes(fitted)).isLessThanOrEqualTo(191);
        assertThat(fitted).endsWith("….csv");
        assertThat(FileNames.fitted(null)).isNull();
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
