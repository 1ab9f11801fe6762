package org.chengxin.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.shared.security.Role;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /actuator/prometheus} answers the metrics account alone and shows the business meters with the figures as they
 * are (a batch's rows, kept ten seconds, then read afresh), beside the audit chain's writer and the JVM's.
 */
@ChengxinIntegrationTest
class MetricsEndpointIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MetricsCredentials credentials;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment env;

    @Autowired
    Fixtures fixtures;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void anonymousCallersAndWrongPasswordsAreRefused() {
        Http http = new Http(port);
        Http.Response anonymous = http.get("/actuator/prometheus", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(scrape(credentials.username(), "not-the-password").status()).isEqualTo(401);
        assertThat(scrape("admin", password()).status()).isEqualTo(401);
        // a token of a department system is no metrics account either
        assertThat(http.get("/actuator/prometheus", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln").status()).isEqualTo(401);
    }

    @Test
    void thePeoplesLoginIsUntouchedByTheMetricsAccount() {
        // an AuthenticationProvider bean would have become the global one and refused every person's password
        Http http = new Http(port);
        assertThat(http.login(fixtures.staff(Role.CLERK), Fixtures.PASSWORD)).endsWith("/home");
        assertThat(http.login(credentials.username(), password())).endsWith("/login?error");
    }

    @Test
    void theMetricsAccountReadsTheBusinessMeters() {
        clock.set(Instant.now());
        String before = scrapeOk();
        for (String meter : List.of("chengxin_ingestion_batches{", "chengxin_ingestion_rows{", "chengxin_measures_checks_total{",
                "chengxin_evaluation_queue ", "chengxin_remedies_objections_overdue ", "chengxin_inquiry_reports_last_day ",
                "chengxin_audit_writer_lag_seconds ", "chengxin_audit_writer_waiting ", "chengxin_audit_writer_queue ",
                "jvm_memory_used_bytes")) {
            assertThat(before).as(meter).contains(meter);
        }
        double completed = value(before, "chengxin_ingestion_batches{status=\"COMPLETED\"}");
        double accepted = value(before, "chengxin_ingestion_rows{outcome=\"accepted\"}");
        double rejected = value(before, "chengxin_ingestion_rows{outcome=\"rejected\"}");
        double checks = value(before, "chengxin_measures_checks_total{outcome=\"checked\"}");

        Long batch = jdbc.queryForObject("""
                insert into ingestion_batch (department_code, submitted_by, format, atomic, status, total, processed, accepted,
                    rejected, submitted_at, last_activity_at, finished_at)
                values ('metrics-test', 'metrics-test', 'JSON', false, 'COMPLETED', 10, 10, 7, 3, now(), now(), now()) returning id""",
                Long.class);
        byte[] waiting = new byte[32];
        waiting[0] = (byte) 0x6d;
        waiting[1] = (byte) 0x74;
        jdbc.update("insert into evaluation_pending (subject_index) values (?) on conflict do nothing", (Object) waiting);
        try {
            // the figures are kept ten seconds: still the old ones, then read afresh
            assertThat(value(scrapeOk(), "chengxin_ingestion_rows{outcome=\"accepted\"}")).isEqualTo(accepted);
            clock.advance(Duration.ofSeconds(11));
            String after = scrapeOk();
            assertThat(value(after, "chengxin_ingestion_batches{status=\"COMPLETED\"}")).isEqualTo(completed + 1);
            assertThat(value(after, "chengxin_ingestion_rows{outcome=\"accepted\"}")).isEqualTo(accepted + 7);
            assertThat(value(after, "chengxin_ingestion_rows{outcome=\"rejected\"}")).isEqualTo(rejected + 3);
            // the queue's length is shown (checked above) but not compared: the recomputation worker drains it meanwhile
            // (seen in the prod run: 11 waiting before, 0 after)
            assertThat(value(after, "chengxin_measures_checks_total{outcome=\"checked\"}")).isGreaterThanOrEqualTo(checks);
        } finally {
            jdbc.update("delete from ingestion_batch where id = ?", batch);
            jdbc.update("delete from evaluation_pending where subject_index = ?", (Object) waiting);
        }
    }

    private String scrapeOk() {
        Http.Response r = scrape(credentials.username(), password());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private Http.Response scrape(String user, String password) {
        Http http = new Http(port);
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(http.uri("/actuator/prometheus")).header("Authorization", "Basic " + basic).GET());
    }

    /** The configured password (production: CHENGXIN_METRICS_PASSWORD), else the one generated into the data directory. */
    private String password() {
        String configured = env.getProperty("chengxin.metrics.password", "");
        if (!configured.isBlank()) {
            return configured;
        }
        try {
            return Files.readString(Path.of(env.getRequiredProperty("chengxin.data-dir"), "keys", "metrics-password"),
                    StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double value(String exposition, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + "\\s+(\\S+)$", Pattern.MULTILINE).matcher(exposition);
        assertThat(m.find()).as(series + " in the exposition").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
