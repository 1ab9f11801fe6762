package org.chengxin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.chengxin.support.ChengxinIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * V17: a points model and a measure list stored before the rule for records under objection existed
 * keep the default (COUNT) written into their configuration, one that names its rule keeps it, running
 * it again changes nothing; and a record may be SUSPENDED.
 */
@ChengxinIntegrationTest
class ObjectedRecordsMigrationIntegrationTests {

    private static final String MIGRATION = "db/migration/V17__objected_records_and_suspension.sql";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void storedModelsAndListsKeepTheDefaultAndARuleAlreadyNamedStays() {
        int n = ThreadLocalRandom.current().nextInt(1_000_000);
        LocalDate far = LocalDate.of(2099, 12, 31);
        String before = "v17-before-" + n;
        String named = "v17-named-" + n;
        String list = "v17-list-" + n;
        jdbc.sql("insert into evaluation_model (version, effective_from, config, published_by) values (?, ?, cast(? as jsonb), 'test')")
                .params(before, far, "{\"basePoints\": 1000, \"byKindAndSeverity\": {}, \"byItem\": {}}").update();
        jdbc.sql("insert into evaluation_model (version, effective_from, config, published_by) values (?, ?, cast(? as jsonb), 'test')")
                .params(named, far, "{\"basePoints\": 1000, \"byKindAndSeverity\": {}, \"objectedRecords\": \"EXCLUDE\"}").update();
        jdbc.sql("insert into measures_version (version, effective_from, config, published_by) values (?, ?, cast(? as jsonb), 'test')")
                .params(list, far, "{\"version\": \"" + list + "\", \"matters\": [], \"measures\": []}").update();
        try {
            migrate();
            assertThat(rule("evaluation_model", before)).isEqualTo("COUNT");
            assertThat(rule("evaluation_model", named)).isEqualTo("EXCLUDE");
            assertThat(rule("measures_version", list)).isEqualTo("COUNT");
            assertThat(jdbc.sql("select count(*) from evaluation_model where config ->> 'objectedRecords' is null").query(Long.class).single())
                    .as("every stored model names its rule").isZero();
            assertThat(jdbc.sql("select count(*) from measures_version where config ->> 'objectedRecords' is null").query(Long.class).single())
                    .as("every stored list names its rule").isZero();

            String once = jdbc.sql("select config::text from evaluation_model where version = ?").param(before).query(String.class).single();
            migrate();
            assertThat(jdbc.sql("select config::text from evaluation_model where version = ?").param(before).query(String.class).single())
                    .as("a second run changes nothing").isEqualTo(once);
        } finally {
            jdbc.sql("delete from evaluation_model where version in (?, ?)").params(before, named).update();
            jdbc.sql("delete from measures_version where version = ?").param(list).update();
        }
    }

    @Test
    void aRecordMayBeSuspended() {
        assertThat(jdbc.sql("select pg_get_constraintdef(oid) from pg_constraint where conname = 'records_record_status_check'")
                .query(String.class).single()).contains("'SUSPENDED'", "'OBJECTED'", "'ACTIVE'", "'REPAIRED'", "'EXPIRED'", "'REVOKED'");
    }

    private String rule(String table, String version) {
        return jdbc.sql("select config ->> 'objectedRecords' from " + table + " where version = ?").param(version)
                .query(String.class).single();
    }

    private void migrate() {
        new ResourceDatabasePopulator(new ClassPathResource(MIGRATION)).execute(dataSource);
    }
}
