package org.chengxin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.chengxin.support.ChengxinIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * V11 moves each person's first grade from the grade history onto the score: run against a database
 * left at V10 with history in the old form, nothing of it is lost.
 */
@ChengxinIntegrationTest
class FirstGradeMigrationIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void theFirstGradeMovesOntoTheScoreAndTheChangesStay() throws Exception {
        HikariDataSource main = (HikariDataSource) dataSource;
        JdbcTemplate admin = new JdbcTemplate(dataSource);
        String database = "cx_migration_v11_" + System.nanoTime();
        admin.execute("create database " + database);
        String url = main.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        try (SingleConnectionDataSource old = new SingleConnectionDataSource(url, main.getUsername(), main.getPassword(), true)) {
            Flyway.configure().dataSource(old).target("10").load().migrate();
            JdbcTemplate db = new JdbcTemplate(old);
            db.update("insert into evaluation_score values ('\\x01'::bytea, 1030, 'AA', false, 'v1', '2026-03-01T10:00:00Z')");
            db.update("insert into evaluation_score values ('\\x02'::bytea, 1000, 'A', false, 'v1', '2026-03-01T10:00:00Z')");
            db.update("""
                    insert into evaluation_grade_history (subject_index, changed_at, old_grade, new_grade, old_points, new_points, record_id, reason)
                    values ('\\x01'::bytea, '2026-01-05T08:00:00Z', null, 'B', null, 900, 17, '首次评价'),
                           ('\\x01'::bytea, '2026-03-01T10:00:00Z', 'B', 'AA', 900, 1030, null, '重新计算'),
                           ('\\x02'::bytea, '2026-02-01T09:00:00Z', null, 'A', null, 1000, 23, '首次评价')""");

            Flyway.configure().dataSource(old).load().migrate();

            List<Map<String, Object>> scores = db.queryForList(
                    "select encode(subject_index, 'hex') as s, first_grade, first_points, first_record_id, first_graded_at from evaluation_score order by 1");
            assertThat(scores).extracting(r -> r.get("s") + ":" + r.get("first_grade") + ":" + r.get("first_points") + ":" + r.get("first_record_id"))
                    .containsExactly("01:B:900:17", "02:A:1000:23");
            assertThat(scores.get(0).get("first_graded_at").toString()).startsWith("2026-01-05");
            assertThat(db.queryForList("select encode(subject_index, 'hex') || ':' || old_grade || '>' || new_grade from evaluation_grade_history",
                    String.class)).as("the changes stay, the first grades moved").containsExactly("01:B>AA");
            assertThat(db.queryForObject("select reloptions::text from pg_class where relname = 'evaluation_score'", String.class))
                    .contains("fillfactor=45");
        } finally {
            admin.execute("drop database if exists " + database + " with (force)");
        }
    }
}
