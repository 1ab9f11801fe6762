package org.chengxin.measures.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.chengxin.measures.internal.InitialMeasureListAccess;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.time.Calendar2026;
import org.chengxin.shared.time.WorkingCalendar;
import org.junit.jupiter.api.Test;

/** Each trigger kind, matters and departments, both kinds at once, and the measure rules' refusals. */
class MeasureRulesTests {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    private static Measure measure(String code, MeasureKind kind, Trigger trigger, Set<String> matters, Set<String> departments) {
        return new Measure(code, "措施" + code, kind, "内容", trigger, matters, departments, "依据", kind == MeasureKind.PUNISHMENT);
    }

    private static PersonFacts person(String grade, boolean clean, List<PersonFacts.ListFact> lists, List<PersonFacts.RecordFact> good,
            List<PersonFacts.RecordFact> bad) {
        return new PersonFacts(grade, 1000, clean, false, lists, good, bad);
    }

    private static final PersonFacts.ListFact ENTRY = new PersonFacts.ListFact(7, DepartmentCode.of("rsj"), "岳人社〔2026〕1号", DAY.minusMonths(1),
            DAY.plusYears(1));

    private static PersonFacts.RecordFact bad(String severity, LocalDate decided) {
        return new PersonFacts.RecordFact(11, "YY-X", "失信事项", DepartmentCode.of("scjg"), "文号", decided, severity);
    }

    private static final PersonFacts.RecordFact GOOD = new PersonFacts.RecordFact(12, "YY-GN-004", "诚信道德模范", DepartmentCode.of("wmb"), "文号",
            DAY.minusYears(1), null);

    private static List<String> codes(List<Hit> hits) {
        return hits.stream().map(h -> h.measure().code()).toList();
    }

