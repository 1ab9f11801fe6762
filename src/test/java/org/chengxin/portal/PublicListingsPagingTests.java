package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A public search pages through its first 10,000 rows only; a larger result asks for a narrower search. */
class PublicListingsPagingTests {

    @Test
    void aLargeResultIsPagedToItsFirstTenThousandRows() {
        PublicListings.Page<String> city = new PublicListings.Page<>(List.of(), 8_000_000, 0, 20, 400_000);
        assertThat(city.reachablePages()).isEqualTo(500);
        assertThat(city.beyondReach()).isTrue();
        PublicListings.Page<String> api = new PublicListings.Page<>(List.of(), 8_000_000, 0, 100, 80_000);
        assertThat(api.reachablePages()).isEqualTo(100);
        assertThat(PublicListings.reachable(80_000, 7)).as("a size that does not divide 10,000").isEqualTo(1_428);
    }

    @Test
    void aSmallResultIsPagedToItsEnd() {
        PublicListings.Page<String> few = new PublicListings.Page<>(List.of(), 45, 0, 20, 3);
        assertThat(few.reachablePages()).isEqualTo(3);
        assertThat(few.beyondReach()).isFalse();
        PublicListings.Page<String> exactly = new PublicListings.Page<>(List.of(), 10_000, 0, 20, 500);
        assertThat(exactly.beyondReach()).isFalse();
        assertThat(new PublicListings.Page<String>(List.of(), 0, 0, 20, 1).reachablePages()).isEqualTo(1);
    }

    @Test
    void aCountStoppedPastTheReachableRowsIsALowerBound() {
        // the search counts up to 10,001 rows: more than can be paged through
        PublicListings.Page<String> capped = new PublicListings.Page<>(List.of(), 10_001, 0, 20, 501, true);
        assertThat(capped.totalCapped()).isTrue();
        assertThat(capped.beyondReach()).isTrue();
        assertThat(capped.reachablePages()).isEqualTo(500);
        assertThat(new PublicListings.Page<String>(List.of(), 45, 0, 20, 3).totalCapped()).as("an exact count").isFalse();
    }
}
