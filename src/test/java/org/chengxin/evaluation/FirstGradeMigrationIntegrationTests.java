package org.chengxin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.chengxin.support.ChengxinIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;


/**
 * V11 moves each person's first grade from the grade history onto the score: run against a database
 * left at V10 with history in the old form, nothing of it is lost.
 */
@ChengxinIntegrationTest
class FirstGradeMigrationIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void theFirstGradeMovesOntoTheScoreAndTheChangesStay() {
        // a schema of its own, migrated to V10 (the platform's role owns its database but may not create others)
        String schema = "cx_migration_v11_" + System.nanoTime();
        JdbcTemplate admin = new JdbcTemplate(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            SingleConnectionDataSource old = new SingleConnectionDataSource(connection, true);
            JdbcTemplate db = new JdbcTemplate(old);
            try {
                migrateAndCheck(old, db, schema);
            } finally {
                db.execute("reset search_path");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            admin.execute("drop schema if exists " + schema + " cascade");
        }
    }

    private static void migrateAndCheck(DataSource old, JdbcTemplate db, String schema) {
        Flyway.configure().dataSource(old).schemas(schema).defaultSchema(schema).target("10").load().migrate();
        db.execute("set search_path to " + schema);
        db.update("insert into evaluation_score values ('\\x01'::bytea, 1030, 'AA', false, 'v1', '2026-03-01T10:00:00Z')");
        db.update("insert into evaluation_score values ('\\x02'::bytea, 1000, 'A', false, 'v1', '2026-03-01T10:00:00Z')");
        db.update("""
                insert into evaluation_grade_history (subject_index, changed_at, old_grade, new_grade, old_points, new_points, record_id, reason)
                values ('\\x01'::bytea, '2026-01-05T08:00:00Z', null, 'B', null, 900, 17, '首次评价'),
                       ('\\x01'::bytea, '2026-03-01T10:00:00Z', 'B', 'AA', 900, 1030, null, '重新计算'),
                       ('\\x02'::bytea, '2026-02-01T09:00:00Z', null, 'A', null, 1000, 23, '首次评价')""");

        Flyway.configure().dataSource(old).schemas(schema).defaultSchema(schema).load().migrate();
        db.execute("set search_path to " + schema);

        List<Map<String, Object>> scores = db.queryForList(
                "select encode(subject_index, 'hex') as s, first_grade, first_points, first_record_id, first_graded_at from evaluation_score order by 1");
        assertThat(scores).extracting(r -> r.get("s") + ":" + r.get("first_grade") + ":" + r.get("first_points") + ":" + r.get("first_record_id"))
                .containsExactly("01:B:900:17", "02:A:1000:23");
        assertThat(scores.get(0).get("first_graded_at").toString()).startsWith("2026-01-05");
        assertThat(db.queryForList("select encode(subject_index, 'hex') || ':' || old_grade || '>' || new_grade from evaluation_grade_history",
                String.class)).as("the changes stay, the first grades moved").containsExactly("01:B>AA");
        assertThat(db.queryForObject("select c.reloptions::text from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where c.relname = 'evaluation_score' and n.nspname = ?", String.class, schema)).contains("fillfactor=45");
    }
}