    @Test
    void seriousDishonestyListTriggersOnlyForAPersonOnTheList() {
        Measure m = measure("CJ-A", MeasureKind.PUNISHMENT, Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST), Set.of("GWY"), Set.of("*"));
        List<Hit> hits = MeasureRules.applicable(List.of(m), person("D", false, List.of(ENTRY), List.of(), List.of()), "GWY", DepartmentCode.of("rsj"), DAY);
        assertThat(codes(hits)).containsExactly("CJ-A");
        assertThat(hits.get(0).listEntries()).containsExactly(ENTRY);
        assertThat(MeasureRules.applicable(List.of(m), person("D", false, List.of(), List.of(), List.of()), "GWY", DepartmentCode.of("rsj"), DAY)).isEmpty();
    }

    @Test
    void gradeRangeIncludesBothEnds() {
        Measure m = measure("JL-A", MeasureKind.INCENTIVE, Trigger.grades("AAA", "AA"), Set.of("*"), Set.of("*"));
        assertThat(MeasureRules.applicable(List.of(m), person("AAA", false, List.of(), List.of(), List.of()), "X", DepartmentCode.of("dd"), DAY)).hasSize(1);
        assertThat(MeasureRules.applicable(List.of(m), person("AA", false, List.of(), List.of(), List.of()), "X", DepartmentCode.of("dd"), DAY)).hasSize(1);
        assertThat(MeasureRules.applicable(List.of(m), person("A", false, List.of(), List.of(), List.of()), "X", DepartmentCode.of("dd"), DAY)).isEmpty();
        assertThat(MeasureRules.applicable(List.of(m), person("AA", false, List.of(), List.of(), List.of()), "X", DepartmentCode.of("dd"), DAY).get(0).reason())
                .contains("AA");
        assertThatThrownBy(() -> Trigger.grades("B", "A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Trigger.grades("AAA", "E")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threeYearsCleanAndGoodCreditRecords() {
        Measure clean = measure("JL-C", MeasureKind.INCENTIVE, Trigger.of(TriggerKind.THREE_YEARS_CLEAN), Set.of("*"), Set.of("*"));
        Measure good = measure("JL-G", MeasureKind.INCENTIVE, Trigger.of(TriggerKind.GOOD_CREDIT_RECORD), Set.of("*"), Set.of("*"));
        List<Measure> both = List.of(clean, good);
        assertThat(codes(MeasureRules.applicable(both, person("A", true, List.of(), List.of(), List.of()), "X", DepartmentCode.of("dd"), DAY)))
                .containsExactly("JL-C");
        List<Hit> hits = MeasureRules.applicable(both, person("A", false, List.of(), List.of(GOOD), List.of()), "X", DepartmentCode.of("dd"), DAY);
        assertThat(codes(hits)).containsExactly("JL-G");
        assertThat(hits.get(0).records()).containsExactly(GOOD);
    }

    @Test
    void dishonestyRecordsCountFromTheirSeverityUpAndWithinTheirMonths() {
        Measure m = measure("CJ-D", MeasureKind.PUNISHMENT, Trigger.dishonesty("GRAVE", 12), Set.of("*"), Set.of("*"));
        PersonFacts minorOnly = person("B", false, List.of(), List.of(), List.of(bad("GENERAL", DAY.minusMonths(1))));
        assertThat(MeasureRules.applicable(List.of(m), minorOnly, "X", DepartmentCode.of("dd"), DAY)).isEmpty();
        PersonFacts serious = person("C", false, List.of(), List.of(), List.of(bad("SERIOUS", DAY.minusMonths(2))));
        assertThat(MeasureRules.applicable(List.of(m), serious, "X", DepartmentCode.of("dd"), DAY)).singleElement()
                .satisfies(h -> assertThat(h.records()).hasSize(1));
        // decided thirteen months ago: outside the twelve months
        PersonFacts old = person("C", false, List.of(), List.of(), List.of(bad("SERIOUS", DAY.minusMonths(13))));
        assertThat(MeasureRules.applicable(List.of(m), old, "X", DepartmentCode.of("dd"), DAY)).isEmpty();
        // exactly twelve months ago is not within them
        PersonFacts edge = person("C", false, List.of(), List.of(), List.of(bad("GRAVE", DAY.minusMonths(12))));
        assertThat(MeasureRules.applicable(List.of(m), edge, "X", DepartmentCode.of("dd"), DAY)).isEmpty();
        Measure whole = measure("CJ-W", MeasureKind.PUNISHMENT, Trigger.dishonesty("GRAVE", null), Set.of("*"), Set.of("*"));
        assertThat(MeasureRules.applicable(List.of(whole), old, "X", DepartmentCode.of("dd"), DAY)).hasSize(1);
        assertThat(Trigger.dishonesty("GRAVE", 12).describe()).isEqualTo("有较重及以上失信记录（12 个月内作出）");
    }

    @Test
    void aRecordUnderObjectionTriggersMarkedDisputedByDefaultAndNothingWhenTheListExcludesIt() {
        Measure punishment = measure("CJ-O", MeasureKind.PUNISHMENT, Trigger.dishonesty("GENERAL", null), Set.of("*"), Set.of("*"));
        Measure incentive = measure("JL-O", MeasureKind.INCENTIVE, Trigger.of(TriggerKind.GOOD_CREDIT_RECORD), Set.of("*"), Set.of("*"));
        PersonFacts.RecordFact disputedBad = new PersonFacts.RecordFact(21, "YY-X", "失信事项", DepartmentCode.of("scjg"), "文号", DAY.minusMonths(2),
                "SERIOUS", true);
        PersonFacts.RecordFact disputedGood = new PersonFacts.RecordFact(22, "YY-GN-004", "诚信道德模范", DepartmentCode.of("wmb"), "文号",
                DAY.minusMonths(2), null, true);
        PersonFacts p = person("A", false, List.of(), List.of(disputedGood), List.of(disputedBad, bad("GENERAL", DAY.minusMonths(1))));
        MeasureList counting = new MeasureList("v1", DAY, List.of(), List.of(punishment, incentive));
        MeasureList excluding = new MeasureList("v2", DAY, List.of(), List.of(punishment, incentive), ObjectedRecords.EXCLUDE);

        List<Hit> byDefault = MeasureRules.applicable(counting, p, "ANY", DepartmentCode.of("scjg"), DAY);
        assertThat(counting.objectedRecords()).isEqualTo(ObjectedRecords.COUNT);
        assertThat(codes(byDefault)).containsExactly("CJ-O", "JL-O");
        assertThat(byDefault.get(0).records()).extracting(PersonFacts.RecordFact::recordId).containsExactly(21L, 11L);
        assertThat(byDefault.get(0).reason()).endsWith("2 条（其中 1 条正在异议处理中，请审慎适用）");
        assertThat(byDefault.get(1).reason()).contains("正在异议处理中");

        List<Hit> excluded = MeasureRules.applicable(excluding, p, "ANY", DepartmentCode.of("scjg"), DAY);
        assertThat(codes(excluded)).as("the good-credit record is disputed: no incentive meanwhile").containsExactly("CJ-O");
        assertThat(excluded.get(0).records()).extracting(PersonFacts.RecordFact::recordId).containsExactly(11L);
        assertThat(excluded.get(0).reason()).doesNotContain("异议");
        PersonFacts onlyDisputed = person("A", false, List.of(), List.of(), List.of(disputedBad));
        assertThat(MeasureRules.applicable(excluding, onlyDisputed, "ANY", DepartmentCode.of("scjg"), DAY)).isEmpty();
        assertThat(codes(MeasureRules.applicable(counting, onlyDisputed, "ANY", DepartmentCode.of("scjg"), DAY))).containsExactly("CJ-O");
    }

    @Test
    void aMeasureAppliesToItsMattersAndDepartmentsOnly() {
        Measure m = measure("CJ-M", MeasureKind.PUNISHMENT, Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST), Set.of("GWY"), Set.of("rsj", "zzb"));
        PersonFacts listed = person("D", false, List.of(ENTRY), List.of(), List.of());
        assertThat(MeasureRules.applicable(List.of(m), listed, "GWY", DepartmentCode.of("rsj"), DAY)).hasSize(1);
        assertThat(MeasureRules.applicable(List.of(m), listed, "ZFCG", DepartmentCode.of("rsj"), DAY)).as("another matter").isEmpty();
        assertThat(MeasureRules.applicable(List.of(m), listed, "GWY", DepartmentCode.of("scjg"), DAY)).as("another department").isEmpty();
    }

    @Test
    void aPersonCanQualifyForAnIncentiveAndAPunishmentAtOnce() {
        Measure incentive = measure("JL-G", MeasureKind.INCENTIVE, Trigger.of(TriggerKind.GOOD_CREDIT_RECORD), Set.of("*"), Set.of("*"));
        Measure punishment = measure("CJ-D", MeasureKind.PUNISHMENT, Trigger.dishonesty("MINOR", null), Set.of("*"), Set.of("*"));
        PersonFacts mixed = person("A", false, List.of(), List.of(GOOD), List.of(bad("MINOR", DAY.minusDays(5))));
        assertThat(codes(MeasureRules.applicable(List.of(incentive, punishment), mixed, "X", DepartmentCode.of("dd"), DAY)))
                .containsExactly("JL-G", "CJ-D");
    }

    @Test
    void measuresAndListsRefuseWhatMakesNoSense() {
        assertThatThrownBy(() -> measure("JL-X", MeasureKind.INCENTIVE, Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST), Set.of(), Set.of()))
                .hasMessageContaining("激励措施");
        assertThatThrownBy(() -> measure("CJ-X", MeasureKind.PUNISHMENT, Trigger.of(TriggerKind.THREE_YEARS_CLEAN), Set.of(), Set.of()))
                .hasMessageContaining("惩戒措施");
        assertThatThrownBy(() -> new Measure("CJ-X", "名称", MeasureKind.PUNISHMENT, "", Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST),
                Set.of(), Set.of(), " ", true)).hasMessageContaining("依据");
        assertThatThrownBy(() -> measure("cj-lower", MeasureKind.PUNISHMENT, Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST), Set.of(), Set.of()))
                .hasMessageContaining("编码");
        assertThatThrownBy(() -> Trigger.dishonesty("NONE", 12)).isInstanceOf(IllegalArgumentException.class);
        Measure unknownMatter = measure("CJ-U", MeasureKind.PUNISHMENT, Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST), Set.of("NOPE"),
                Set.of());
        assertThatThrownBy(() -> new MeasureList("v", DAY, List.of(new Matter("GWY", "公务员录用", Set.of())), List.of(unknownMatter)))
                .hasMessageContaining("NOPE");
        assertThat(measure("CJ-E", MeasureKind.PUNISHMENT, Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST), Set.of(), Set.of()).matters())
                .as("no matter named: every matter").containsExactly("*");
    }

    @Test
    void feedbackIsDueAfterWorkingDaysSkippingWeekends() {
        // Friday 2026-11-27 + 5 working days = Friday 2026-12-04
        assertThat(FeedbackDeadline.due(WorkingCalendar.WEEKENDS_ONLY, LocalDate.of(2026, 11, 27), 5)).isEqualTo(LocalDate.of(2026, 12, 4));
        // Saturday 2026-11-28 + 1 working day = Monday 2026-11-30
        assertThat(FeedbackDeadline.due(WorkingCalendar.WEEKENDS_ONLY, LocalDate.of(2026, 11, 28), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        // Wednesday + 3 = Monday
        assertThat(FeedbackDeadline.due(WorkingCalendar.WEEKENDS_ONLY, LocalDate.of(2026, 11, 25), 3)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThatThrownBy(() -> FeedbackDeadline.due(WorkingCalendar.WEEKENDS_ONLY, DAY, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void feedbackIsDueAfterWorkingDaysOfTheCalendarOverSpringFestivalAndNationalDay() {
        // Thursday 12 February + 5: Friday 13, Saturday 14 (worked), Tuesday 24, 25, Thursday 26
        assertThat(FeedbackDeadline.due(Calendar2026.CALENDAR, LocalDate.of(2026, 2, 12), 5)).isEqualTo(LocalDate.of(2026, 2, 26));
        // Tuesday 29 September + 5: Wednesday 30, Thursday 8, Friday 9, Saturday 10 (worked), Monday 12 October
        assertThat(FeedbackDeadline.due(Calendar2026.CALENDAR, LocalDate.of(2026, 9, 29), 5)).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void theYueyangDefaultListIsConsistent() {
        MeasureList list = InitialMeasureListAccess.yueyang(DAY);
        assertThat(list.measures()).extracting(Measure::name).contains("优先办理", "简化程序", "绿色通道", "容缺受理", "重点支持",
                "限制录用为公务员", "列为重点监管对象", "提高抽查比例和频次");
        assertThat(list.measures()).allSatisfy(m -> assertThat(m.legalBasis()).contains("岳阳市人民政府关于加强个人诚信体系建设的实施意见"));
        assertThat(list.measures()).filteredOn(m -> m.kind() == MeasureKind.INCENTIVE).extracting(m -> m.trigger().kind())
                .contains(TriggerKind.THREE_YEARS_CLEAN, TriggerKind.GOOD_CREDIT_RECORD, TriggerKind.GRADE_RANGE);
        assertThat(list.measures()).filteredOn(m -> m.kind() == MeasureKind.PUNISHMENT).extracting(m -> m.trigger().kind())
                .contains(TriggerKind.SERIOUS_DISHONESTY_LIST, TriggerKind.DISHONESTY_RECORD);
    }

    @Test
    void noDefaultPunishmentIsTriggeredByAGradeAndEachNamesANationalBasis() {
        List<Measure> punishments = InitialMeasureListAccess.yueyang(DAY).measures().stream()
                .filter(m -> m.kind() == MeasureKind.PUNISHMENT).toList();
        assertThat(punishments).hasSizeGreaterThanOrEqualTo(9);
        assertThat(punishments).allSatisfy(m -> {
            assertThat(m.trigger().kind()).as(m.code()).isIn(PunishmentBasisPolicy.LAWFUL_TRIGGERS);
            assertThat(m.trigger().bestGrade()).as(m.code()).isNull();
            // the local policy alone is not a basis for punishing: each names a national law, regulation or document too
            assertThat(m.legalBasis().replace("《岳阳市人民政府关于加强个人诚信体系建设的实施意见》", "")).as(m.code())
                    .containsPattern("《[^》]+》");
        });
        Measure noPromise = punishments.stream().filter(m -> m.code().equals("CJ-RQSL")).findFirst().orElseThrow();
        assertThat(noPromise.trigger()).isEqualTo(Trigger.dishonesty("GRAVE", null));
        assertThat(noPromise.legalBasis()).contains("国办发〔2020〕42号");
    }
}
