package org.chengxin.records.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.function.Function;

import org.chengxin.records.RecordStatus;
import org.chengxin.shared.error.ChengxinException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every allowed change of a record's status and every refused one: the table of docs/architecture.md 8.2. */
class RecordLifecycleTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final ChangeReason WHY = ChangeReason.of("测试理由");

    /** A transition as the table names it, applied to a record of version 3 that expires today. */
    private static Function<RecordLifecycle, RecordStatus> transition(String name) {
        return switch (name) {
            case "object" -> r -> r.object(WHY).to();
            case "resolveObjection" -> r -> r.resolveObjection(WHY).to();
            case "correct" -> r -> r.correct(TODAY.plusMonths(6), TODAY).status();
            case "correctOnObjection" -> r -> r.correctOnObjection(WHY).to();
            case "repair" -> r -> r.repair(WHY).to();
            case "expire" -> r -> r.expire(TODAY).to();
            case "revoke" -> r -> r.revoke(WHY).to();
            case "suspend" -> r -> r.suspend(WHY).to();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} record, {1}: {2}")
    @CsvSource({
        // from,   transition,        to or refusal code    (expire is tried on the record's expiry day: due)
        "ACTIVE,   object,            OBJECTED",
        "ACTIVE,   resolveObjection,  RECORD_NOT_OBJECTED",
        "ACTIVE,   correct,           ACTIVE",
        "ACTIVE,   correctOnObjection, RECORD_NOT_OBJECTED",
        "ACTIVE,   repair,            REPAIRED",
        "ACTIVE,   expire,            EXPIRED",
        "ACTIVE,   revoke,            REVOKED",
        "ACTIVE,   suspend,           RECORD_NOT_OBJECTED",
        "OBJECTED, object,            RECORD_ALREADY_OBJECTED",
        "OBJECTED, resolveObjection,  ACTIVE",
        "OBJECTED, correct,           OBJECTED",
        "OBJECTED, correctOnObjection, ACTIVE",
        "OBJECTED, repair,            RECORD_ALREADY_OBJECTED",
        "OBJECTED, expire,            EXPIRED",
        "OBJECTED, revoke,            REVOKED",
        "OBJECTED, suspend,           SUSPENDED",
        "SUSPENDED, object,           RECORD_ALREADY_OBJECTED",
        "SUSPENDED, resolveObjection, ACTIVE",
        "SUSPENDED, correct,          SUSPENDED",
        "SUSPENDED, correctOnObjection, ACTIVE",
        "SUSPENDED, repair,           RECORD_ALREADY_OBJECTED",
        "SUSPENDED, expire,           EXPIRED",
        "SUSPENDED, revoke,           REVOKED",
        "SUSPENDED, suspend,          RECORD_ALREADY_SUSPENDED",
        "REPAIRED, object,            RECORD_ALREADY_REPAIRED",
        "REPAIRED, resolveObjection,  RECORD_NOT_OBJECTED",
        "REPAIRED, correct,           REPAIRED",
        "REPAIRED, correctOnObjection, RECORD_NOT_OBJECTED",
        "REPAIRED, repair,            RECORD_ALREADY_REPAIRED",
        "REPAIRED, expire,            RECORD_ALREADY_REPAIRED",
        "REPAIRED, revoke,            REVOKED",
        "REPAIRED, suspend,           RECORD_ALREADY_REPAIRED",
        "EXPIRED,  object,            RECORD_ALREADY_EXPIRED",
        "EXPIRED,  resolveObjection,  RECORD_NOT_OBJECTED",
        "EXPIRED,  correct,           ACTIVE",
        "EXPIRED,  correctOnObjection, RECORD_NOT_OBJECTED",
        "EXPIRED,  repair,            RECORD_ALREADY_EXPIRED",
        "EXPIRED,  expire,            RECORD_ALREADY_EXPIRED",
        "EXPIRED,  revoke,            REVOKED",
        "EXPIRED,  suspend,           RECORD_ALREADY_EXPIRED",
        "REVOKED,  object,            RECORD_ALREADY_REVOKED",
        "REVOKED,  resolveObjection,  RECORD_NOT_OBJECTED",
        "REVOKED,  correct,           RECORD_REVOKED",
        "REVOKED,  correctOnObjection, RECORD_NOT_OBJECTED",
        "REVOKED,  repair,            RECORD_ALREADY_REVOKED",
        "REVOKED,  expire,            RECORD_ALREADY_REVOKED",
        "REVOKED,  revoke,            RECORD_ALREADY_REVOKED",
        "REVOKED,  suspend,           RECORD_ALREADY_REVOKED",
    })
    void everyTransitionFromEveryStatusEndsWhereTheTableSaysOrIsRefusedWithTheTablesCode(RecordStatus from, String name,
            String expected) {
        RecordLifecycle record = new RecordLifecycle(from, 3, TODAY);
        Function<RecordLifecycle, RecordStatus> transition = transition(name);

        if (expected.startsWith("RECORD_")) {
            assertThatThrownBy(() -> transition.apply(record)).isInstanceOfSatisfying(ChengxinException.class, e -> {
                assertThat(e.code()).isEqualTo(expected);
                assertThat(e.getMessage()).as("a Chinese message").containsPattern("\\p{IsHan}");
            });
        } else {
            assertThat(transition.apply(record)).isEqualTo(RecordStatus.valueOf(expected));
        }
    }

    @Test
    void aStatusChangeNamesWhereTheRecordCameFromAndKeepsTheReasonGiven() {
        StatusChange change = new RecordLifecycle(RecordStatus.OBJECTED, 1, TODAY.plusDays(1)).revoke(ChangeReason.forRevocation("  复议撤销  "));

        assertThat(change).isEqualTo(new StatusChange(RecordStatus.OBJECTED, RecordStatus.REVOKED, "复议撤销"));
    }

    @Test
    void aRecordIsAcceptedAsVersionOneActiveOrExpiredAlreadyWhenPushedOnOrAfterItsDay() {
        assertThat(RecordLifecycle.accept(TODAY.plusDays(1), TODAY)).isEqualTo(new RecordLifecycle(RecordStatus.ACTIVE, 1, TODAY.plusDays(1)));
        assertThat(RecordLifecycle.accept(TODAY, TODAY).status()).isEqualTo(RecordStatus.EXPIRED);
        assertThat(RecordLifecycle.accept(TODAY.minusYears(1), TODAY).status()).isEqualTo(RecordStatus.EXPIRED);
    }

    @Test
    void aCorrectionIsTheNextVersionAndItsNewExpiryDateDecidesWhetherItIsStillShown() {
        RecordLifecycle objected = new RecordLifecycle(RecordStatus.OBJECTED, 2, TODAY.plusMonths(3));

        assertThat(objected.correct(TODAY.plusMonths(9), TODAY)).isEqualTo(new RecordLifecycle(RecordStatus.OBJECTED, 3, TODAY.plusMonths(9)));
        assertThat(objected.correct(TODAY, TODAY)).as("a new decision date whose period is over")
                .isEqualTo(new RecordLifecycle(RecordStatus.EXPIRED, 3, TODAY));
        assertThat(new RecordLifecycle(RecordStatus.REPAIRED, 1, TODAY.plusDays(9)).correct(TODAY.minusDays(1), TODAY).status())
                .isEqualTo(RecordStatus.EXPIRED);
        assertThat(new RecordLifecycle(RecordStatus.EXPIRED, 1, TODAY).correct(TODAY.plusDays(1), TODAY).status())
                .as("an expired record whose corrected period is not over yet").isEqualTo(RecordStatus.ACTIVE);
    }

    @Test
    void aRecordExpiresOnItsDayAndNotTheDayBefore() {
        RecordLifecycle active = new RecordLifecycle(RecordStatus.ACTIVE, 1, TODAY);

        assertThat(active.expire(TODAY)).isEqualTo(new StatusChange(RecordStatus.ACTIVE, RecordStatus.EXPIRED, "超过最长公开期限"));
        assertThat(active.expire(TODAY.plusDays(30)).to()).isEqualTo(RecordStatus.EXPIRED);
        assertThatThrownBy(() -> active.expire(TODAY.minusDays(1))).isInstanceOfSatisfying(ChengxinException.class,
                e -> assertThat(e.code()).isEqualTo("RECORD_NOT_DUE"));
    }

    @Test
    void onlyActiveObjectedAndSuspendedRecordsAreLeftForTheNightlyExpiry() {
        assertThat(RecordLifecycle.EXPIRABLE).containsExactlyInAnyOrder(RecordStatus.ACTIVE, RecordStatus.OBJECTED, RecordStatus.SUSPENDED);
        assertThat(RecordLifecycle.EXPIRABLE).allMatch(RecordStatus::shown);
    }

    @Test
    void aSuspendedRecordIsShownAndMarkedButNotUsed() {
        assertThat(RecordStatus.SUSPENDED.shown()).isTrue();
        assertThat(RecordStatus.SUSPENDED.disputed()).isTrue();
        assertThat(RecordStatus.SUSPENDED.counts()).isFalse();
        assertThat(RecordStatus.SUSPENDED.label()).isEqualTo("异议逾期未核查，暂停使用");
        assertThat(RecordStatus.OBJECTED.counts()).isTrue();
        assertThat(RecordStatus.REPAIRED.shown()).isFalse();
    }

    @Test
    void aReasonIsRequiredAtMostFiveHundredCharactersAndAnIdNumberInItIsMasked() {
        assertCode(() -> ChangeReason.forRevocation(" "), "REVOCATION_REASON_REQUIRED");
        assertCode(() -> ChangeReason.forRevocation(null), "REVOCATION_REASON_REQUIRED");
        assertCode(() -> ChangeReason.forRevocation("理".repeat(501)), "REVOCATION_REASON_REQUIRED");
        assertThat(ChangeReason.forRevocation("理".repeat(500)).text()).hasSize(500);
        assertCode(() -> ChangeReason.of(""), "RECORD_CHANGE_REASON_REQUIRED");
        assertCode(() -> ChangeReason.of("理".repeat(501)), "RECORD_CHANGE_REASON_REQUIRED");

        String text = ChangeReason.of("异议人 430602199001011235 提出").text();

        assertThat(text).contains("430602********1235").doesNotContain("199001011235");
    }

    private static void assertCode(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ChengxinException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
