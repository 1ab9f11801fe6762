package org.chengxin.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The national monitoring indicators from a known set of figures, and 不适用 without a base. */
class MonitoringTests {

    @Test
    void eachIndicatorFromKnownFigures() {
        // 40 双公示 records, 6 late; 200 rows, 10 rejected; 12 checks, 8 answered, 2 overdue; 5 objections, 1 late;
        // 4 repair applications, 1 late; 30 queries, 3 refused
        CityFigures f = new CityFigures(40, 6, 200, 10, 12, 8, 2, 5, 1, 4, 1, 30, 3);
        assertThat(Monitoring.DOUBLE_PUBLICITY_TIMELY.value(f)).isEqualTo(85.0);
        assertThat(Monitoring.DOUBLE_PUBLICITY_COMPLIANT.value(f)).isEqualTo(95.0);
        assertThat(Monitoring.CHECK_FEEDBACK.value(f)).isEqualTo(80.0);
        assertThat(Monitoring.REPAIR_ON_TIME.value(f)).isEqualTo(75.0);
        assertThat(Monitoring.OBJECTION_ON_TIME.value(f)).isEqualTo(80.0);
        assertThat(Monitoring.CREDIT_QUERIES.value(f)).isEqualTo(27.0);
        assertThat(Monitoring.CHECK_FEEDBACK.basis(f)).isEqualTo("核查 12 次，已反馈 8 次，逾期未反馈 2 次");
        assertThat(Monitoring.CREDIT_QUERIES.percent()).isFalse();
    }

    @Test
    void noBaseNoValue() {
        for (Monitoring m : Monitoring.values()) {
            if (m.percent()) {
                assertThat(m.value(CityFigures.NONE)).as(m.label()).isNull();
            }
            assertThat(m.definition()).isNotBlank();
        }
        assertThat(Monitoring.CREDIT_QUERIES.value(CityFigures.NONE)).isZero();
        assertThat(Monitoring.NOT_COMPUTABLE).isNotEmpty().allSatisfy(x -> assertThat(x.reason()).isNotBlank());
    }
}
