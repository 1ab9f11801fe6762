package org.chengxin.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The source ids of one batch, for finding a row pushed twice in it. */
class SourceIdSetTests {

    @Test
    void findsADuplicate() {
        SourceIdSet seen = new SourceIdSet();

        assertThat(seen.add("SCJG-2026-0001")).isTrue();
        assertThat(seen.add("SCJG-2026-0002")).isTrue();
        assertThat(seen.add("SCJG-2026-0001")).isFalse();
        assertThat(seen.add("SCJG-2026-0001")).isFalse();
    }

    @Test
    void tellsIdsApartByCaseAndByEveryCharacter() {
        SourceIdSet seen = new SourceIdSet();

        assertThat(seen.add("abc")).isTrue();
        assertThat(seen.add("ABC")).isTrue();
        assertThat(seen.add("abc ")).isTrue();
        assertThat(seen.add("岳市监罚〔2026〕12号")).isTrue();
        assertThat(seen.add("岳市监罚〔2026〕13号")).isTrue();
        assertThat(seen.add("")).isTrue();
        assertThat(seen.add("")).isFalse();
        assertThat(seen.add("岳市监罚〔2026〕12号")).isFalse();
    }

    @Test
    void addsTwoHundredThousandDistinctIdsAndFindsEachAgain() {
        SourceIdSet seen = new SourceIdSet();
        int count = 200_000;

        int added = 0;
        for (int i = 0; i < count; i++) {
            if (seen.add(id(i))) {
                added++;
            }
        }
        int foundAgain = 0;
        for (int i = 0; i < count; i++) {
            if (!seen.add(id(i))) {
                foundAgain++;
            }
        }

        assertThat(added).isEqualTo(count);
        assertThat(foundAgain).isEqualTo(count);
    }

    @Test
    void growingKeepsTheIdsAddedBeforeIt() {
        SourceIdSet seen = new SourceIdSet();
        for (int i = 0; i < 10; i++) {
            seen.add(id(i));
        }

        // the table starts with 16,384 slots and grows at half full: this crosses several growths
        for (int i = 10; i < 70_000; i++) {
            assertThat(seen.add(id(i))).isTrue();
        }

        for (int i = 0; i < 10; i++) {
            assertThat(seen.add(id(i))).as("id %d after growth", i).isFalse();
        }
        assertThat(seen.add(id(70_000))).isTrue();
    }

    private static String id(int i) {
        return "YY-" + (i % 7) + "-" + i;
    }
}
