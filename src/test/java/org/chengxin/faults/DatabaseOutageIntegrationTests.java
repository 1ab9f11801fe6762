package org.chengxin.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * PostgreSQL out of reach (issue 17, item 10): the database stops taking connections and the pool's are cut, as when
 * the server goes down. The API answers 503 with the problem code DATABASE_UNAVAILABLE and a Chinese message, a page
 * the Chinese error page with 503, health says DOWN; once the database takes connections again everything answers as
 * before without a restart. Needs a superuser connection (the embedded mode's; skipped otherwise).
 */
@Tag("faults")
@ChengxinIntegrationTest
class DatabaseOutageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataSource dataSource;

    @Test
    void requestsAreRefusedWith503WhileTheDatabaseIsDownAndSucceedAgainWhenItIsBack() throws Exception {
        Http http = new Http(port);
        String token = http.token(fixtures.apiClient("records:write"), Fixtures.PASSWORD, "records:write");
        assertThat(http.get("/api/v1/record-batches/999999999", token).status()).isEqualTo(404);

        HikariDataSource pool = (HikariDataSource) dataSource;
        String database;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assumeTrue(superuser(s), "needs a superuser to stop the database taking connections");
            database = single(s, "select current_database()");
        }
        // the switch is thrown from another database of the same server
        String url = pool.getJdbcUrl().replaceFirst("/" + database + "(\\?|$)", "/postgres$1");
        try (Connection admin = DriverManager.getConnection(url, pool.getUsername(), pool.getPassword());
                Statement s = admin.createStatement()) {
            try {
                s.execute("alter database \"" + database + "\" allow_connections false");
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "' "
                        + "and pid <> pg_backend_pid() and backend_type = 'client backend'");

                Http.Response api = http.get("/api/v1/record-batches/999999999", token);
                assertThat(api.status()).as(api.body()).isEqualTo(503);
                assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
                assertThat(api.json().get("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(api.json().get("detail").asString()).contains("数据库暂时无法访问");

                Http.Response page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/double-publicity"))
                        .header("Accept", "text/html").GET());
                assertThat(page.status()).isEqualTo(503);
                assertThat(page.body()).contains("数据库暂时无法访问").contains("DATABASE_UNAVAILABLE").doesNotContain("Exception");

                Http.Response health = http.get("/actuator/health", null);
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.body()).contains("DOWN");
            } finally {
                s.execute("alter database \"" + database + "\" allow_connections true");
            }
        }

        // back by itself: the pool connects again on the next request
        Http.Response again = null;
        for (int i = 0; i < 50; i++) {
            again = http.get("/api/v1/record-batches/999999999", token);
            if (again.status() == 404) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(again.status()).isEqualTo(404);
        assertThat(http.get("/public/double-publicity", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
    }

    private static boolean superuser(Statement s) throws SQLException {
        return "t".equals(single(s, "select rolsuper from pg_roles where rolname = current_user"))
                || "true".equals(single(s, "select rolsuper from pg_roles where rolname = current_user"));
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
