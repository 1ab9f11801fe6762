package org.chengxin.lists.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.chengxin.lists.domain.SeriousDishonestyCandidates.Escalation;
import org.chengxin.lists.domain.SeriousDishonestyCandidates.Proposal;
import org.chengxin.shared.organization.DepartmentCode;
import org.junit.jupiter.api.Test;

/** The machine proposes candidates for the serious-dishonesty list; it never lists anybody itself. */
class SeriousDishonestyCandidatesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final String DEPARTMENT = "swj";

    @Test
    void aSeriousRecordInACategoryOfSectionFourteenIsProposed() {
        List<Proposal> p = SeriousDishonestyCandidates.proposals(DepartmentCode.of(DEPARTMENT),
                List.of(record(1, "SERIOUS", "TAX_EVASION", TODAY.minusMonths(2), true)), Escalation.YUEYANG, TODAY);

        assertThat(p).singleElement().satisfies(proposal -> {
            assertThat(proposal.rule()).isEqualTo("CATEGORY");
            assertThat(proposal.reason()).contains("偷逃税款");
            assertThat(proposal.recordIds()).containsExactly(1L);
        });
    }

    @Test
    void seriousRecordsOutsideTheCategoriesAreProposedOnlyByEscalation() {
        List<ListRecord> two = List.of(record(1, "SERIOUS", null, TODAY.minusMonths(30), true),
                record(2, "SERIOUS", null, TODAY.minusMonths(3), true));
        assertThat(SeriousDishonestyCandidates.proposals(DepartmentCode.of(DEPARTMENT), two, Escalation.YUEYANG, TODAY)).isEmpty();

        List<ListRecord> three = List.of(two.get(0), two.get(1), record(3, "SERIOUS", null, TODAY.minusMonths(1), true));
        assertThat(SeriousDishonestyCandidates.proposals(DepartmentCode.of(DEPARTMENT), three, Escalation.YUEYANG, TODAY)).singleElement()
                .satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("ESCALATION");
                    assertThat(p.recordIds()).containsExactly(1L, 2L, 3L);
                });
    }

    @Test
    void escalationCountsOnlyRecordsWithinItsPeriodAndOnlyUsableOnes() {
        List<ListRecord> records = List.of(record(1, "SERIOUS", null, TODAY.minusMonths(40), true),
                record(2, "SERIOUS", null, TODAY.minusMonths(3), true), record(3, "SERIOUS", null, TODAY.minusMonths(2), false),
                record(4, "SERIOUS", null, TODAY.minusMonths(1), true));
        assertThat(SeriousDishonestyCandidates.proposals(DepartmentCode.of(DEPARTMENT), records, Escalation.YUEYANG, TODAY)).isEmpty();
        assertThat(SeriousDishonestyCandidates.proposals(DepartmentCode.of(DEPARTMENT), records, new Escalation(2, 12), TODAY)).singleElement()
                .satisfies(p -> assertThat(p.recordIds()).containsExactly(2L, 4L));
    }

    @Test
    void revokedRepairedOrExpiredRecordsAndLesserSeveritiesAreNeverProposed() {
        List<ListRecord> records = List.of(record(1, "SERIOUS", "BRIBERY", TODAY.minusMonths(1), false),
                record(2, "GRAVE", "BRIBERY", TODAY.minusMonths(1), true), record(3, "GENERAL", null, TODAY.minusMonths(1), true));
        assertThat(SeriousDishonestyCandidates.proposals(DepartmentCode.of(DEPARTMENT), records, Escalation.YUEYANG, TODAY)).isEmpty();
    }

    @Test
    void aDepartmentIsProposedCandidatesOnlyOnItsOwnRecords() {
        List<ListRecord> records = List.of(record(1, "SERIOUS", "TAX_EVASION", TODAY.minusMonths(2), true),
                record(2, "ybj", "SERIOUS", "DEFRAUDING_SUBSIDIES_OR_INSURANCE", TODAY.minusMonths(1), true));

        assertThat(SeriousDishonestyCandidates.proposals(DepartmentCode.of(DEPARTMENT), records, Escalation.YUEYANG, TODAY)).singleElement()
                .satisfies(p -> assertThat(p.recordIds()).containsExactly(1L));
        assertThat(SeriousDishonestyCandidates.proposals(DepartmentCode.of("ybj"), records, Escalation.YUEYANG, TODAY)).singleElement()
                .satisfies(p -> assertThat(p.recordIds()).containsExactly(2L));
        assertThat(SeriousDishonestyCandidates.proposals(DepartmentCode.of("gaj"), records, Escalation.YUEYANG, TODAY)).isEmpty();
    }

    @Test
    void escalationCountsOneDepartmentsRecordsAndIsProposedToThatDepartment() {
        List<ListRecord> records = List.of(record(1, "SERIOUS", null, TODAY.minusMonths(5), true),
                record(2, "SERIOUS", null, TODAY.minusMonths(4), true), record(3, "SERIOUS", null, TODAY.minusMonths(3), true),
                record(4, "yjj", "SERIOUS", null, TODAY.minusMonths(2), true), record(5, "yjj", "SERIOUS", null, TODAY.minusMonths(1), true));

        assertThat(SeriousDishonestyCandidates.proposals(DepartmentCode.of(DEPARTMENT), records, Escalation.YUEYANG, TODAY)).singleElement()
                .satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("ESCALATION");
                    assertThat(p.recordIds()).containsExactly(1L, 2L, 3L);
                });
        assertThat(SeriousDishonestyCandidates.proposals(DepartmentCode.of("yjj"), records, Escalation.YUEYANG, TODAY))
                .as("two records of its own: below the threshold, whatever the other department has").isEmpty();
    }

    @Test
    void anEscalationRuleNeedsAtLeastTwoRecords() {
        assertThatThrownBy(() -> new Escalation(1, 12)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ListRecord record(long id, String severity, String category, LocalDate decided, boolean usable) {
        return record(id, DEPARTMENT, severity, category, decided, usable);
    }

    private static ListRecord record(long id, String department, String severity, String category, LocalDate decided, boolean usable) {
        return new ListRecord(id, DepartmentCode.of(department), "YY-T-" + id, "测试信息项", severity, category, decided, usable);
    }
}
