package org.chengxin.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

import javax.sql.DataSource;

import org.chengxin.support.ChengxinIntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V63 (三员分立) on an installation of before: its administrators (ADMIN) become system administrators, two of them under
 * one name are told apart so that no name holds two administrator accounts, the other roles stay, the stored sessions go.
 */
@ChengxinIntegrationTest
class SeparatedAdministratorsMigrationIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void formerAdministratorsBecomeSystemAdministratorsUnderNamesOfTheirOwn() {
        // a schema of its own, migrated to just before V63
        String schema = "cx_migration_v63_" + System.nanoTime();
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
        // the last migration before V63, whichever number it has once other changes are merged
        String before = Arrays.stream(Flyway.configure().dataSource(old).schemas(schema).defaultSchema(schema).load().info().all())
                .map(MigrationInfo::getVersion).filter(v -> v != null && v.compareTo(MigrationVersion.fromVersion("63")) < 0)
                .max(MigrationVersion::compareTo).orElseThrow().getVersion();
        Flyway.configure().dataSource(old).schemas(schema).defaultSchema(schema).target(before).load().migrate();
        db.execute("set search_path to " + schema);
        db.update("""
                insert into organization_department (code, name, kind, uscc, region_code)
                values ('platform', '信用平台运营机构', 'PLATFORM', '11430600MB0001000X', '430600')""");
        db.update("""
                insert into organization_staff_account (username, display_name, role, department_code, password_hash)
                values ('root', '平台管理员', 'ADMIN', 'platform', 'x'), ('second', '平台管理员', 'ADMIN', 'platform', 'x'),
                       ('zhang', '张管理', 'ADMIN', 'platform', 'x'), ('clerk', '平台管理员', 'CLERK', 'platform', 'x'),
                       ('auditor', '审计', 'AUDITOR', 'platform', 'x')""");
        db.update("""
                insert into spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval,
                    expiry_time, principal_name)
                values ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002', 0, 0, 1800, 9999999999999,
                    'root')""");

        Flyway.configure().dataSource(old).schemas(schema).defaultSchema(schema).load().migrate();
        db.execute("set search_path to " + schema);

        assertThat(db.queryForList("select username || ' ' || role || ' ' || display_name from organization_staff_account "
                + "order by id", String.class)).containsExactly("root SYSTEM_ADMIN 平台管理员", "second SYSTEM_ADMIN 平台管理员（second）",
                "zhang SYSTEM_ADMIN 张管理", "clerk CLERK 平台管理员", "auditor AUDITOR 审计");
        assertThat(db.queryForObject("select count(*) from spring_session", Integer.class)).as("everybody logs in again").isZero();
        assertThat(db.queryForObject("select to_regclass('organization_staff_account_one_administrator_role') is not null",
                Boolean.class)).isTrue();
    }
}
