package org.chengxin.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.chengxin.support.ChengxinIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V16 moves the statements kept before the review existed into the versioned table: those in force come in
 * PUBLISHED (they were shown already), the withdrawn ones WITHDRAWN, in the order written, under their numbers.
 */
@ChengxinIntegrationTest
class StatementsMigrationIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void theOldStatementsComeInPublishedOrWithdrawnWithTheirHistory() {
        // a schema of its own, migrated to V15 (the platform's role owns its database but may not create others)
        String schema = "cx_migration_v16_" + System.nanoTime();
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
        Flyway.configure().dataSource(old).schemas(schema).defaultSchema(schema).target("15").load().migrate();
        db.execute("set search_path to " + schema);
        for (int id : new int[] { 31, 32 }) {
            db.update("""
                    insert into records_record (id, subject_index, subject_id, item_code, catalog_version_id, department_code, source_id,
                        decision_date, content, content_hash, kind, scope, min_period_end, expires_on, status, version, accepted_at, updated_at)
                    values (?, '\\x01'::bytea, 1, 'YY-GN-002', 1, 'scjg', ?, '2026-01-05', '{}'::jsonb, repeat('0', 64), 'DISHONESTY',
                        'PUBLIC', '2026-04-05', '2029-01-05', 'ACTIVE', 1, now(), now())""", id, "src-" + id);
        }
        db.update("""
                insert into inquiry_statement (id, subject_index, record_id, text, created_at, withdrawn_at)
                values (5, '\\x01'::bytea, 31, '罚款已缴清', '2026-02-01T08:00:00Z', null),
                       (7, '\\x01'::bytea, 31, '并已整改', '2026-03-01T08:00:00Z', null),
                       (6, '\\x01'::bytea, 32, '已撤回的说明', '2026-02-10T08:00:00Z', '2026-02-20T08:00:00Z')""");

        Flyway.configure().dataSource(old).schemas(schema).defaultSchema(schema).load().migrate();
        db.execute("set search_path to " + schema);

        List<String> rows = db.queryForList("select id || ':' || record_id || ':v' || version || ':' || status || ':' || text "
                + "|| ':' || coalesce(closed_at::date::text, '-') from statements_statement order by id", String.class);
        assertThat(rows).containsExactly("5:31:v1:PUBLISHED:罚款已缴清:-", "6:32:v1:WITHDRAWN:已撤回的说明:2026-02-20",
                "7:31:v2:PUBLISHED:并已整改:-");
        assertThat(db.queryForObject("select count(*) from statements_statement where reviewed_at is null", Integer.class)).isZero();
        assertThat(db.queryForObject("select to_regclass('inquiry_statement') is null", Boolean.class)).as("the old table is gone").isTrue();
        Long next = db.queryForObject("""
                insert into statements_statement (subject_index, record_id, version, text, status, submitted_by, submitted_at)
                values ('\\x01'::bytea, 31, 3, '新版本', 'PENDING', '本人', now()) returning id""", Long.class);
        assertThat(next).as("new numbers follow the old ones").isEqualTo(8);
    }
}
