package org.chengxin.standing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chengxin.evaluation.Standing;
import org.chengxin.lists.ListEntry;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordStatus;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.standing.CreditStanding;
import org.chengxin.standing.CreditStanding.RecordInForce;
import org.junit.jupiter.api.Test;

class StandingAssemblyTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final Standing EVALUATED = new Standing(TODAY, "2026-v1", 880, "B", "中等", false, true, 2);
    private static final Map<String, String> ITEMS = Map.of("YY-GN-004", "诚信道德模范", "YY-TX-001", "偷逃税款");

    private static CreditRecord record(long id, String itemCode, String kind, String severity, LocalDate decided,
            LocalDate expiresOn, RecordStatus status) {
        return new CreditRecord(id, SubjectKey.fromHex("ab12".repeat(16)), 1, itemCode, 1, DepartmentCode.of("swj"), "src-" + id, decided, "文号-" + id, Map.of(), kind, severity,
                "PUBLIC", expiresOn, expiresOn, status, 1, null, null, null, false, false);
    }

    private static CreditRecord honour(long id, LocalDate decided) {
        return record(id, "YY-GN-004", "GOOD_CREDIT", null, decided, decided.plusYears(3), RecordStatus.ACTIVE);
    }

    private static CreditRecord taxEvasion(long id, RecordStatus status, LocalDate expiresOn) {
        return record(id, "YY-TX-001", "DISHONESTY", "SERIOUS", TODAY.minusMonths(2), expiresOn, status);
    }

    private static ListEntry entry(long id) {
        return new ListEntry(id, CreditStanding.SERIOUS_DISHONESTY, SubjectKey.fromHex("ab12".repeat(16)), DepartmentCode.of("swj"), "岳税认〔2026〕9号", "税收征收管理法", "偷税",
                TODAY.minusDays(10), TODAY.plusYears(1), "ACTIVE", "reviewer", null, null, List.of(3L));
    }

    private static CreditStanding assemble(List<ListEntry> entries, List<CreditRecord> records) {
        return StandingAssembly.assemble(EVALUATED, entries, records, code -> ITEMS.getOrDefault(code, code), TODAY);
    }

    @Test
    void theGradeAndFlagsAreTheEvaluationsAndAPersonWithoutAnythingHasNoListsOrRecords() {
        CreditStanding s = assemble(List.of(), List.of());

        assertThat(s.points()).isEqualTo(880);
        assertThat(s.grade()).isEqualTo("B");
        assertThat(s.gradeLabel()).isEqualTo("中等");
        assertThat(s.modelVersion()).isEqualTo("2026-v1");
        assertThat(s.day()).isEqualTo(TODAY);
        assertThat(s.threeYearsClean()).isTrue();
        assertThat(s.disputed()).isFalse();
        assertThat(s.recordsCounted()).isEqualTo(2);
        assertThat(s.lists()).isEmpty();
        assertThat(s.goodCredit()).isEmpty();
        assertThat(s.dishonesty()).isEmpty();
        assertThat(s.seriouslyDishonest()).isFalse();
    }

    @Test
    void aListEntryInForceMakesThePersonSeriouslyDishonestUnderTheListsChineseName() {
        CreditStanding s = assemble(List.of(entry(12)), List.of());

        assertThat(s.lists()).singleElement().satisfies(l -> {
            assertThat(l.entryId()).isEqualTo(12);
            assertThat(l.listName()).isEqualTo("严重失信主体名单");
            assertThat(l.departmentCode().value()).isEqualTo("swj");
            assertThat(l.endDate()).isEqualTo(TODAY.plusYears(1));
        });
        assertThat(s.seriousDishonesty()).hasSize(1);
        assertThat(s.seriouslyDishonest()).isTrue();
    }

    @Test
    void recordsAreSortedIntoGoodCreditAndDishonestyOldestDecisionFirstWithTheirItemNames() {
        CreditRecord later = honour(5, TODAY.minusMonths(1));
        CreditRecord earlier = honour(6, TODAY.minusMonths(6));
        CreditRecord tax = taxEvasion(3, RecordStatus.ACTIVE, TODAY.plusYears(3));
        CreditRecord other = record(9, "YY-XX-001", "OTHER", null, TODAY.minusDays(3), TODAY.plusYears(1), RecordStatus.ACTIVE);

        CreditStanding s = assemble(List.of(), List.of(later, tax, other, earlier));

        assertThat(s.goodCredit()).extracting(RecordInForce::recordId).containsExactly(6L, 5L);
        assertThat(s.goodCredit().get(0).itemName()).isEqualTo("诚信道德模范");
        assertThat(s.goodCredit().get(0).severity()).isNull();
        assertThat(s.dishonesty()).singleElement().satisfies(r -> {
            assertThat(r.itemName()).isEqualTo("偷逃税款");
            assertThat(r.severity()).isEqualTo("SERIOUS");
            assertThat(r.documentNumber()).isEqualTo("文号-3");
            assertThat(r.scope()).as("the disclosure scope it was pushed under, for who may see it").isEqualTo("PUBLIC");
        });
    }

    @Test
    void aRecordCountsThroughTheDayBeforeItExpiresAndThatIsItsLastDay() {
        CreditRecord lastDayToday = taxEvasion(1, RecordStatus.ACTIVE, TODAY.plusDays(1));
        CreditRecord expiresToday = taxEvasion(2, RecordStatus.ACTIVE, TODAY);

        CreditStanding s = assemble(List.of(), List.of(lastDayToday, expiresToday));

        assertThat(s.dishonesty()).extracting(RecordInForce::recordId).containsExactly(1L);
        assertThat(s.dishonesty().get(0).lastDay()).isEqualTo(TODAY);
        assertThat(StandingAssembly.inForce(expiresToday, TODAY.minusDays(1))).isTrue();
    }

    @Test
    void aRecordUnderObjectionStaysInForceMarkedDisputedAndRevokedRepairedOrExpiredOnesDoNot() {
        LocalDate later = TODAY.plusYears(3);
        CreditRecord objected = taxEvasion(1, RecordStatus.OBJECTED, later);
        List<CreditRecord> gone = List.of(taxEvasion(2, RecordStatus.REVOKED, later), taxEvasion(3, RecordStatus.REPAIRED, later),
                taxEvasion(4, RecordStatus.EXPIRED, later));

        CreditStanding s = assemble(List.of(), List.of(objected, gone.get(0), gone.get(1), gone.get(2)));

        assertThat(s.dishonesty()).singleElement().satisfies(r -> {
            assertThat(r.recordId()).isEqualTo(1);
            assertThat(r.disputed()).isTrue();
        });
    }

    @Test
    void aSuspendedRecordIsNotInForceAndAnEntryRestingOnlyOnSuspendedRecordsIsNotUsedWhileTheyAre() {
        LocalDate later = TODAY.plusYears(3);
        CreditRecord suspended = taxEvasion(3, RecordStatus.SUSPENDED, later);
        ListEntry onTheSuspended = entry(8);
        ListEntry alsoOnAnActive = new ListEntry(9, CreditStanding.SERIOUS_DISHONESTY, SubjectKey.fromHex("ab12".repeat(16)), DepartmentCode.of("swj"),
                "岳税认〔2026〕10号", "税收征收管理法", "偷税", TODAY.minusDays(10), TODAY.plusYears(1), "ACTIVE", "reviewer", null, null,
                List.of(3L, 5L));

        CreditStanding s = assemble(List.of(onTheSuspended, alsoOnAnActive), List.of(suspended, taxEvasion(5, RecordStatus.ACTIVE, later)));

        assertThat(s.dishonesty()).extracting(CreditStanding.RecordInForce::recordId).containsExactly(5L);
        assertThat(s.lists()).extracting(CreditStanding.Listing::entryId).as("an entry with another record in force still stands")
                .containsExactly(9L);
        assertThat(assemble(List.of(onTheSuspended), List.of(taxEvasion(3, RecordStatus.ACTIVE, later))).lists())
                .as("decided and active again: the entry is used again").extracting(CreditStanding.Listing::entryId).containsExactly(8L);
    }
}
