package org.chengxin.shared.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PageRequestTests {

    private static final SortColumns COLUMNS = SortColumns.of(Map.of("acceptedAt", "accepted_at"), "acceptedAt", true);

    /** A list pages through its first 100,000 rows whatever the page size: a deeper page is the last one reachable. */
    @Test
    void aPageBeyondTheReachableRowsIsTheLastReachable() {
        assertThat(PageRequest.of(5000, 20, null, null, COLUMNS).offset()).as("5,000 pages of 20").isEqualTo(99_980);
        assertThat(PageRequest.of(5000, 100, null, null, COLUMNS).page()).as("1,000 pages of 100").isEqualTo(999);
        assertThat(PageRequest.of(1_000_000, 50, null, null, COLUMNS).offset()).isEqualTo(99_950);
        assertThat(PageRequest.of(-3, 100, null, null, COLUMNS).page()).isZero();
        assertThat(PageRequest.of(40, 100, null, null, COLUMNS).offset()).as("a page within reach stays").isEqualTo(3_900);
    }

    @Test
    void aResultBeyondTheReachableRowsSaysSoAndCountsOnlyTheReachablePages() {
        PageResult<String> department = new PageResult<>(List.of(), 1_468_869, PageRequest.of(1, 100, null, null, COLUMNS));
        assertThat(department.pages()).isEqualTo(1_000);
        assertThat(department.beyondReach()).isTrue();
        assertThat(Listing.of(department, "/records", Map.of()).isBeyondReach()).isTrue();
        PageResult<String> few = new PageResult<>(List.of(), 100_000, PageRequest.of(1, 20, null, null, COLUMNS));
        assertThat(few.pages()).isEqualTo(5_000);
        assertThat(few.beyondReach()).as("exactly the reachable rows").isFalse();
        assertThat(new PageResult<String>(List.of(), 0, PageRequest.of(1, 20, null, null, COLUMNS)).pages()).isEqualTo(1);
    }
}
