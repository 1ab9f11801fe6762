package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.chengxin.identity.Citizens;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An ID number reaches the platform in many ways (API bodies, broken JSON, logins, log calls,
 * exceptions); none of them may bring it back unmasked in a log line, an error body or a table.
 */
@ChengxinIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoUnmaskedIdNumberIntegrationTests {

    /** The same shape the pre-stop hook looks for in test reports and logs. */
    static final Pattern FULL_ID = Pattern.compile(
            "\\b[1-9][0-9]{5}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]\\b");
    private static final Logger log = LoggerFactory.getLogger(NoUnmaskedIdNumberIntegrationTests.class);

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noLogLineErrorBodyOrStoredColumnCarriesAFullIdNumber(CapturedOutput output) {
        Http http = new Http(port);
        IdNumber person = fixtures.citizenWithAccount();
        String id = person.value();
        String badCheck = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        String token = http.token(fixtures.apiClient("identity:validate"), Fixtures.PASSWORD, "identity:validate");
        List<String> bodies = new ArrayList<>();

        bodies.add(http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":\"" + id + "\"}").body());
        bodies.add(http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":\"" + badCheck + "\"}").body());
        bodies.add(http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":\"" + id + "\"").body());
        bodies.add(http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":" + id + "}").body());
        bodies.add(http.postJson("/api/v1/identity/validations", token, "[\"" + id + "\"]").body());
        bodies.add(http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":\"" + "9".repeat(70) + id + "\"}").body());
        bodies.add(http.get("/api/v1/nothing-here", token).body());
        bodies.add(loginAttempt(http, id, "wrong-password-1"));
        bodies.add(loginAttempt(http, badCheck, "wrong-password-2"));
        log.info("检查日志脱敏：号码 {} 已收到", id);
        log.error("模拟的处理失败", new IllegalStateException("处理号码 " + id + " 时出错", new RuntimeException(id)));
        citizens.enroll(person);

        assertThat(bodies).allSatisfy(body -> assertThat(FULL_ID.matcher(body).find()).as("an answer leaks a number").isFalse());
        assertThat(FULL_ID.matcher(output.getAll()).find()).as("the log holds a full number").isFalse();
        assertThat(output.getAll()).contains("检查日志脱敏：号码 " + person.masked());
        assertThat(output.getAll()).contains("处理号码 " + person.masked());
        assertThat(textOfTables()).as("a table holds a number in clear").doesNotContain(id).doesNotContain(badCheck);
    }

    @Test
    void anIdNumberSentInAUrlComesBackMaskedInTheProblemAndNeverInTheLog(CapturedOutput output) {
        Http http = new Http(port);
        IdNumber person = fixtures.syntheticIdNumber();
        String id = person.value();
        String withX = id.substring(0, 17) + "X";
        String escaped = id.chars().mapToObj(c -> String.format("%%%02X", c)).collect(java.util.stream.Collectors.joining());
        String records = http.token(fixtures.apiClient("records:write"), Fixtures.PASSWORD, "records:write");
        String checks = http.token(fixtures.apiClientOf("rsj", "measures:check"), Fixtures.PASSWORD, "measures:check");

        List<Http.Response> answers = List.of(
                http.get("/api/v1/record-batches/" + id, records),
                http.get("/api/v1/record-batches/" + escaped, records),
                http.get("/api/v1/record-batches/" + withX + "/rejections.csv", records),
                http.postJson("/api/v1/records/" + id + "/revocation", records, "{\"reason\":\"核对\"}"),
                http.get("/api/v1/measure-checks/" + id, checks),
                http.get("/api/v1/records/" + id + "/revocation", records),
                http.get("/api/v1/record-batches/" + id + "%2F1", records),
                http.get("/api/v1/record-batches/" + id + ";x=1", records));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.json().get("instance").asString()).as("the path asked for, masked").containsPattern("/430602\\*{8}[0-9X]{4}");
            assertThat(FULL_ID.matcher(answer.body()).find()).as(answer.body()).isFalse();
            assertThat(answer.body()).doesNotContain(escaped);
        });
        assertThat(FULL_ID.matcher(output.getAll()).find()).as("the log holds a full number").isFalse();
    }

    /** Every text column of the tables that may concern a person, joined. */
    private String textOfTables() {
        StringBuilder all = new StringBuilder();
        for (String sql : List.of(
                "select concat_ws('|', masked, region_code, encode(id_cipher, 'escape')) from identity_subject",
                "select concat_ws('|', masked_id, encode(blind_index, 'hex')) from organization_citizen_account",
                "select concat_ws('|', actor, subject_index, purpose, detail) from audit_entry",
                "select concat_ws('|', actor, subject_index, purpose, detail) from audit_inbox")) {
            jdbc.queryForList(sql, String.class).forEach(all::append);
        }
        return all.toString();
    }

    private String loginAttempt(Http http, String account, String password) {
        Http.Response page = http.get("/login", null);
        String cookie = page.headers().firstValue("Set-Cookie").orElse("").split(";")[0];
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        Http.Response answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("account=" + account + "&password=" + password + "&_csrf=" + csrf)));
        assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        return answer.body() + answer.headers().map();
    }
}
