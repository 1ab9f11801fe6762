package org.chengxin.mutual.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.standing.CreditStanding;
import org.chengxin.standing.CreditStanding.Listing;
import org.chengxin.standing.CreditStanding.RecordInForce;
import org.junit.jupiter.api.Test;

class CrossRegionSharingTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
    /** Made up, born 1990-01-01. */
    private static final IdNumber ADULT = IdNumber.parse("430602199001011235", CLOCK);

    private static RecordInForce dishonesty(long id, String scope, String severity, LocalDate decided, boolean disputed) {
        return new RecordInForce(id, "YY-TX-001", "偷税", DepartmentCode.of("swj"), "文号-" + id, decided, severity, TODAY.plusYears(1),
                disputed, "违法事实：偷税", scope);
    }

    private static RecordInForce goodCredit(long id, String scope) {
        return new RecordInForce(id, "YY-GN-004", "诚信道德模范", DepartmentCode.of("wmb"), "文号-" + id, TODAY.minusMonths(3), null,
                TODAY.plusYears(2), false, null, scope);
    }

    private static Listing listing(long id) {
        return new Listing(CreditStanding.SERIOUS_DISHONESTY, "严重失信主体名单", id, DepartmentCode.of("swj"), "岳税认〔2026〕9号",
                TODAY.minusDays(10), TODAY.plusYears(1));
    }

    private static CreditStanding standing(List<Listing> lists, List<RecordInForce> good, List<RecordInForce> bad) {
        return new CreditStanding(TODAY, "2026-v1", 850, "B", "一般", false, true, bad.size() + good.size(), lists, good, bad);
    }

    @Test
    void onlyPublicItemsCrossTheRegionAuthorizedGovernmentAndUndisclosedOnesStayInTheCity() {
        LocalDate decided = TODAY.minusMonths(2);
        CreditStanding s = standing(List.of(),
                List.of(goodCredit(11, "PUBLIC"), goodCredit(12, "AUTHORIZED")),
                List.of(dishonesty(1, "PUBLIC", "SERIOUS", decided, false), dishonesty(2, "AUTHORIZED", "GRAVE", decided, false),
                        dishonesty(3, "GOVERNMENT", "GENERAL", decided, false), dishonesty(4, "NOT_DISCLOSED", "SERIOUS", decided, false)));

        SharedStatus shared = CrossRegionSharing.share(s, ADULT, TODAY);

        assertThat(shared.dishonesty()).extracting(RecordInForce::recordId).containsExactly(1L);
        assertThat(shared.goodCredit()).extracting(RecordInForce::recordId).containsExactly(11L);
    }

    @Test
    void aMinorDishonestyRecordIsNeverSharedEvenWhereItsItemIsPublic() {
        CreditStanding s = standing(List.of(), List.of(), List.of(dishonesty(1, "PUBLIC", "MINOR", TODAY.minusMonths(1), false),
                dishonesty(2, "PUBLIC", "GENERAL", TODAY.minusMonths(1), false)));

        assertThat(CrossRegionSharing.share(s, ADULT, TODAY).dishonesty()).extracting(RecordInForce::recordId).containsExactly(2L);
    }

    @Test
    void aRecordDecidedWhileThePersonWasUnder18IsNotSharedFromTheDayAfterThe18thBirthdayItIs() {
        LocalDate eighteenth = ADULT.birthDate().plusYears(18);
        CreditStanding s = standing(List.of(), List.of(), List.of(dishonesty(1, "PUBLIC", "SERIOUS", eighteenth, false),
                dishonesty(2, "PUBLIC", "SERIOUS", eighteenth.plusDays(1), false)));

        assertThat(CrossRegionSharing.share(s, ADULT, TODAY).dishonesty()).extracting(RecordInForce::recordId).containsExactly(2L);
    }

    @Test
    void aRecordUnderObjectionIsSharedMarkedDisputedAndTheAnswerSaysSo() {
        CreditStanding s = standing(List.of(), List.of(goodCredit(11, "PUBLIC")),
                List.of(dishonesty(1, "PUBLIC", "SERIOUS", TODAY.minusMonths(2), true)));

        SharedStatus shared = CrossRegionSharing.share(s, ADULT, TODAY);

        assertThat(shared.dishonesty()).singleElement().satisfies(r -> assertThat(r.disputed()).isTrue());
        assertThat(shared.disputed()).isTrue();
        assertThat(shared.summary()).isEqualTo("未列入严重失信主体名单，失信信息 1 条，优良信用记录 1 条（其中异议处理中 1 条）");
    }

    @Test
    void aRecordWhoseLastDayIsPastIsNotSharedOneOnItsLastDayIs() {
        RecordInForce lastDayToday = new RecordInForce(1, "YY-TX-001", "偷税", DepartmentCode.of("swj"), "文号-1", TODAY.minusYears(3),
                "SERIOUS", TODAY, false, null, "PUBLIC");
        RecordInForce lastDayYesterday = new RecordInForce(2, "YY-TX-001", "偷税", DepartmentCode.of("swj"), "文号-2", TODAY.minusYears(3),
                "SERIOUS", TODAY.minusDays(1), false, null, "PUBLIC");

        SharedStatus shared = CrossRegionSharing.share(standing(List.of(), List.of(), List.of(lastDayToday, lastDayYesterday)), ADULT, TODAY);

        assertThat(shared.dishonesty()).extracting(RecordInForce::recordId).containsExactly(1L);
    }

    @Test
    void theSeriousDishonestyListInForceIsSharedAndNothingOfThePointsModel() {
        CreditStanding s = standing(List.of(listing(8)), List.of(), List.of(dishonesty(1, "PUBLIC", "SERIOUS", TODAY.minusMonths(2), false)));

        SharedStatus shared = CrossRegionSharing.share(s, ADULT, TODAY);

        assertThat(shared.seriouslyDishonest()).isTrue();
        assertThat(shared.lists()).extracting(Listing::entryId).containsExactly(8L);
        assertThat(shared.asOf()).isEqualTo(TODAY);
        assertThat(SharedStatus.class.getRecordComponents()).extracting(c -> c.getName())
                .as("no grade, points, model or three-years-clean flag crosses the region")
                .containsExactly("asOf", "lists", "dishonesty", "goodCredit");
        assertThat(shared.summary()).isEqualTo("列入严重失信主体名单 1 个，失信信息 1 条，优良信用记录 0 条");
    }

    @Test
    void aPersonWithNothingShareableIsAnsweredSo() {
        SharedStatus shared = CrossRegionSharing.share(standing(List.of(), List.of(), List.of()), ADULT, TODAY);

        assertThat(shared.seriouslyDishonest()).isFalse();
        assertThat(shared.disputed()).isFalse();
        assertThat(shared.summary()).isEqualTo("未列入严重失信主体名单，失信信息 0 条，优良信用记录 0 条");
    }
}
