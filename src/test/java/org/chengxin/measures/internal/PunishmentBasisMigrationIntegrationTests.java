package org.chengxin.measures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.chengxin.measures.domain.Measure;
import org.chengxin.measures.domain.MeasureList;
import org.chengxin.measures.domain.Trigger;
import org.chengxin.measures.domain.TriggerKind;
import org.chengxin.support.ChengxinIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * V15 corrects a stored list that punishes by grade: a version as the first start stored it before
 * (CJ-RQSL triggered by grade C-D) and with a punishment an administrator triggered by a grade loads
 * again, lawfully, after the migration; running it again changes nothing.
 */
@ChengxinIntegrationTest
class PunishmentBasisMigrationIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MIGRATION = "db/migration/V15__measures_punishment_basis.sql";
    private static final String OLD_BASIS = InitialMeasureList.POLICY + "（十四）；" + InitialMeasureList.GUOFA_2016_33 + "；"
            + InitialMeasureList.GUOBAN_2020_49;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aStoredListThatPunishesByGradeIsCorrectedAndLoadsAgain() {
        MeasureList defaults = InitialMeasureList.yueyang(LocalDate.of(2099, 12, 31));
        String version = "migration-test-" + ThreadLocalRandom.current().nextInt(1_000_000);
        jdbc.sql("insert into measures_version (version, effective_from, config, published_by) values (?, ?, cast(? as jsonb), 'test')")
                .params(version, defaults.effectiveFrom(), JSON.writeValueAsString(asStoredBefore(defaults))).update();
        try {
            migrate();
            MeasureList corrected = JSON.readValue(configOf(version), MeasureList.class);

            Measure noPromise = corrected.measure("CJ-RQSL").orElseThrow();
            assertThat(noPromise.trigger()).isEqualTo(Trigger.dishonesty("GRAVE", null));
            assertThat(noPromise).isEqualTo(defaults.measure("CJ-RQSL").orElseThrow());
            assertThat(corrected.measure("CJ-XGRADE").orElseThrow().trigger()).isEqualTo(Trigger.of(TriggerKind.SERIOUS_DISHONESTY_LIST));
            assertThat(corrected.measures()).filteredOn(m -> !m.code().equals("CJ-XGRADE"))
                    .as("nothing else changes, in the same order").containsExactlyElementsOf(defaults.measures());

            String once = configOf(version);
            migrate();
            assertThat(configOf(version)).as("a second run changes nothing").isEqualTo(once);
        } finally {
            jdbc.sql("delete from measures_version where version = ?").param(version).update();
        }
    }

    /** The default list as stored before: CJ-RQSL by grade C-D, and a punishment an administrator added by grade. */
    private static ObjectNode asStoredBefore(MeasureList defaults) {
        ObjectNode config = JSON.valueToTree(defaults);
        ArrayNode measures = (ArrayNode) config.get("measures");
        for (int i = 0; i < measures.size(); i++) {
            ObjectNode m = (ObjectNode) measures.get(i);
            if (m.get("code").asString().equals("CJ-RQSL")) {
                m.set("trigger", JSON.valueToTree(Trigger.grades("C", "D")));
                m.put("content", "不适用容缺受理、告知承诺等便利措施");
                m.put("legalBasis", OLD_BASIS);
                ObjectNode byGrade = m.deepCopy();
                byGrade.put("code", "CJ-XGRADE");
                byGrade.set("trigger", JSON.valueToTree(Trigger.grades("D", "D")));
                measures.add(byGrade);
                return config;
            }
        }
        throw new IllegalStateException("the default list has no CJ-RQSL");
    }

    private void migrate() {
        new ResourceDatabasePopulator(new ClassPathResource(MIGRATION)).execute(dataSource);
    }

    private String configOf(String version) {
        return jdbc.sql("select config::text from measures_version where version = ?").param(version).query(String.class).single();
    }
}
