package org.chengxin.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** The embedded mode keeps its data across restarts, in the directory it was given. */
@DisabledIfSystemProperty(named = "spring.profiles.active", matches = ".*prod.*", disabledReason = "no embedded server in prod")
class EmbeddedPostgresServerTests {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestart() throws Exception {
        Path data = dir.resolve("postgres");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.obtain(data, false, 0);
        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("create table kept (note text)");
            s.execute("insert into kept values ('重启后仍在')");
        }
        first.release();

        EmbeddedPostgresServer second = EmbeddedPostgresServer.obtain(data, false, 0);
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select note from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("重启后仍在");
            try (ResultSet v = c.createStatement().executeQuery("show server_version")) {
                v.next();
                assertThat(v.getString(1)).startsWith("17.");
            }
        } finally {
            second.release();
        }
        assertThat(data.resolve("PG_VERSION")).exists();
    }
}
