package org.chengxin.exchange.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import org.chengxin.shared.error.ChengxinException;
import org.junit.jupiter.api.Test;

/** The exchange's rules: what may be shared, the national status, the cursor, the files' columns. */
class ExchangeRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void aDecisionIsSharedExactlyWhileThePortalWouldShowIt() {
        LocalDate decided = TODAY.minusMonths(2);
        LocalDate expires = TODAY.plusMonths(10);
        assertThat(SharingRule.shareable("ACTIVE", false, decided, expires, TODAY)).isTrue();
        assertThat(SharingRule.shareable("OBJECTED", false, decided, expires, TODAY)).isTrue();
        assertThat(SharingRule.shareable("SUSPENDED", false, decided, expires, TODAY)).isTrue();
        assertThat(SharingRule.shareable("REVOKED", false, decided, expires, TODAY)).isFalse();
        assertThat(SharingRule.shareable("REPAIRED", false, decided, expires, TODAY)).isFalse();
        assertThat(SharingRule.shareable("EXPIRED", false, decided, expires, TODAY)).isFalse();
        assertThat(SharingRule.shareable("ACTIVE", false, decided, TODAY, TODAY)).as("its period ends today").isFalse();
        assertThat(SharingRule.shareable("ACTIVE", false, TODAY.plusDays(1), expires, TODAY)).as("decided tomorrow").isFalse();
        assertThat(SharingRule.shareable("ACTIVE", true, decided, expires, TODAY)).as("a minor's record").isFalse();
        assertThat(SharingRule.shareable("ACTIVE", null, decided, expires, TODAY)).as("not yet decided for").isFalse();
    }

    @Test
    void theNationalStatusSaysRevokedDisputedOrOther() {
        assertThat(SharingRule.nationalStatus("ACTIVE", true)).isEqualTo("0");
        assertThat(SharingRule.nationalStatus("REVOKED", false)).isEqualTo("1");
        assertThat(SharingRule.nationalStatus("OBJECTED", true)).isEqualTo("2");
        assertThat(SharingRule.nationalStatus("SUSPENDED", true)).isEqualTo("2");
        assertThat(SharingRule.nationalStatus("REPAIRED", false)).isEqualTo("3");
        assertThat(SharingRule.nationalStatus("ACTIVE", false)).as("active but not to be shown").isEqualTo("3");
    }

    @Test
    void aCursorComesBackAsItWasGivenToItsOwnClientOnly() {
        String token = new FeedCursor("client-a", 1234).token();
        assertThat(token).doesNotContain("client-a").matches("[A-Za-z0-9_-]+");
        assertThat(FeedCursor.parse(token, "client-a", 0)).isEqualTo(new FeedCursor("client-a", 1234));
        assertThat(FeedCursor.parse(null, "client-a", 77)).as("no cursor: from the horizon").isEqualTo(new FeedCursor("client-a", 77));
        assertThat(FeedCursor.parse(" ", "client-a", 0).position()).isZero();

        assertCode(() -> FeedCursor.parse(token, "client-b", 0), "EXCHANGE_CURSOR_FOREIGN");
        assertCode(() -> FeedCursor.parse(token, "client-a", 1235), "EXCHANGE_CURSOR_EXPIRED");
        assertThat(FeedCursor.parse(token, "client-a", 1234).position()).as("at the horizon nothing is lost").isEqualTo(1234);
        assertCode(() -> FeedCursor.parse(token.substring(0, token.length() - 2), "client-a", 0), "EXCHANGE_CURSOR_INVALID");
        assertCode(() -> FeedCursor.parse("%%%", "client-a", 0), "EXCHANGE_CURSOR_INVALID");
        // a position changed by hand no longer matches its check
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("v1:client-a:99:000000000000".getBytes());
        assertCode(() -> FeedCursor.parse(forged, "client-a", 0), "EXCHANGE_CURSOR_INVALID");
    }

    @Test
    void aRowHasTheChangesColumnsThenTheKindsInTheHeadersOrderAndNothingForAMissingValue() {
        DeliveredChange c = new DeliveredChange(42, Shared.PENALTY.identifier("430600", 7), Shared.PENALTY, ChangeKind.REVOKED, true,
                Instant.parse("2026-12-07T02:03:04Z"), Map.of("CF_ZT", "1", "DFBM", "430602"));
        assertThat(NationalColumns.header(Shared.PENALTY)).startsWith("XH", "BSID", "BGLX", "CHBZ", "BGSJ", "CF_WSH");
        assertThat(NationalColumns.row(c)).hasSameSizeAs(NationalColumns.header(Shared.PENALTY))
                .startsWith("42", "430600-CF-7", "REVOKED", "1", "2026-12-07 10:03:04", "");
        int zt = NationalColumns.header(Shared.PENALTY).indexOf("CF_ZT");
        assertThat(NationalColumns.row(c).get(zt)).isEqualTo("1");
        for (Shared s : Shared.values()) {
            assertThat(NationalColumns.header(s)).doesNotHaveDuplicates().allSatisfy(col -> assertThat(NationalColumns.LABELS).containsKey(col));
        }
        assertThat(NationalColumns.PERSONAL).allSatisfy(col -> assertThat(NationalColumns.LABELS).containsKey(col));
    }

    @Test
    void onlyRevocationRepairAndExpiryWithdraw() {
        assertThat(ChangeKind.NEW.withdraws()).isFalse();
        assertThat(ChangeKind.CORRECTED.withdraws()).isFalse();
        assertThat(ChangeKind.REVOKED.withdraws()).isTrue();
        assertThat(ChangeKind.REPAIRED.withdraws()).isTrue();
        assertThat(ChangeKind.EXPIRED.withdraws()).isTrue();
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOf(ChengxinException.class).extracting(e -> ((ChengxinException) e).code()).isEqualTo(code);
    }
}
