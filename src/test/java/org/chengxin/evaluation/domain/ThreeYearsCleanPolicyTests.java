package org.chengxin.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.chengxin.shared.organization.DepartmentCode;
import org.junit.jupiter.api.Test;

/** Three years without a bad record, with the day of evaluation moved. */
class ThreeYearsCleanPolicyTests {

    private static final LocalDate DECIDED = LocalDate.of(2024, 6, 1);

    @Test
    void nobodyWithoutRecordsIsHeldBack() {
        assertThat(ThreeYearsCleanPolicy.isClean(List.of(), DECIDED)).isTrue();
    }

    @Test
    void aBadRecordDecidedWithinThreeYearsSpoilsItUntilThreeYearsHavePassed() {
        List<CountedRecord> records = List.of(bad("ACTIVE", DECIDED.plusYears(3).plusDays(10)));

        assertThat(ThreeYearsCleanPolicy.isClean(records, DECIDED.plusYears(1))).isFalse();
        assertThat(ThreeYearsCleanPolicy.isClean(records, DECIDED.plusYears(3).minusDays(1))).isFalse();
        assertThat(ThreeYearsCleanPolicy.isClean(records, DECIDED.plusYears(3))).isTrue();
    }

    @Test
    void aRecordThatCanNoLongerBeUsedDoesNotSpoilIt() {
        LocalDate day = DECIDED.plusMonths(6);
        assertThat(ThreeYearsCleanPolicy.isClean(List.of(bad("REVOKED", day.plusYears(2))), day)).isTrue();
        assertThat(ThreeYearsCleanPolicy.isClean(List.of(bad("REPAIRED", day.plusYears(2))), day)).isTrue();
        assertThat(ThreeYearsCleanPolicy.isClean(List.of(bad("ACTIVE", day)), day)).as("expired on that day").isTrue();
        assertThat(ThreeYearsCleanPolicy.isClean(List.of(bad("OBJECTED", day.plusYears(2))), day)).as("disputed still counts").isFalse();
    }

    @Test
    void goodAndBasicRecordsDoNotCount() {
        CountedRecord honour = new CountedRecord(1, "YY-GN-004", "诚信道德模范", DepartmentCode.of("wmb"), DECIDED, "GOOD_CREDIT", null, "ACTIVE",
                DECIDED.plusYears(3), "《中华人民共和国民法典》第七条");
        assertThat(ThreeYearsCleanPolicy.isClean(List.of(honour), DECIDED.plusMonths(1))).isTrue();
    }

    private static CountedRecord bad(String status, LocalDate expiresOn) {
        return new CountedRecord(2, "YY-GN-002", "行政处罚信息（一般）", DepartmentCode.of("scjg"), DECIDED, "DISHONESTY", "GENERAL", status, expiresOn,
                "《中华人民共和国行政处罚法》第四十八条");
    }
}
