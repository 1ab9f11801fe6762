package org.chengxin.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.chengxin.shared.security.Role;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * HTTP sessions live in PostgreSQL (Spring Session JDBC), not in the instance: a login is a row that every instance
 * reads, and without the row the browser is logged out.
 */
@ChengxinIntegrationTest
class SessionsInDatabaseIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLoginIsARowInTheDatabaseThatEveryRequestReads() {
        Http http = new Http(port);
        String account = fixtures.staff(Role.DATA_OFFICER);
        Http.Response form = http.get("/login", null);
        String cookie = form.headers().firstValue("Set-Cookie").orElse("").split(";")[0];
        assertThat(cookie).startsWith("JSESSIONID=");
        String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        Http.Response answer = http.send(HttpRequest.newBuilder(http.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("account=" + URLEncoder.encode(account, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf)));
        assertThat(answer.status()).isEqualTo(302);
        String session = answer.headers().firstValue("Set-Cookie").orElse(cookie).split(";")[0];

        // the login (and its CSRF token) is stored in the database under the user's name
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class, account)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
                where s.principal_name = ? and a.attribute_name = 'SPRING_SECURITY_CONTEXT'""", Long.class, account)).isEqualTo(1);
        assertThat(page(http, "/ingestion", session).status()).isEqualTo(200);
        // stored encrypted (SM4, the key's id first), never as readable Java serialization (which starts 0xACED)
        byte[] stored = jdbc.queryForObject("""
                select a.attribute_bytes from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
                where s.principal_name = ? and a.attribute_name = 'SPRING_SECURITY_CONTEXT'""", byte[].class, account);
        assertThat(stored).isNotEmpty();
        assertThat(new byte[] {stored[0], stored[1]}).isNotEqualTo(new byte[] {(byte) 0xac, (byte) 0xed});
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(account);

        // another instance would find the same row; without it, nobody is logged in
        jdbc.update("delete from spring_session where principal_name = ?", account);
        Http.Response after = page(http, "/ingestion", session);
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private static Http.Response page(Http http, String path, String session) {
        return http.send(HttpRequest.newBuilder(URI.create(http.uri(path).toString())).header("Cookie", session).header("Accept", "text/html").GET());
    }
}
