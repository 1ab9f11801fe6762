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
        var counties = assessment.counties(Period.containing(LocalDate.now(clock), Period.Kind.MONTH)).scorecards();
        CountyScorecard yueyangCounty = counties.stream().filter(s -> s.regionCode().equals("430621")).findFirst().orElseThrow();
        assertThat(yueyangCounty.name()).isEqualTo("岳阳县");
        assertThat(yueyangCounty.departments()).isEqualTo(1);
        assertThat(yueyangCounty.tally().accepted()).isEqualTo(12);
        assertThat(yueyangCounty.tally().rejected()).isEqualTo(1);
        assertThat(yueyangCounty.tally().checks()).isEqualTo(4);
        assertThat(yueyangCounty.tally().feedbackGiven()).isEqualTo(3);
        assertThat(yueyangCounty.score()).isNotNull();
        CountyScorecard xiangyin = counties.stream().filter(s -> s.regionCode().equals("430624")).findFirst().orElseThrow();
        assertThat(xiangyin.departments()).isZero();
        assertThat(xiangyin.score()).isNull();
    }
}
