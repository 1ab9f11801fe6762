package org.chengxin.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chengxin.shared.organization.DepartmentCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The evaluation's rules one by one: grade bands, which records count, points, the explained score. */
class EvaluationPoliciesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final PointsModel YUEYANG = PointsModel.yueyang(LocalDate.of(2026, 4, 1));

    @ParameterizedTest(name = "{0} points -> {1}")
    @CsvSource({"1200, AAA", "1050, AAA", "1049, AA", "1030, AA", "1029, A", "1000, A", "960, A", "959, B", "850, B",
        "849, C", "600, C", "599, D", "0, D", "-300, D"})
    void yueyangGradeBands(int points, Grade grade) {
        assertThat(GradeBands.YUEYANG.gradeOf(points)).isEqualTo(grade);
    }

    @Test
    void bandsMustRiseFromDToAaa() {
        assertThatThrownBy(() -> new GradeBands(1000, 1030, 960, 850, 600)).isInstanceOf(IllegalArgumentException.class);
        assertThat(GradeBands.YUEYANG.describe()).containsEntry(Grade.AA, "1030–1049 分").containsEntry(Grade.D, "599 分及以下");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ACTIVE, true", "OBJECTED, true", "SUSPENDED, false", "REVOKED, false", "REPAIRED, false", "EXPIRED, false"})
    void onlyActiveAndDisputedRecordsCount(String status, boolean counts) {
        assertThat(CountingPolicy.counts(record(1, "DISHONESTY", "GENERAL", status, TODAY.plusMonths(3)), TODAY)).isEqualTo(counts);
    }

    @ParameterizedTest(name = "{0} under {1}: {2}")
    @CsvSource({
        "ACTIVE,    COUNT,   true",
        "ACTIVE,    EXCLUDE, true",
        "OBJECTED,  COUNT,   true",
        "OBJECTED,  EXCLUDE, false",
        "SUSPENDED, COUNT,   false",
        "SUSPENDED, EXCLUDE, false",
        "REPAIRED,  COUNT,   false",
        "REVOKED,   EXCLUDE, false",
    })
    void theModelsRuleDecidesWhetherARecordUnderObjectionCountsAndASuspendedOneNeverDoes(String status, ObjectedRecords rule,
            boolean counts) {
        PointsModel model = withRule(rule);
        CountedRecord r = record(1, "DISHONESTY", "GENERAL", status, TODAY.plusMonths(3));

        assertThat(model.counts(r, TODAY)).isEqualTo(counts);
        assertThat(CountingPolicy.countingStatuses(rule).contains(status)).as("the statuses the SQL is given").isEqualTo(counts);
    }

    @Test
    void theDefaultRuleCountsARecordUnderObjectionMarkedDisputedAndAModelStoredWithoutTheRuleHasTheDefault() {
        CountedRecord objected = record(2, "DISHONESTY", "SERIOUS", "OBJECTED", TODAY.plusYears(1));

        Evaluation e = Evaluation.of(List.of(objected), YUEYANG, TODAY);

        assertThat(YUEYANG.objectedRecords()).isEqualTo(ObjectedRecords.COUNT);
        assertThat(withRule(null).objectedRecords()).isEqualTo(ObjectedRecords.COUNT);
        assertThat(e.points()).isEqualTo(850);
        assertThat(e.disputed()).isTrue();
        assertThat(e.lines()).singleElement().satisfies(l -> assertThat(l.disputed()).isTrue());
        assertThat(e.setAside()).isEmpty();
    }

    @Test
    void underExcludeARecordUnderObjectionIsSetAsideWithItsReasonAndTheScoreIsNotDisputed() {
        CountedRecord objected = record(2, "DISHONESTY", "SERIOUS", "OBJECTED", TODAY.plusYears(1));
        CountedRecord suspended = record(3, "DISHONESTY", "GENERAL", "SUSPENDED", TODAY.plusYears(1));
        CountedRecord good = record(4, "GOOD_CREDIT", null, "ACTIVE", TODAY.plusYears(1));
        CountedRecord expiredObjected = record(5, "DISHONESTY", "GENERAL", "OBJECTED", TODAY);

        Evaluation e = Evaluation.of(List.of(objected, suspended, good, expiredObjected), withRule(ObjectedRecords.EXCLUDE), TODAY);

        assertThat(e.points()).isEqualTo(1030);
        assertThat(e.disputed()).isFalse();
        assertThat(e.lines()).extracting(Evaluation.Line::recordId).containsExactly(4L);
        assertThat(e.setAside()).as("oldest decision first; a record past its period is not shown at all")
                .extracting(a -> a.recordId() + ":" + a.reason())
                .containsExactly("3:异议逾期未核查，暂停使用，待认定部门处理后恢复", "2:异议处理中，按积分模型规定异议处理期间不计分");
        assertThat(Evaluation.of(List.of(objected, suspended), YUEYANG, TODAY).setAside())
                .as("under COUNT only the suspended record is set aside").extracting(Evaluation.SetAside::recordId).containsExactly(3L);
    }

    @Test
    void aDishonestyRecordSetAsideUnderObjectionIsNotHeldAgainstThreeYearsClean() {
        CountedRecord objected = record(2, "DISHONESTY", "MINOR", "OBJECTED", TODAY.plusYears(1));

        assertThat(ThreeYearsCleanPolicy.isClean(List.of(objected), TODAY, ObjectedRecords.COUNT)).isFalse();
        assertThat(ThreeYearsCleanPolicy.isClean(List.of(objected), TODAY, ObjectedRecords.EXCLUDE)).isTrue();
        assertThat(ThreeYearsCleanPolicy.isClean(List.of(record(3, "DISHONESTY", "MINOR", "SUSPENDED", TODAY.plusYears(1))), TODAY))
                .as("a suspended record is not held against the person").isTrue();
    }

    private static PointsModel withRule(ObjectedRecords rule) {
        return new PointsModel("rule-test", YUEYANG.effectiveFrom(), YUEYANG.basePoints(), YUEYANG.byKindAndSeverity(), YUEYANG.byItem(),
                YUEYANG.bands(), rule);
    }

    @Test
    void aRecordStopsCountingOnItsExpiryDayEvenBeforeItIsMarkedExpired() {
        CountedRecord r = record(1, "DISHONESTY", "SERIOUS", "ACTIVE", TODAY.plusDays(1));
        assertThat(CountingPolicy.counts(r, TODAY)).isTrue();
        assertThat(CountingPolicy.counts(r, TODAY.plusDays(1))).isFalse();
    }

    @Test
    void pointsByKindAndSeverityWithItemsOverridingThem() {
        assertThat(YUEYANG.pointsOf(record(1, "GOOD_CREDIT", null, "ACTIVE", TODAY))).isEqualTo(30);
        assertThat(YUEYANG.pointsOf(record(1, "DISHONESTY", "MINOR", "ACTIVE", TODAY))).isEqualTo(-5);
        assertThat(YUEYANG.pointsOf(record(1, "DISHONESTY", "GENERAL", "ACTIVE", TODAY))).isEqualTo(-30);
        assertThat(YUEYANG.pointsOf(record(1, "DISHONESTY", "GRAVE", "ACTIVE", TODAY))).isEqualTo(-60);
        assertThat(YUEYANG.pointsOf(record(1, "DISHONESTY", "SERIOUS", "ACTIVE", TODAY))).isEqualTo(-150);
        assertThat(YUEYANG.pointsOf(record(1, "BASIC", null, "ACTIVE", TODAY))).isZero();

        PointsModel custom = new PointsModel("t", TODAY, 1000, Map.of("DISHONESTY:GENERAL", -30), Map.of("YY-X-001", -80),
                GradeBands.YUEYANG);
        CountedRecord special = new CountedRecord(1, "YY-X-001", "特别项", DepartmentCode.of("dd"), TODAY, "DISHONESTY", "GENERAL", "ACTIVE",
                TODAY.plusYears(1), "某法第一条");
        assertThat(custom.pointsOf(special)).isEqualTo(-80);
    }

    @Test
    void goodCreditOnlyAddsAndDishonestyOnlySubtracts() {
        assertThatThrownBy(() -> new PointsModel("t", TODAY, 1000, Map.of("DISHONESTY:SERIOUS", 10), Map.of(), GradeBands.YUEYANG))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PointsModel("t", TODAY, 1000, Map.of("GOOD_CREDIT", -10), Map.of(), GradeBands.YUEYANG))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theScoreIsExplainedFromThousandRecordByRecord() {
        List<CountedRecord> records = List.of(
                record(1, "GOOD_CREDIT", null, "ACTIVE", TODAY.plusYears(2)),
                record(2, "DISHONESTY", "GENERAL", "OBJECTED", TODAY.plusMonths(6)),
                record(3, "DISHONESTY", "SERIOUS", "REVOKED", TODAY.plusYears(2)),
                record(4, "DISHONESTY", "SERIOUS", "ACTIVE", TODAY));

        Evaluation e = Evaluation.of(records, YUEYANG, TODAY);

        assertThat(e.basePoints()).isEqualTo(1000);
        assertThat(e.points()).isEqualTo(1000 + 30 - 30);
        assertThat(e.grade()).isEqualTo(Grade.A);
        assertThat(e.disputed()).isTrue();
        // oldest decision first: record 2 was decided two months ago, record 1 one month ago
        assertThat(e.lines()).extracting(Evaluation.Line::recordId).containsExactly(2L, 1L);
        assertThat(e.lines().get(0).disputed()).isTrue();
        assertThat(e.lines().get(0).points()).isEqualTo(-30);
        assertThat(e.lines().get(0).countsUntil()).isEqualTo(TODAY.plusMonths(6).minusDays(1));
        assertThat(e.lines().get(1).disputed()).isFalse();
        assertThat(e.lines().get(1).legalBasis()).isNotBlank();
    }

    @Test
    void aPersonWithoutRecordsHasTheStartingPoints() {
        Evaluation e = Evaluation.of(List.of(), YUEYANG, TODAY);
        assertThat(e.points()).isEqualTo(1000);
        assertThat(e.grade()).isEqualTo(Grade.A);
        assertThat(e.lines()).isEmpty();
        assertThat(e.disputed()).isFalse();
    }

    @Test
    void seriousDishonestyLowersTheGradeStepByStep() {
        CountedRecord serious = record(9, "DISHONESTY", "SERIOUS", "ACTIVE", TODAY.plusYears(1));
        assertThat(Evaluation.of(List.of(serious), YUEYANG, TODAY).grade()).isEqualTo(Grade.B);
        assertThat(Evaluation.of(List.of(serious, serious), YUEYANG, TODAY).grade()).isEqualTo(Grade.C);
        assertThat(Evaluation.of(List.of(serious, serious, serious), YUEYANG, TODAY).grade()).isEqualTo(Grade.D);
    }

    private static CountedRecord record(long id, String kind, String severity, String status, LocalDate expiresOn) {
        return new CountedRecord(id, "YY-T-" + id, "测试信息项" + id, DepartmentCode.of("scjg"), TODAY.minusMonths(id), kind, severity, status, expiresOn,
                "《中华人民共和国行政处罚法》第四十八条");
    }
}
