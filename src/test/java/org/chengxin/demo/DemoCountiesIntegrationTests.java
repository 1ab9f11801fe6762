package org.chengxin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import org.chengxin.assessment.DepartmentAssessment;
import org.chengxin.assessment.DepartmentAssessment.CountyScorecard;
import org.chengxin.assessment.domain.Period;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.support.IntegrationTestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The demo's county departments are registered in their divisions and have figures through the platform's own paths. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chengxin.demo.enabled=true", "chengxin.demo.citizens=300", "chengxin.demo.records-per-item=5"})
@Import(IntegrationTestConfiguration.class)
@DisabledIfSystemProperty(named = "spring.profiles.active", matches = ".*prod.*", disabledReason = "prod never loads demo data")
class DemoCountiesIntegrationTests {

    @Autowired
    Departments departments;

    @Autowired
    DepartmentAssessment assessment;

    @Autowired
    Clock clock;

    @Test
    void theCountyDepartmentsPushedCheckedAndWereRejectedSometimes() {
        for (DemoCounties.County c : DemoCounties.ALL) {
            Department d = departments.find(DepartmentCode.of(c.code())).orElseThrow();
            assertThat(d.regionCode()).isEqualTo(c.region());
            assertThat(d.name()).isEqualTo(c.name());
        }
        Period month = Period.containing(LocalDate.now(clock), Period.Kind.MONTH);
        // the demo department's own figures (other tests of the same database may register departments in its county)
        DemoCounties.County inYueyangCounty = DemoCounties.ALL.stream().filter(c -> c.region().equals("430621")).findFirst().orElseThrow();
        var own = assessment.department(DepartmentCode.of(inYueyangCounty.code()), month).scorecard().tally();
        assertThat(own.accepted()).isEqualTo(12);
        assertThat(own.rejected()).isEqualTo(1);
        assertThat(own.checks()).isEqualTo(4);
        assertThat(own.feedbackGiven()).isEqualTo(3);
        var counties = assessment.counties(month).scorecards();
        CountyScorecard yueyangCounty = counties.stream().filter(s -> s.regionCode().equals("430621")).findFirst().orElseThrow();
        assertThat(yueyangCounty.name()).isEqualTo("岳阳县");
        assertThat(yueyangCounty.departments()).isGreaterThanOrEqualTo(1);
        assertThat(yueyangCounty.tally().accepted()).as("the county holds its department's figures").isGreaterThanOrEqualTo(12);
        assertThat(yueyangCounty.score()).isNotNull();
        // 平江县: no demo department and none of any test
        CountyScorecard pingjiang = counties.stream().filter(s -> s.regionCode().equals("430626")).findFirst().orElseThrow();
        assertThat(pingjiang.departments()).isZero();
        assertThat(pingjiang.score()).isNull();
    }
}
